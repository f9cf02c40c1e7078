package org.orderly.travel.document.mrz;

/** A run of characters on one line of a zone, 1-based and inclusive, as an officer would count them. */
public record Span(int line, int fromColumn, int toColumn) {

    public Span {
        if (line < 1 || fromColumn < 1 || toColumn < fromColumn) {
            throw new IllegalArgumentException("bad span: line " + line + ", columns " + fromColumn + "-" + toColumn);
        }
    }

    /** A single character. */
    public static Span at(int line, int column) {
        return new Span(line, column, column);
    }

    @Override
    public String toString() {
        return fromColumn == toColumn
                ? "line " + line + " column " + fromColumn
                : "line " + line + " columns " + fromColumn + "-" + toColumn;
    }
}
