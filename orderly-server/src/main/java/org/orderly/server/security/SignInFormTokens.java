package org.orderly.server.security;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;

/**
 * CSRF tokens without creating a session: a visitor with no session (the sign-in form) gets a signed double-submit
 * token, a signed-in browser the token kept in its session. Anonymous visitors used to get a server session each from
 * the sign-in page alone (5,000 requests, 5,000 sessions); now only a sign-in creates one.
 *
 * <p>The anonymous token: a random nonce in an HttpOnly, SameSite=Strict cookie, and in the form the nonce's HMAC-SHA256
 * under a key made at start. A page of another site can neither read the cookie nor compute the HMAC of a nonce it
 * does not know, so it cannot post a valid sign-in form (login CSRF). The key lives in memory: a restart expires open
 * sign-in forms, and servers behind one address would each refuse the others' forms.
 */
final class SignInFormTokens implements CsrfTokenRepository {
    static final String COOKIE = "ORDERLY_SIGNIN";
    private static final String HEADER = "X-CSRF-TOKEN";
    private static final String PARAMETER = "_csrf";
    private static final Pattern NONCE = Pattern.compile("[A-Za-z0-9_-]{22}");
    private static final String CLEARED = SignInFormTokens.class.getName() + ".CLEARED";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final HttpSessionCsrfTokenRepository sessions = new HttpSessionCsrfTokenRepository();
    private final SecretKeySpec key;

    SignInFormTokens() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        this.key = new SecretKeySpec(bytes, "HmacSHA256");
    }

    /** The token of a visitor without a session: the nonce goes to the cookie, its signature to the form. */
    record Signed(String nonce, String signature) implements CsrfToken {
        @Override
        public String getHeaderName() {
            return HEADER;
        }

        @Override
        public String getParameterName() {
            return PARAMETER;
        }

        @Override
        public String getToken() {
            return signature;
        }
    }

    @Override
    public CsrfToken generateToken(HttpServletRequest request) {
        if (request.getSession(false) != null) return sessions.generateToken(request);
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        String nonce = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return new Signed(nonce, sign(nonce));
    }

    @Override
    public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
        if (request.getSession(false) != null && !(token instanceof Signed)) {
            sessions.saveToken(token, request, response);
            return;
        }
        if (token == null) request.setAttribute(CLEARED, Boolean.TRUE);
        else request.removeAttribute(CLEARED);
        String nonce = token instanceof Signed signed ? signed.nonce() : "";
        ResponseCookie cookie = ResponseCookie.from(COOKIE, nonce)
                .httpOnly(true)
                .secure(request.isSecure())
                .sameSite("Strict")
                .path(request.getContextPath().isEmpty() ? "/" : request.getContextPath())
                .maxAge(token == null ? 0 : -1)
                .build();
        response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
    }

    @Override
    public CsrfToken loadToken(HttpServletRequest request) {
        if (request.getSession(false) != null) return sessions.loadToken(request);
        if (request.getAttribute(CLEARED) != null || request.getCookies() == null) return null;
        for (Cookie cookie : request.getCookies()) {
            if (COOKIE.equals(cookie.getName())
                    && NONCE.matcher(cookie.getValue()).matches()) {
                return new Signed(cookie.getValue(), sign(cookie.getValue()));
            }
        }
        return null;
    }

    private String sign(String nonce) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(mac.doFinal(nonce.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this Java runtime", e);
        }
    }
}
