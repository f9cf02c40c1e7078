package org.orderly.store;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** A CSV import file read whole, with its content hash and each row's line number. */
record CsvFile(Path path, String sha256, List<Row> rows) {

    /** One data row: its 1-based line number in the file and its cells by lower-case header name. */
    record Row(long line, Map<String, String> cells) {
        String get(String column) {
            String value = cells.get(column);
            return value == null ? "" : value.trim();
        }
    }

    static CsvFile read(Path path, List<String> requiredColumns) {
        if (!Files.isRegularFile(path)) throw new ImportException(path, 0, "no such file");
        try {
            byte[] bytes = Files.readAllBytes(path);
            String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            String text = new String(bytes, StandardCharsets.UTF_8);
            if (text.startsWith("\uFEFF")) text = text.substring(1);
            try (Reader reader = new java.io.StringReader(text);
                 CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                         .setAllowMissingColumnNames(true).setIgnoreEmptyLines(false).get().parse(reader)) {
                Map<String, Integer> header = parser.getHeaderMap().entrySet().stream()
                        .collect(Collectors.toMap(e -> e.getKey().trim().toLowerCase(Locale.ROOT), Map.Entry::getValue, (a, b) -> a));
                for (String column : requiredColumns) {
                    if (!header.containsKey(column)) {
                        throw new ImportException(path, 1, "the header lacks the column '" + column + "' (expected "
                                + String.join(",", requiredColumns) + ", found " + String.join(",", parser.getHeaderNames()) + ")");
                    }
                }
                List<Row> rows = new ArrayList<>();
                long line = 1;
                for (CSVRecord record : parser) {
                    line++;
                    long recordLine = line;
                    if (record.size() == 1 && record.get(0).isBlank()) continue;
                    for (String column : requiredColumns) {
                        if (header.get(column) >= record.size()) {
                            throw new ImportException(path, recordLine, "the row ends after " + record.size() + " of the "
                                    + header.size() + " columns, before '" + column + "': the file looks cut");
                        }
                    }
                    Map<String, String> cells = header.entrySet().stream()
                            .filter(e -> e.getValue() < record.size())
                            .collect(Collectors.toMap(Map.Entry::getKey, e -> record.get(e.getValue())));
                    rows.add(new Row(recordLine, cells));
                    line += newlines(record);
                }
                return new CsvFile(path, sha, List.copyOf(rows));
            } catch (IllegalStateException | java.io.UncheckedIOException e) {
                throw new ImportException(path, 0, "not a readable CSV file: " + e.getMessage());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Line breaks inside quoted cells, so that line numbers stay true after a multi-line cell. */
    private static int newlines(CSVRecord record) {
        int count = 0;
        for (String value : record) {
            for (int i = 0; i < value.length(); i++) if (value.charAt(i) == '\n') count++;
        }
        return count;
    }

}
