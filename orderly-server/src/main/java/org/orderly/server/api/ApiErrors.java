package org.orderly.server.api;

import java.sql.SQLException;
import java.util.NoSuchElementException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.orderly.server.security.RequestSizeLimit;
import org.orderly.store.ImportException;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.exc.UnexpectedEndOfInputException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns the errors every REST endpoint can meet into problem documents that say what is wrong and
 * where; a part of the API with errors of its own adds an advice for those only.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiErrors {

    @ExceptionHandler(ImportException.class)
    ProblemDetail refusedImport(ImportException e) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "Import refused", e.getMessage());
        problem.setProperty("line", e.line());
        return problem;
    }

    /** A CSV body refused by the one CSV reader or a list read with it: where (line, column, field) and what. */
    @ExceptionHandler(org.orderly.csv.CsvException.class)
    ProblemDetail refusedCsv(org.orderly.csv.CsvException e) {
        ProblemDetail problem =
                Problems.of(HttpStatus.BAD_REQUEST, "CSV refused", e.getMessage() + " (nothing was recorded)");
        problem.setProperty("line", e.line());
        problem.setProperty("column", e.column());
        if (e.field() != null) problem.setProperty("field", e.field());
        return problem;
    }

    /** A value refused (400), an act not allowed now (409), something not there (404): the one mapping, {@link DomainErrors}. */
    @ExceptionHandler({IllegalArgumentException.class, IllegalStateException.class, NoSuchElementException.class})
    ProblemDetail refused(RuntimeException e) {
        HttpStatus status = DomainErrors.status(e);
        return Problems.of(status, DomainErrors.title(status), DomainErrors.message(e));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ProblemDetail missingParameter(MissingServletRequestParameterException e) {
        return Problems.of(
                HttpStatus.BAD_REQUEST, "Bad request parameter", "parameter '" + e.getParameterName() + "' is missing");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail badParameter(MethodArgumentTypeMismatchException e) {
        String type = e.getRequiredType() == null
                ? "value"
                : Problems.plain(e.getRequiredType().getName());
        return Problems.of(
                HttpStatus.BAD_REQUEST,
                "Bad request parameter",
                "parameter '" + e.getName() + "': '" + e.getValue() + "' is not a valid " + type);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadableBody(HttpMessageNotReadableException e) {
        JacksonException json = null;
        IllegalArgumentException refused = null;
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestSizeLimit.BodyTooLargeException tooLarge) {
                return Problems.of(HttpStatus.CONTENT_TOO_LARGE, "Request too large", tooLarge.getMessage());
            }
            if (json == null && cause instanceof JacksonException found) json = found;
            // A record that refused its own values (its compact constructor) says best what is wrong.
            if (refused == null
                    && cause instanceof IllegalArgumentException own
                    && !(cause instanceof JacksonException)
                    && Problems.ownMessage(own, null) != null) refused = own;
        }
        if (json == null) {
            // Spring's own text names the handler method's signature: say it in Orderly's words.
            boolean missing = e.getCause() == null
                    && String.valueOf(e.getMessage()).startsWith("Required request body is missing");
            return Problems.of(
                    HttpStatus.BAD_REQUEST,
                    "Bad request body",
                    missing
                            ? "the request body is missing: this endpoint expects JSON"
                            : "the request body cannot be read as JSON");
        }
        String where = "";
        if (json.getLocation() != null && json.getLocation().getLineNr() > 0) {
            where = " (line " + json.getLocation().getLineNr() + ", column "
                    + json.getLocation().getColumnNr() + ")";
        }
        if (!json.getPath().isEmpty()) where = " at " + jsonPath(json) + where;
        return Problems.of(
                HttpStatus.BAD_REQUEST,
                "Bad request body",
                "the request body is not the JSON this endpoint expects" + where + ": "
                        + (refused != null ? refused.getMessage() : what(json)));
    }

    /** What is wrong with the JSON, in Orderly's words: Jackson's messages name its tokens and Java types. */
    private static String what(JacksonException json) {
        if (json instanceof UnexpectedEndOfInputException) return "the JSON ends before it is complete";
        if (json instanceof StreamConstraintsException) return "a value is longer or deeper than Orderly accepts";
        if (json instanceof StreamReadException) return "this is not well-formed JSON";
        if (json instanceof UnrecognizedPropertyException unknown)
            return "unknown field '" + unknown.getPropertyName() + "'";
        if (json instanceof InvalidNullException) return "must not be null";
        if (json instanceof MismatchedInputException mismatch)
            return "expected " + Problems.typeWord(mismatch.getTargetType());
        return "a value does not fit what this endpoint expects";
    }

    /** The JSON path of the failing value: $.lines[0]. */
    private static String jsonPath(JacksonException e) {
        StringBuilder path = new StringBuilder("$");
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) path.append('.').append(reference.getPropertyName());
            else if (reference.getIndex() >= 0)
                path.append('[').append(reference.getIndex()).append(']');
        }
        return path.toString();
    }

    /**
     * What the database refuses because of the request is the caller's error: text it cannot store (a NUL character),
     * a reference to a party or instrument that does not exist. Every other database failure is the server's.
     */
    @ExceptionHandler(DataAccessException.class)
    ProblemDetail database(DataAccessException e) {
        if (e.getMostSpecificCause() instanceof SQLException sql && sql.getSQLState() != null) {
            switch (sql.getSQLState()) {
                case "22021", "22P05" -> {
                    return Problems.of(
                            HttpStatus.BAD_REQUEST,
                            "Bad request",
                            "the text contains a NUL character (U+0000), which Orderly does not accept");
                }
                case "23503" -> {
                    Matcher key = FOREIGN_KEY.matcher(String.valueOf(sql.getMessage()));
                    return Problems.of(
                            HttpStatus.BAD_REQUEST,
                            "Bad request",
                            key.find()
                                    ? key.group(1).replace("_id", "") + " '" + key.group(2) + "' is not in the registry"
                                    : "the request refers to a party or instrument that is not in the registry");
                }
                default -> {}
            }
        }
        throw e;
    }

    /** PostgreSQL's detail of a foreign key violation: Key (party_id)=(ZZZ) is not present… */
    private static final Pattern FOREIGN_KEY = Pattern.compile("Key \\((\\w+)\\)=\\(([^)]{0,40})\\) is not present");
}
