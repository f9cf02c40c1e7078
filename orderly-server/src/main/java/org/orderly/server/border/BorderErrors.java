package org.orderly.server.border;

import org.orderly.travel.document.mrz.MrzException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Problem documents for the border API: an unreadable zone is 422 with its line and column, bad input 400. */
@RestControllerAdvice(basePackageClasses = BorderApi.class)
class BorderErrors {

    @ExceptionHandler(MrzException.class)
    ProblemDetail unreadableZone(MrzException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
        problem.setTitle("Machine-readable zone cannot be read");
        problem.setProperty("line", e.line());
        problem.setProperty("column", e.column());
        problem.setProperty("reason", e.reason());
        return problem;
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badInput(IllegalArgumentException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Bad request");
        return problem;
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadableBody(HttpMessageNotReadableException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "the request body is not the JSON this endpoint expects: " + e.getMostSpecificCause().getMessage());
        problem.setTitle("Bad request body");
        return problem;
    }
}
