package org.orderly.regime.reference;

/**
 * A reference data file that cannot be loaded, with the file name, the line (0 when the problem
 * is not on one line) and what is wrong, as in {@code states.csv line 57: numeric code '99' must be three digits}.
 */
public final class ReferenceDataException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final String problem;

    public ReferenceDataException(String file, int line, String problem) {
        super(file + (line > 0 ? " line " + line : "") + ": " + problem);
        this.file = file;
        this.line = line;
        this.problem = problem;
    }

    /** The file name (without folder), such as {@code states.csv}. */
    public String file() {
        return file;
    }

    /** The 1-based line of the file, or 0 when the problem concerns the whole file. */
    public int line() {
        return line;
    }

    /** What is wrong, without the file and line. */
    public String problem() {
        return problem;
    }
}
