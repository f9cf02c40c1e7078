package org.orderly.csv;

import java.util.List;

/**
 * A CSV file read whole and checked against its header: the header as written, the data rows, the
 * problems found in rows that were kept (short rows, when reported), and the SHA-256 of the file's bytes
 * when it was read from a file.
 */
public record CsvTable(
        String file, List<String> header, List<CsvRow> rows, List<CsvException> problems, String sha256) {
    public CsvTable {
        header = List.copyOf(header);
        rows = List.copyOf(rows);
        problems = List.copyOf(problems);
    }
}
