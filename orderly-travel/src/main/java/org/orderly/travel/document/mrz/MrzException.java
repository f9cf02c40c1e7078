package org.orderly.travel.document.mrz;

/** A zone that cannot be read at all (wrong number of lines, a line of the wrong length, an illegal character), naming where. */
public final class MrzException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int line;
    private final int column;
    private final String reason;

    public MrzException(int line, int column, String reason) {
        super("line " + line + ", column " + column + ": " + reason);
        this.line = line;
        this.column = column;
        this.reason = reason;
    }

    /** 1-based line of the problem. */
    public int line() {
        return line;
    }

    /** 1-based column of the problem (one past the end for a line that is too short). */
    public int column() {
        return column;
    }

    /** The problem, without its position. */
    public String reason() {
        return reason;
    }
}
