package org.orderly.regime.reference;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.orderly.regime.Source;

/**
 * One reference CSV file split into rows that know their file and line, so that every value
 * read from a row can be refused with a message that says where it is.
 */
final class ReferenceFile {
    /** Separates the items of a list inside one cell. */
    static final String LIST_SEPARATOR = "|";

    private static final Pattern PARSER_LINE = Pattern.compile(" at line: (\\d+)(, position: [0-9,]+)?");

    private ReferenceFile() {
    }

    /** Parses the text of a file whose first line must be exactly {@code header}. */
    static List<Row> read(String file, String text, List<String> header) {
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        int[] lineStarts = lineStarts(text);
        List<Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get().parse(new StringReader(text))) {
            boolean first = true;
            for (CSVRecord record : parser) {
                int line = lineOf(lineStarts, record.getCharacterPosition());
                List<String> values = record.toList();
                if (first) {
                    first = false;
                    if (!values.equals(header)) {
                        throw new ReferenceDataException(file, line, "header must be '" + String.join(",", header)
                                + "' but is '" + String.join(",", values) + "'");
                    }
                    continue;
                }
                if (values.size() != header.size()) {
                    throw new ReferenceDataException(file, line, "expected " + header.size() + " fields ("
                            + String.join(",", header) + ") but found " + values.size());
                }
                Map<String, String> cells = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) cells.put(header.get(i), values.get(i).strip());
                rows.add(new Row(file, line, cells));
            }
            if (first) throw new ReferenceDataException(file, 0, "file is empty; its header must be '" + String.join(",", header) + "'");
        } catch (IOException | UncheckedIOException e) {
            // Only malformed quoting reaches here (the text is already in memory); Commons CSV puts the line in its message.
            Throwable cause = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
            String message = String.valueOf(cause.getMessage());
            Matcher where = PARSER_LINE.matcher(message);
            int line = where.find() ? Integer.parseInt(where.group(1)) : 0;
            throw new ReferenceDataException(file, line, "malformed CSV: " + PARSER_LINE.matcher(message).replaceAll(""));
        }
        return rows;
    }

    private static int[] lineStarts(String text) {
        int[] starts = new int[16];
        int count = 0;
        starts[count++] = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                if (count == starts.length) starts = Arrays.copyOf(starts, count * 2);
                starts[count++] = i + 1;
            }
        }
        return Arrays.copyOf(starts, count);
    }

    private static int lineOf(int[] lineStarts, long position) {
        int index = Arrays.binarySearch(lineStarts, (int) position);
        return (index >= 0 ? index : -index - 2) + 1;
    }

    /** One data row: its cells by column name, and where it is. */
    record Row(String file, int line, Map<String, String> cells) {

        ReferenceDataException error(String problem) {
            return new ReferenceDataException(file, line, problem);
        }

        /** The cell, or "" when it is empty. */
        String optional(String column) {
            String value = cells.get(column);
            if (value == null) throw new IllegalStateException("no column " + column + " in " + file);
            return value;
        }

        String required(String column) {
            String value = optional(column);
            if (value.isEmpty()) throw error(column + " is empty");
            return value;
        }

        LocalDate date(String column) {
            LocalDate date = optionalDate(column);
            if (date == null) throw error(column + " is empty");
            return date;
        }

        /** The cell as a date, or null when it is empty. */
        LocalDate optionalDate(String column) {
            String value = optional(column);
            if (value.isEmpty()) return null;
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                throw error(column + " '" + value + "' is not a date (yyyy-mm-dd)");
            }
        }

        boolean bool(String column) {
            String value = required(column);
            if (value.equals("true")) return true;
            if (value.equals("false")) return false;
            throw error(column + " '" + value + "' must be true or false");
        }

        <E extends Enum<E>> E choice(String column, Class<E> type) {
            return choice(column, required(column), type);
        }

        <E extends Enum<E>> E choice(String what, String value, Class<E> type) {
            try {
                return Enum.valueOf(type, value);
            } catch (IllegalArgumentException e) {
                throw error(what + " '" + value + "' must be one of " + Arrays.toString(type.getEnumConstants()));
            }
        }

        /** The items of a {@code |}-separated cell; empty when the cell is empty. */
        List<String> list(String column) {
            return split(column, optional(column));
        }

        List<String> split(String what, String value) {
            if (value.isEmpty()) return List.of();
            List<String> items = new ArrayList<>();
            for (String item : value.split(Pattern.quote(LIST_SEPARATOR), -1)) {
                String trimmed = item.strip();
                if (trimmed.isEmpty()) throw error(what + " '" + value + "' has an empty item");
                items.add(trimmed);
            }
            return items;
        }

        /**
         * The row's source from its {@code source_title}, {@code source_reference} and {@code as_of}
         * columns; all three are required and the as-of date may not lie in the future, because
         * nobody can vouch today for what will be true tomorrow.
         */
        Source source() {
            String title = required("source_title");
            String reference = required("source_reference");
            LocalDate asOf = date("as_of");
            if (asOf.isAfter(LocalDate.now(ZoneOffset.UTC))) throw error("as_of " + asOf + " is in the future");
            return new Source(title, reference, asOf);
        }
    }
}
