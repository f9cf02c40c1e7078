package org.orderly.server.api;

import java.util.NoSuchElementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;

/**
 * The one mapping from the regime's errors to what a caller is told, for the API ({@link ApiErrors}) and the pages
 * alike: a value Orderly refuses is 400, an act the state of things does not allow now 409, something not there 404,
 * each with Orderly's own message; a library's message (which names its internals) is never shown, and anything else is
 * the server's error, logged and told in one sentence.
 */
public final class DomainErrors {
    private static final Logger LOG = LoggerFactory.getLogger(DomainErrors.class);
    /** What a caller is told of an error on the server's side. */
    public static final String SERVER_SIDE = "this could not be done: an error on the server's side (it is logged)";

    private DomainErrors() {}

    /** The status an error maps to: that of the first refusal in its chain of causes (Spring hands a handler the outer one). */
    public static HttpStatus status(RuntimeException e) {
        return statusOf(refusal(e));
    }

    private static HttpStatus statusOf(RuntimeException e) {
        if (e instanceof IllegalArgumentException) return HttpStatus.BAD_REQUEST;
        if (e instanceof NoSuchElementException) return HttpStatus.NOT_FOUND;
        if (e instanceof IllegalStateException && ours(e)) return HttpStatus.CONFLICT;
        return HttpStatus.INTERNAL_SERVER_ERROR;
    }

    /** The title of a problem of that status. */
    public static String title(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "Bad request";
            case NOT_FOUND -> "Not found";
            case CONFLICT -> "Not now";
            default -> "Server error";
        };
    }

    /** What a caller may read of an error: Orderly's own message, else a sentence that says what kind of error it was. */
    public static String message(RuntimeException outer) {
        RuntimeException e = refusal(outer);
        HttpStatus status = statusOf(e);
        if (status == HttpStatus.INTERNAL_SERVER_ERROR) {
            LOG.error("an error on the server's side", outer);
            return SERVER_SIDE;
        }
        String otherwise = switch (status) {
            case BAD_REQUEST -> "a value in the request cannot be used here";
            case NOT_FOUND -> "there is nothing here";
            default -> SERVER_SIDE;
        };
        return Problems.ownMessage(e, otherwise);
    }

    /** The first refusal (argument, state, absence) in the chain of causes, else the error itself. */
    private static RuntimeException refusal(RuntimeException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof IllegalArgumentException
                    || cause instanceof IllegalStateException
                    || cause instanceof NoSuchElementException) {
                return (RuntimeException) cause;
            }
        }
        return e;
    }

    private static boolean ours(RuntimeException e) {
        return Problems.ownMessage(e, null) != null;
    }
}
