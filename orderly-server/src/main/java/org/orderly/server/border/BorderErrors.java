package org.orderly.server.border;

import org.orderly.server.api.Problems;
import org.orderly.travel.document.mrz.MrzException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Problem documents for the border API: an unreadable zone is 422 with its line and column. */
@RestControllerAdvice(basePackageClasses = BorderApi.class)
class BorderErrors {

    @ExceptionHandler(MrzException.class)
    ProblemDetail unreadableZone(MrzException e) {
        ProblemDetail problem =
                Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "Machine-readable zone cannot be read", e.getMessage());
        problem.setProperty("line", e.line());
        problem.setProperty("column", e.column());
        problem.setProperty("reason", e.reason());
        return problem;
    }

    /** A record that is not there, or not the principal's state's to see (pages too: they share this package). */
    @ExceptionHandler(java.util.NoSuchElementException.class)
    ProblemDetail notFound(java.util.NoSuchElementException e) {
        return Problems.of(HttpStatus.NOT_FOUND, "Not found", org.orderly.server.api.DomainErrors.message(e));
    }

    @ExceptionHandler(org.orderly.server.negotiation.ForbiddenException.class)
    ProblemDetail forbidden(org.orderly.server.negotiation.ForbiddenException e) {
        return Problems.of(HttpStatus.FORBIDDEN, "Not allowed", e.getMessage());
    }
}
