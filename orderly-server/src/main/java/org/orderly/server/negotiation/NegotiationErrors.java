package org.orderly.server.negotiation;

import org.orderly.negotiation.format.NegotiationFormatException;
import org.orderly.server.api.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The negotiation API's own errors (bad document, not yours, not now, no deal) as problem documents. */
@RestControllerAdvice(assignableTypes = NegotiationApi.class)
class NegotiationErrors {

    @ExceptionHandler(NegotiationFormatException.class)
    ProblemDetail badDocument(NegotiationFormatException e) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "Negotiation document refused", e.getMessage());
        problem.setProperty("where", e.where());
        return problem;
    }

    @ExceptionHandler(ForbiddenException.class)
    ProblemDetail forbidden(ForbiddenException e) {
        return Problems.of(HttpStatus.FORBIDDEN, "Not yours to see", e.getMessage());
    }

    @ExceptionHandler(NoDealException.class)
    ProblemDetail noDeal(NoDealException e) {
        ProblemDetail problem = Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "No deal", e.getMessage());
        problem.setProperty("blockingParties", e.blockingParties());
        problem.setProperty("blockingNorms", e.blockingNorms());
        return problem;
    }
}
