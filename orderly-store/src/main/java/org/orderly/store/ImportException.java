package org.orderly.store;

import java.nio.file.Path;
import org.orderly.csv.CsvException;

/** An import file was refused; names the file, the line, the column and field where known, and nothing was written. */
public final class ImportException extends RuntimeException {
    @java.io.Serial
    private static final long serialVersionUID = 1L;

    private final String file;
    private final long line;

    public ImportException(Path file, long line, String problem) {
        super(file.getFileName() + (line > 0 ? " line " + line : "") + ": " + problem + " (nothing was imported)");
        this.file = file.toString();
        this.line = line;
    }

    /** The CSV reader's refusal (file, line, column, field and problem), as an import refusal. */
    public ImportException(Path file, CsvException refusal) {
        super(refusal.getMessage() + " (nothing was imported)", refusal);
        this.file = file.toString();
        this.line = refusal.line();
    }

    public String file() {
        return file;
    }

    /** The 1-based line of the first problem, or 0 when the problem concerns the whole file. */
    public long line() {
        return line;
    }
}
