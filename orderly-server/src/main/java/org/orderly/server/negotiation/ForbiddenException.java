package org.orderly.server.negotiation;

/** The caller acts for a party that may not see or change what it asked for. */
public final class ForbiddenException extends RuntimeException {
    @java.io.Serial
    private static final long serialVersionUID = 1L;

    public ForbiddenException(String message) {
        super(message);
    }
}
