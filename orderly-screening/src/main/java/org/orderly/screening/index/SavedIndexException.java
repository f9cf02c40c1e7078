package org.orderly.screening.index;

/** A saved index that cannot be used: another layout, saved for other names or settings, or a damaged file. */
public final class SavedIndexException extends RuntimeException {
    @java.io.Serial
    private static final long serialVersionUID = 1L;

    SavedIndexException(String message) {
        super(message);
    }
}
