package org.orderly.lab.scenario;

/** A draft-deal file that cannot be read: names the file and where (the JSON path, or line and column of malformed JSON). */
public final class ScenarioFormatException extends RuntimeException {
    @java.io.Serial
    private static final long serialVersionUID = 1L;

    private final String file;
    private final String where;

    public ScenarioFormatException(String file, String where, String problem) {
        super(file + ": " + where + ": " + problem);
        this.file = file;
        this.where = where;
    }

    public String file() {
        return file;
    }

    /** The JSON path ({@code $.commitments[1].terms}) or line and column. */
    public String where() {
        return where;
    }
}
