package org.orderly.server.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.orderly.server.api.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Every error the rest of the server did not answer itself: a problem document for API callers, Orderly's own error
 * page for browsers. Neither names a Java class or a server path; a server failure is logged in full, not shown.
 */
@Controller
class ErrorPages implements ErrorController {
    private static final Logger log = LoggerFactory.getLogger(ErrorPages.class);

    @RequestMapping(
            value = "/error",
            produces = {MediaType.APPLICATION_PROBLEM_JSON_VALUE, MediaType.APPLICATION_JSON_VALUE})
    ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
        HttpStatus status = status(request);
        ProblemDetail problem = Problems.of(status, title(request, status), detail(request, status));
        // The address that was asked for: left empty, Spring would name the internal route this error was forwarded to.
        Object forwarded = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        try {
            problem.setInstance(
                    java.net.URI.create(String.valueOf(forwarded != null ? forwarded : request.getRequestURI())));
        } catch (IllegalArgumentException notAnAddress) {
            problem.setInstance(java.net.URI.create("about:blank"));
        }
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    @RequestMapping("/error")
    Object page(HttpServletRequest request, HttpServletResponse response, Model model) {
        HttpStatus status = status(request);
        Object forwarded = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String uri = String.valueOf(forwarded != null ? forwarded : request.getRequestURI());
        if (uri.startsWith("/api/") || uri.startsWith("/actuator/")) return problem(request);
        response.setStatus(status.value());
        model.addAttribute("status", status.value());
        model.addAttribute("title", title(request, status));
        model.addAttribute("detail", detail(request, status));
        model.addAttribute("openHere", request.getAttribute("orderly.openHere"));
        return "error";
    }

    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        // Asked for directly (GET /error), not forwarded with an error: there is nothing at this address.
        if (code == null && request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) == null)
            return HttpStatus.NOT_FOUND;
        HttpStatus status = code instanceof Integer i ? HttpStatus.resolve(i) : null;
        return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }

    private static String title(HttpServletRequest request, HttpStatus status) {
        Object refusal = request.getAttribute("orderly.refusalTitle");
        if (refusal != null) return refusal.toString();
        return switch (status) {
            case NOT_FOUND -> "Not found";
            case FORBIDDEN -> "Not allowed";
            case UNAUTHORIZED -> "Sign-in needed";
            case CONTENT_TOO_LARGE -> "Request too large";
            case METHOD_NOT_ALLOWED -> "Not possible here";
            case BAD_REQUEST -> "Bad request";
            default -> status.is5xxServerError() ? "Something went wrong on the server" : status.getReasonPhrase();
        };
    }

    private static String detail(HttpServletRequest request, HttpStatus status) {
        Object refusal = request.getAttribute("orderly.refusal");
        if (refusal != null) return refusal.toString();
        Object forwarded = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        Object uri = forwarded != null ? forwarded : request.getRequestURI();
        Object message = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
        if (status.is5xxServerError()) {
            Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
            if (failure instanceof Throwable t) log.error("Request {} failed", uri, t);
            // A reason the server gave on purpose (503: not configured) is shown; an exception's message never is.
            else if (message != null && !message.toString().isBlank()) return Problems.plain(message.toString());
            return "The server could not answer this request. The failure is recorded in the server's log.";
        }
        // These only Spring's own dispatch answers, in its words: say them in Orderly's. Other statuses carry the
        // reason
        // Orderly's code gave (a ResponseStatusException's, the request size limit's).
        boolean framework = status == HttpStatus.NOT_FOUND
                || status == HttpStatus.METHOD_NOT_ALLOWED
                || status == HttpStatus.UNSUPPORTED_MEDIA_TYPE
                || status == HttpStatus.NOT_ACCEPTABLE;
        if (!framework && message != null && !message.toString().isBlank()) return Problems.plain(message.toString());
        return switch (status) {
            case NOT_FOUND -> "There is nothing at " + Problems.plain(String.valueOf(uri)) + ".";
            case METHOD_NOT_ALLOWED -> "This address does not accept a " + request.getMethod() + " request.";
            case UNSUPPORTED_MEDIA_TYPE ->
                "This address does not accept a body of the type "
                        + Problems.plain(String.valueOf(request.getContentType()))
                        + "; see the API documentation for the type it reads.";
            case NOT_ACCEPTABLE -> "This address cannot answer in the type the request's Accept header asks for.";
            default -> status.getReasonPhrase() + ".";
        };
    }
}
