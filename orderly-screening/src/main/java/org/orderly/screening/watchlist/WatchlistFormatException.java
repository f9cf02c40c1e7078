package org.orderly.screening.watchlist;

/** A watchlist file that cannot be read, with the file and 1-based line where the problem is. */
public final class WatchlistFormatException extends RuntimeException {
    @java.io.Serial
    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;

    public WatchlistFormatException(String file, int line, String problem) {
        super(file + ":" + line + ": " + problem);
        this.file = file;
        this.line = line;
    }

    /** A refusal of the project's CSV reader, which names line, column and field. */
    public WatchlistFormatException(org.orderly.csv.CsvException cause) {
        super(cause.getMessage(), cause);
        this.file = cause.file();
        this.line = (int) cause.line();
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }
}
