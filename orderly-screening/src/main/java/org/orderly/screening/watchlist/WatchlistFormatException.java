package org.orderly.screening.watchlist;

/** A watchlist file that cannot be read, with the file and 1-based line where the problem is. */
public final class WatchlistFormatException extends RuntimeException {
    private final String file;
    private final int line;

    public WatchlistFormatException(String file, int line, String problem) {
        super(file + ":" + line + ": " + problem);
        this.file = file;
        this.line = line;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }
}
