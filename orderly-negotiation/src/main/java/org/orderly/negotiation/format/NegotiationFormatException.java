package org.orderly.negotiation.format;

/** A negotiation file that cannot be read, naming the file and where in it (JSON path, XML element or line). */
public final class NegotiationFormatException extends RuntimeException {
    @java.io.Serial
    private static final long serialVersionUID = 1L;

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

    /**
     * Text that is not JSON, located by line and column and said in Orderly's words (the parser's own message names its
     * tokens and codes).
     */
    static NegotiationFormatException notJson(String file, tools.jackson.core.JacksonException e) {
        var at = e.getLocation();
        String problem = e instanceof tools.jackson.core.exc.UnexpectedEndOfInputException
                ? "the JSON ends before it is complete"
                : e instanceof tools.jackson.core.exc.StreamConstraintsException
                        ? "a value is longer or deeper than Orderly accepts"
                        : "is not well-formed JSON";
        return new NegotiationFormatException(
                file,
                at == null || at.getLineNr() < 1 ? "JSON" : "line " + at.getLineNr() + ", column " + at.getColumnNr(),
                problem,
                e);
    }

    public String file() {
        return file;
    }

    /** The JSON path, XML element or line and column of the problem. */
    public String where() {
        return where;
    }
}
