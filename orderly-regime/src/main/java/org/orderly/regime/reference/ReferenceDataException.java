package org.orderly.regime.reference;

import org.orderly.csv.CsvException;

/**
 * A reference data file that cannot be loaded, with the file name, the line (0 when the problem
 * is not on one line), the column and field where one cell is at fault, and what is wrong, as in
 * {@code states.csv line 57, column 3 (numeric): numeric code '99' must be three digits}.
 */
public final class ReferenceDataException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final int column;
    private final String field;
    private final String problem;

    public ReferenceDataException(String file, int line, String problem) {
        this(file, line, 0, null, problem);
    }

    public ReferenceDataException(String file, int line, int column, String field, String problem) {
        super(CsvException.where(file, line, column, field) + ": " + problem);
        this.file = file;
        this.line = line;
        this.column = column;
        this.field = field;
        this.problem = problem;
    }

    /** The same refusal, from the CSV reader. */
    static ReferenceDataException of(CsvException e) {
        return new ReferenceDataException(e.file(), (int) e.line(), e.column(), e.field(), e.problem());
    }

    /** The file name (without folder), such as {@code states.csv}. */
    public String file() {
        return file;
    }

    /** The 1-based line of the file, or 0 when the problem concerns the whole file. */
    public int line() {
        return line;
    }

    /** The 1-based column (field position), or 0 when the problem concerns the whole line. */
    public int column() {
        return column;
    }

    /** The column's name in the header, or null. */
    public String field() {
        return field;
    }

    /** What is wrong, without the file and line. */
    public String problem() {
        return problem;
    }
}
