package org.orderly.negotiation.format;

/** A negotiation file that cannot be read, naming the file and where in it (JSON path, XML element or line). */
public final class NegotiationFormatException extends RuntimeException {
    private final String file;
    private final String where;

    public NegotiationFormatException(String file, String where, String problem) {
        this(file, where, problem, null);
    }

    public NegotiationFormatException(String file, String where, String problem, Throwable cause) {
        super(file + ": " + where + ": " + problem, cause);
        this.file = file;
        this.where = where;
    }

    public String file() {
        return file;
    }

    /** The JSON path, XML element or line and column of the problem. */
    public String where() {
        return where;
    }
}
