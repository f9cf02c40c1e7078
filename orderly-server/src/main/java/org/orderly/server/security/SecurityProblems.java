package org.orderly.server.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the server answers when a request is not signed in or not allowed. API calls ({@code /api/**}, or anything sent
 * with credentials in a header) get a JSON problem document: 401 with {@code WWW-Authenticate: Bearer} (never a Basic
 * challenge, which would make a browser ask for and then silently resend a password), 403, or 429 after too many failed
 * sign-ins. Pages send the browser to the sign-in page, or show the refusal in Orderly's own page.
 */
final class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Answers as an API (JSON) whatever the path: for clients that sent credentials in a header. */
    static SecurityProblems forApiClients() {
        return new SecurityProblems(true);
    }

    /** Answers {@code /api/**} as an API and pages with the sign-in page or the refusal page. */
    static SecurityProblems forBrowsers() {
        return new SecurityProblems(false);
    }

    private final boolean alwaysApi;

    private SecurityProblems(boolean alwaysApi) {
        this.alwaysApi = alwaysApi;
    }

    private boolean api(HttpServletRequest request) {
        if (alwaysApi) return true;
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/")
                || path.startsWith("/actuator/")
                || path.startsWith("/v3/api-docs")
                || "true".equals(request.getHeader("HX-Request"));
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        if (failure instanceof SignInThrottle.ThrottledException throttled) {
            response.setHeader("Retry-After", Long.toString(throttled.retryAfterSeconds()));
            write(response, HttpStatus.TOO_MANY_REQUESTS, "Too many sign-ins", throttled.getMessage());
            return;
        }
        if (failure instanceof AuthenticationServiceException) {
            write(
                    response,
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "Sign-in unavailable",
                    "the accounts cannot be checked right now; try again");
            return;
        }
        if (api(request)) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"orderly\"");
            boolean sentCredentials = request.getHeader("Authorization") != null;
            write(
                    response,
                    HttpStatus.UNAUTHORIZED,
                    "Sign-in needed",
                    sentCredentials
                            ? "the credentials sent in the Authorization header are wrong, or the token is unknown, revoked or expired"
                            : "this needs a signed-in principal: send Authorization: Bearer <personal access token> or Basic credentials");
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String query = request.getQueryString() == null ? "" : "?" + request.getQueryString();
        response.sendRedirect(
                request.getContextPath() + "/signin?next=" + URLEncoder.encode(path + query, StandardCharsets.UTF_8));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        boolean csrf = denied instanceof CsrfException;
        String detail = csrf
                ? "this request changes something but carries no valid CSRF token: send it from Orderly's own pages, or "
                        + "authenticate API calls with an Authorization header instead of the session cookie"
                : tokenManagedByToken(request)
                        ? "a personal access token cannot issue, list or revoke tokens: that needs the account's password (HTTP Basic, "
                                + "or a session from the sign-in page), so that no token can issue another"
                        : "the signed-in principal's role or party does not allow this";
        if (api(request)) {
            write(response, HttpStatus.FORBIDDEN, csrf ? "Forged or stale request refused" : "Not allowed", detail);
            return;
        }
        request.setAttribute("orderly.refusal", detail);
        request.setAttribute(
                "orderly.refusalTitle", csrf ? "This form has expired or did not come from Orderly" : "Not allowed");
        response.sendError(HttpStatus.FORBIDDEN.value());
    }

    private static boolean tokenManagedByToken(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return header != null
                && header.regionMatches(true, 0, "Bearer ", 0, 7)
                && (path.startsWith("/api/v1/tokens") || path.startsWith("/account"));
    }

    private static void write(HttpServletResponse response, HttpStatus status, String title, String detail)
            throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status.value());
        problem.put("detail", detail);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(JSON.writeValueAsBytes(problem));
    }
}
