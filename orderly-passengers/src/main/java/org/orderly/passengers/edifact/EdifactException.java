package org.orderly.passengers.edifact;

/** An interchange that cannot be read; the message names the segment number, its tag and the line where it starts. */
public final class EdifactException extends RuntimeException {
    @java.io.Serial
    private static final long serialVersionUID = 1L;

    private final int segment;
    private final String tag;
    private final int line;

    public EdifactException(int segment, String tag, int line, String problem) {
        super(Where.of(segment, tag, line) + ": " + problem);
        this.segment = segment;
        this.tag = tag;
        this.line = line;
    }

    /** The segment's number, counted from 1 at the first segment of the interchange (UNA included). */
    public int segment() {
        return segment;
    }

    /** The segment's tag, or null when the failure came before any tag could be read. */
    public String tag() {
        return tag;
    }

    public int line() {
        return line;
    }
}
