package org.orderly.server.api;

import java.util.NoSuchElementException;
import org.orderly.store.ImportException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

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

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badInput(IllegalArgumentException e) {
        return Problems.of(HttpStatus.BAD_REQUEST, "Bad request", e.getMessage());
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class})
    ProblemDetail badParameter(Exception e) {
        return Problems.of(HttpStatus.BAD_REQUEST, "Bad request parameter", e.getMessage());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadableBody(HttpMessageNotReadableException e) {
        return Problems.of(HttpStatus.BAD_REQUEST, "Bad request body",
                "the request body is not the JSON this endpoint expects: " + e.getMostSpecificCause().getMessage());
    }

    @ExceptionHandler(NoSuchElementException.class)
    ProblemDetail notFound(NoSuchElementException e) {
        return Problems.of(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
    }
}
