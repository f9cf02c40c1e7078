package org.orderly.monitoring;

import java.nio.file.Path;

/** An input file that cannot be used: names the file and, where known, the line (or sheet row) of the problem. */
public final class MonitoringInputException extends RuntimeException {
    @java.io.Serial
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final long line;

    public MonitoringInputException(Path file, long line, String problem) {
        super(file.getFileName() + (line > 0 ? " line " + line : "") + ": " + problem);
        this.file = file;
        this.line = line;
    }

    public Path file() {
        return file;
    }

    /** The line (1-based) of the problem, or 0 when it concerns the whole file. */
    public long line() {
        return line;
    }
}
