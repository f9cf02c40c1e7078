package org.orderly.regime.reference;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.orderly.csv.CsvException;
import org.orderly.csv.CsvHeader;
import org.orderly.csv.CsvReader;
import org.orderly.csv.CsvRow;
import org.orderly.regime.RegimeDates;
import org.orderly.regime.Source;

/**
 * One reference CSV file split into rows that know their file and line, so that every value
 * read from a row can be refused with a message that says where it is.
 */
final class ReferenceFile {
    /** Separates the items of a list inside one cell. */
    static final String LIST_SEPARATOR = "|";

    private ReferenceFile() {}

    /** Parses the text of a file whose first line must be exactly {@code header}. */
    static List<Row> read(String file, String text, List<String> header) {
        try {
            return CsvReader.read(file, text, CsvHeader.exactly(header)).rows().stream()
                    .map(Row::new)
                    .toList();
        } catch (CsvException e) {
            throw ReferenceDataException.of(e);
        }
    }

    /** One data row: its cells by column name, and where it is. */
    record Row(CsvRow cells) {

        String file() {
            return cells.file();
        }

        int line() {
            return (int) cells.line();
        }

        /** An error on the row as a whole. */
        ReferenceDataException error(String problem) {
            return ReferenceDataException.of(cells.error(problem));
        }

        /** An error on one cell, naming its column and field. */
        ReferenceDataException error(String column, String problem) {
            return ReferenceDataException.of(cells.error(column, problem));
        }

        /** The cell, or "" when it is empty. */
        String optional(String column) {
            return cells.get(column);
        }

        String required(String column) {
            String value = optional(column);
            if (value.isEmpty()) throw error(column, column + " is empty");
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
                throw error(column, column + " '" + value + "' is not a date (yyyy-mm-dd)");
            }
        }

        boolean bool(String column) {
            String value = required(column);
            if (value.equals("true")) return true;
            if (value.equals("false")) return false;
            throw error(column, column + " '" + value + "' must be true or false");
        }

        <E extends Enum<E>> E choice(String column, Class<E> type) {
            String value = required(column);
            try {
                return Enum.valueOf(type, value);
            } catch (IllegalArgumentException e) {
                throw error(
                        column, column + " '" + value + "' must be one of " + Arrays.toString(type.getEnumConstants()));
            }
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
            // The reference data ships with the program and is loaded statically in many places: the wall clock at load
            // time is what "in the future" means for it, not a question's date.
            if (asOf.isAfter(RegimeDates.today(java.time.Clock.systemUTC())))
                throw error("as_of", "as_of " + asOf + " is in the future");
            return new Source(title, reference, asOf);
        }
    }
}
