package org.orderly.csv;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a CSV file (RFC 4180, UTF-8, an optional byte-order mark, blank lines skipped) whole and checks
 * it against a {@link CsvHeader}: missing, unknown, repeated or misplaced columns, rows with too many fields,
 * short rows, and malformed quoting are refused with a {@link CsvException} that names the file, the line,
 * the column and the field.
 */
public final class CsvReader {
    private static final Pattern POSITION = Pattern.compile("position: ([0-9,]+)");
    private static final CSVFormat FORMAT =
            CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();

    private CsvReader() {}

    /** Reads a file; errors name it by its file name. */
    public static CsvTable read(Path path, CsvHeader header) {
        String file = path.getFileName().toString();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new CsvException(file, 0, 0, null, "no such file");
        } catch (IOException e) {
            throw new CsvException(file, 0, 0, null, "cannot be read: " + e.getMessage());
        }
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new CsvException(file, 0, 0, null, "is not UTF-8 text");
        }
        return read(file, text, header, sha256(bytes));
    }

    /** Reads CSV text already in memory; {@code file} is the name errors give. */
    public static CsvTable read(String file, String text, CsvHeader header) {
        return read(file, text, header, sha256(text.getBytes(StandardCharsets.UTF_8)), null);
    }

    /**
     * Reads CSV text that has no header line, such as one record sent as a message: its fields are the columns
     * {@code names}, in that order, checked against {@code header} as a header line would be. {@code file} is the name
     * errors give; lines are counted from 1 in the text.
     */
    public static CsvTable readWithoutHeader(String file, List<String> names, String text, CsvHeader header) {
        return read(file, text, header, sha256(text.getBytes(StandardCharsets.UTF_8)), List.copyOf(names));
    }

    private static CsvTable read(String file, String text, CsvHeader header, String sha256) {
        return read(file, text, header, sha256, null);
    }

    private static CsvTable read(String file, String text, CsvHeader header, String sha256, List<String> givenNames) {
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        int[] lineStarts = lineStarts(text);
        CsvRow.Layout layout = givenNames == null ? null : layout(file, header, givenNames, 0);
        List<CsvRow> rows = new ArrayList<>();
        List<CsvException> problems = new ArrayList<>();
        try (CSVParser parser = FORMAT.parse(new StringReader(text))) {
            for (CSVRecord record : parser) {
                long line = lineOf(lineStarts, firstCharacter(text, record.getCharacterPosition()));
                List<String> values = record.stream().map(String::strip).toList();
                if (layout == null) {
                    layout = layout(file, header, values, line);
                    continue;
                }
                int width = layout.names().size();
                if (values.size() > width) {
                    throw new CsvException(
                            file,
                            line,
                            width + 1,
                            null,
                            "the row has " + values.size() + " fields but the header has " + width + " ("
                                    + String.join(",", layout.names()) + ")");
                }
                if (values.size() < width) {
                    CsvException shortRow = new CsvException(
                            file,
                            line,
                            values.size() + 1,
                            layout.names().get(values.size()),
                            "the row ends after " + values.size() + " fields but the header has " + width + " ("
                                    + String.join(",", layout.names()) + ")");
                    if (header.shortRows() == CsvHeader.ShortRows.REFUSED) throw shortRow;
                    problems.add(shortRow);
                }
                rows.add(new CsvRow(layout, line, values));
            }
        } catch (IOException | UncheckedIOException e) {
            throw malformed(file, text, lineStarts, layout, e);
        }
        if (layout == null) {
            throw new CsvException(
                    file, 0, 0, null, "the file is empty; its header must name " + String.join(",", header.required()));
        }
        return new CsvTable(file, layout.names(), rows, problems, sha256);
    }

    private static CsvRow.Layout layout(String file, CsvHeader header, List<String> names, long line) {
        if (header.exactOrder() && !names.equals(header.required())) {
            int column = 0;
            while (column < names.size()
                    && column < header.required().size()
                    && names.get(column).equals(header.required().get(column))) column++;
            String found = shown(names);
            throw new CsvException(
                    file,
                    line,
                    column + 1,
                    column < names.size() ? shown(names.get(column)) : null,
                    "the header must be '"
                            + String.join(",", header.required())
                            + (found != null
                                    ? "' but is '" + found + "'"
                                    : "', and the first line is not (it is not repeated here: it may be any text)"));
        }
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (name.isEmpty()) throw new CsvException(file, line, i + 1, null, "the header has an empty column name");
            String key = header.key(name);
            boolean declared = header.columns().stream().map(header::key).anyMatch(key::equals);
            if (!declared && header.otherColumnsRefused()) {
                throw new CsvException(
                        file,
                        line,
                        i + 1,
                        shown(name),
                        (shown(name) != null
                                        ? "unknown column '" + name + "'"
                                        : "this column's name is none of this file's")
                                + " (expected " + String.join(",", header.columns()) + ")");
            }
            Integer earlier = positions.putIfAbsent(key, i);
            if (earlier != null) {
                throw new CsvException(
                        file,
                        line,
                        i + 1,
                        shown(name),
                        "column " + (shown(name) != null ? "'" + name + "' " : "") + "appears again (first as column "
                                + (earlier + 1) + ")");
            }
        }
        for (String column : header.required()) {
            if (!positions.containsKey(header.key(column))) {
                String found = shown(names);
                throw new CsvException(
                        file,
                        line,
                        0,
                        column,
                        "the header lacks the column '" + column + "' (expected " + String.join(",", header.required())
                                + (found != null ? ", found " + found : "") + ")");
            }
        }
        positions.keySet().retainAll(header.columns().stream().map(header::key).toList());
        return new CsvRow.Layout(file, header, names, Map.copyOf(positions));
    }

    /** A plausible column name: letters, digits and a little punctuation, at most 40 characters. */
    private static final Pattern COLUMN_NAME = Pattern.compile("[\\p{L}\\p{N} _./()#%-]{1,40}");

    /**
     * A header name as a message may repeat it, or null: the first line of a file given by mistake (a key, a password
     * file) is any text, and an error message (shown, logged, sent back by the server) must not carry it.
     */
    static String shown(String name) {
        return name != null && COLUMN_NAME.matcher(name).matches() ? name : null;
    }

    private static String shown(List<String> names) {
        String joined = String.join(",", names);
        return joined.length() <= 200 && names.stream().allMatch(n -> n.isEmpty() || shown(n) != null) ? joined : null;
    }

    /** Malformed quoting: Commons CSV gives a character position; turn it into line, column and field. */
    private static CsvException malformed(
            String file, String text, int[] lineStarts, CsvRow.Layout layout, Exception e) {
        Throwable cause = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
        String message = String.valueOf(cause.getMessage());
        Matcher position = POSITION.matcher(message);
        Cursor at = position.find()
                ? Cursor.scan(text, Integer.parseInt(position.group(1).replace(",", "")))
                : Cursor.scan(text, text.length());
        // An unterminated quote is reported where it opened, the only place a person can fix it.
        Cursor where = at.openQuote() != null ? at.openQuote() : at;
        // The parser's own words are not repeated: they are a library's, and may quote the file.
        String problem = at.openQuote() != null
                ? "a quoted field opened here is never closed"
                : message.contains("Invalid char between encapsulated token and delimiter")
                        ? "malformed quoting: a character follows the closing quote of a quoted field (a quote inside a field is written twice)"
                        : "malformed quoting: the quotes of this field do not pair up";
        String field = layout != null && where.field() < layout.names().size()
                ? layout.names().get(where.field())
                : null;
        return new CsvException(file, lineOf(lineStarts, where.offset()), where.field() + 1, field, problem);
    }

    /** Where a character offset falls: its record's field index, and the still open quote, if any. */
    private record Cursor(int offset, int field, Cursor openQuote) {
        static Cursor scan(String text, int until) {
            int field = 0;
            boolean quoted = false;
            boolean fieldStart = true;
            Cursor open = null;
            int end = Math.min(until, text.length());
            for (int i = 0; i < end; i++) {
                char c = text.charAt(i);
                if (quoted) {
                    if (c == '"') {
                        if (i + 1 < text.length() && text.charAt(i + 1) == '"') i++;
                        else {
                            quoted = false;
                            open = null;
                        }
                    }
                } else if (c == '"' && fieldStart) {
                    quoted = true;
                    open = new Cursor(i, field, null);
                    fieldStart = false;
                } else if (c == ',') {
                    field++;
                    fieldStart = true;
                } else if (c == '\n' || c == '\r') {
                    field = 0;
                    fieldStart = true;
                } else {
                    fieldStart = false;
                }
            }
            return new Cursor(end, field, quoted ? open : null);
        }
    }

    /** Commons CSV places a record after skipped blank lines at the first of them; step over them. */
    private static long firstCharacter(String text, long position) {
        int at = (int) position;
        while (at < text.length() && (text.charAt(at) == '\n' || text.charAt(at) == '\r')) at++;
        return at;
    }

    private static int[] lineStarts(String text) {
        int[] starts = new int[64];
        int count = 0;
        starts[count++] = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean breaks = c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'));
            if (breaks) {
                if (count == starts.length) starts = Arrays.copyOf(starts, count * 2);
                starts[count++] = i + 1;
            }
        }
        return Arrays.copyOf(starts, count);
    }

    private static long lineOf(int[] lineStarts, long offset) {
        int index = Arrays.binarySearch(lineStarts, (int) offset);
        return (index >= 0 ? index : -index - 2) + 1;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
