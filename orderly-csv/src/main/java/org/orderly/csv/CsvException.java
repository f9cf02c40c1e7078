package org.orderly.csv;

/**
 * A CSV file or one of its cells that cannot be accepted, naming the file, the 1-based line, the 1-based
 * column (field position) and the field's header name where they are known, as in
 * {@code status.csv line 12, column 3 (state party): must be 0 or 1, found 'x'}.
 */
public final class CsvException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final long line;
    private final int column;
    private final String field;
    private final String problem;

    /**
     * @param line   the 1-based line, or 0 when the problem concerns the whole file
     * @param column the 1-based field position, or 0 when the problem concerns the whole line
     * @param field  the field's name from the header, or null when there is none
     */
    public CsvException(String file, long line, int column, String field, String problem) {
        super(where(file, line, column, field) + ": " + problem);
        this.file = file;
        this.line = line;
        this.column = column;
        this.field = field;
        this.problem = problem;
    }

    /** "file line L, column C (field)", leaving out what is not known. */
    public static String where(String file, long line, int column, String field) {
        StringBuilder where = new StringBuilder(file);
        if (line > 0) where.append(" line ").append(line);
        if (column > 0) where.append(line > 0 ? ", column " : " column ").append(column);
        if (field != null) where.append(" (").append(field).append(')');
        return where.toString();
    }

    /** The file name as given to the reader (usually without folder). */
    public String file() {
        return file;
    }

    /** The 1-based line, or 0 when the problem concerns the whole file. */
    public long line() {
        return line;
    }

    /** The 1-based field position, or 0 when the problem concerns the whole line. */
    public int column() {
        return column;
    }

    /** The field's header name, or null. */
    public String field() {
        return field;
    }

    /** What is wrong, without the place. */
    public String problem() {
        return problem;
    }
}
