package org.orderly.server.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A read of personal data with a browser session must come from Orderly's own pages or from the person (a typed address,
 * a bookmark): a link or image on another site would otherwise make the officer's browser perform an audited read under
 * the officer's name (the SameSite=Lax cookie goes along with a top-level navigation). The browser says where a request
 * comes from in {@code Sec-Fetch-Site}: {@code same-origin} and {@code none} pass; {@code cross-site} and
 * {@code same-site} (another port or subdomain) are refused with 403 and a link to open the page from here. A browser
 * that sends no {@code Sec-Fetch-Site} (before 2020–2023) passes only with a {@code Referer} of this very origin.
 *
 * <p>Only requests that carry a session cookie are concerned: API clients with an {@code Authorization} header use the
 * other filter chain, and a request without a cookie acts anonymously, which personal data refuses anyway.
 */
final class SameOriginReads extends OncePerRequestFilter {
    private final RequestMatcher personalData;

    SameOriginReads(List<PersonalDataPaths> paths) {
        List<RequestMatcher> matchers = paths.stream()
                .flatMap(p -> p.patterns().stream())
                .<RequestMatcher>map(
                        pattern -> PathPatternRequestMatcher.withDefaults().matcher(pattern))
                .toList();
        this.personalData = matchers.isEmpty() ? request -> false : new OrRequestMatcher(matchers);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getRequestedSessionId() == null || !personalData.matches(request) || fromHere(request)) {
            chain.doFilter(request, response);
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean api = path.startsWith("/api/") || "true".equals(request.getHeader("HX-Request"));
        request.setAttribute("orderly.refusalTitle", "Opened from another site");
        request.setAttribute(
                "orderly.refusal",
                "this shows personal data, and the request did not come from Orderly's own pages: "
                        + "another site cannot make your browser read it under your name"
                        + (api
                                ? "; API clients send an Authorization header instead of the session cookie"
                                : ". Open it from here if you meant to."));
        if (!api && !path.startsWith("//")) {
            String query = request.getQueryString();
            request.setAttribute(
                    "orderly.openHere", request.getContextPath() + path + (query == null ? "" : "?" + query));
        }
        response.sendError(HttpStatus.FORBIDDEN.value());
    }

    /** Whether the browser says the request comes from this origin or from the person. */
    static boolean fromHere(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null) return site.equals("same-origin") || site.equals("none");
        String referer = request.getHeader("Referer");
        if (referer == null) return false;
        try {
            URI from = URI.create(referer);
            int port = from.getPort() >= 0 ? from.getPort() : "https".equalsIgnoreCase(from.getScheme()) ? 443 : 80;
            return request.getScheme().equalsIgnoreCase(from.getScheme())
                    && request.getServerName().equalsIgnoreCase(from.getHost())
                    && request.getServerPort() == port;
        } catch (IllegalArgumentException unreadable) {
            return false;
        }
    }
}
