package org.orderly.server.channel;

import org.orderly.server.api.Problems;
import org.orderly.server.negotiation.ForbiddenException;
import org.orderly.travel.channel.UnknownOccupationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Problem documents of the channels API: a refused place is 409 with its {@code reason}; an unknown occupation 400 with suggestions. */
@RestControllerAdvice(assignableTypes = ChannelsApi.class)
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
class ChannelErrors {

    @ExceptionHandler(QuotaRefusedException.class)
    ProblemDetail refused(QuotaRefusedException e) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "No place granted", e.getMessage());
        problem.setProperty("reason", e.refused().reason());
        return problem;
    }

    @ExceptionHandler(UnknownOccupationException.class)
    ProblemDetail unknownOccupation(UnknownOccupationException e) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "Unknown occupation", e.getMessage());
        problem.setProperty("suggestions", e.suggestions());
        return problem;
    }

    @ExceptionHandler(ForbiddenException.class)
    ProblemDetail forbidden(ForbiddenException e) {
        return Problems.of(HttpStatus.FORBIDDEN, "Not allowed", e.getMessage());
    }
}
