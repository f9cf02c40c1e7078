package org.orderly.csv;

import java.util.List;
import java.util.Map;

/**
 * One data row: where it is (file and 1-based line) and its cells, stripped of surrounding white space.
 * Errors made from a row name the line, and for a cell also its column and field.
 */
public final class CsvRow {
    private final Layout layout;
    private final long line;
    private final List<String> values;

    /** The header as found in one file: its declaration, the names as written and each declared column's position. */
    record Layout(String file, CsvHeader header, List<String> names, Map<String, Integer> positions) {}

    CsvRow(Layout layout, long line, List<String> values) {
        this.layout = layout;
        this.line = line;
        this.values = List.copyOf(values);
    }

    public String file() {
        return layout.file();
    }

    /** The 1-based line on which the row starts. */
    public long line() {
        return line;
    }

    /** The number of fields the row has (fewer than the header when it is short and short rows are reported). */
    public int size() {
        return values.size();
    }

    /** The cell of a declared column; "" when it is empty, when an optional column is absent, or when a reported short row lacks it. */
    public String get(String column) {
        Integer index = position(column);
        return index != null && index < values.size() ? values.get(index) : "";
    }

    /** Whether the file has this declared column (an optional column may be absent). */
    public boolean has(String column) {
        return position(column) != null;
    }

    /** An error on one cell: names the file, line, column and field. */
    public CsvException error(String column, String problem) {
        Integer index = position(column);
        return index == null
                ? new CsvException(layout.file(), line, 0, column, problem)
                : new CsvException(
                        layout.file(), line, index + 1, layout.names().get(index), problem);
    }

    /**
     * The cell at a 0-based position of the header as written, for files whose columns are data (one column per
     * origin, per year): "" past the end of a reported short row.
     *
     * @throws IndexOutOfBoundsException when the header has no such position
     */
    public String cell(int position) {
        java.util.Objects.checkIndex(position, layout.names().size());
        return position < values.size() ? values.get(position) : "";
    }

    /** An error on the cell at a 0-based position of the header as written: names the file, line, column and field. */
    public CsvException error(int position, String problem) {
        java.util.Objects.checkIndex(position, layout.names().size());
        return new CsvException(
                layout.file(), line, position + 1, layout.names().get(position), problem);
    }

    /** An error on the row as a whole: names the file and line. */
    public CsvException error(String problem) {
        return new CsvException(layout.file(), line, 0, null, problem);
    }

    private Integer position(String column) {
        String key = layout.header().key(column);
        if (!layout.header().columns().stream().map(layout.header()::key).anyMatch(key::equals)) {
            throw new IllegalArgumentException(
                    "column '" + column + "' is not declared in the header for " + layout.file());
        }
        return layout.positions().get(key);
    }
}
