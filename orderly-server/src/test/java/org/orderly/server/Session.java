package org.orderly.server;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A browser's signed-in session in the server tests: its cookie, and the CSRF token its pages carry. */
public record Session(String cookie, String csrfToken) {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** Signs in at {@code base} (http://localhost:port) through the sign-in page as a browser does. */
    public static Session signIn(String base, String user, String password) {
        HttpResponse<String> form = exchange(
                HttpRequest.newBuilder(URI.create(base + "/signin")).GET().build());
        String cookie = form.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("ORDERLY_SIGNIN="))
                ? formCookie(form)
                : cookie(form); // an older server kept the form's token in a session
        String token = csrfToken(form.body());
        HttpResponse<String> signedIn = exchange(HttpRequest.newBuilder(URI.create(base + "/signin"))
                .header("Cookie", cookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "username=" + encode(user) + "&password=" + encode(password) + "&_csrf=" + encode(token)))
                .build());
        if (signedIn.statusCode() != 302
                || signedIn.headers().firstValue("Location").orElse("").contains("/signin")) {
            throw new IllegalStateException("sign-in as " + user + " failed: " + signedIn.statusCode() + " "
                    + signedIn.headers().map());
        }
        String session = cookie(signedIn);
        HttpResponse<String> home = exchange(HttpRequest.newBuilder(URI.create(base + "/"))
                .header("Cookie", session)
                .GET()
                .build());
        return new Session(session, csrfToken(home.body()));
    }

    /**
     * A request of Orderly's own pages: the session cookie, {@code Sec-Fetch-Site: same-origin} as a browser sends it, and
     * the CSRF token (as the X-CSRF-TOKEN header) only when {@code withToken}.
     */
    public HttpResponse<String> send(String url, String method, String contentType, String body, boolean withToken) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Cookie", cookie)
                .header("Sec-Fetch-Site", "same-origin")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) request.header("Content-Type", contentType);
        if (withToken) request.header("X-CSRF-TOKEN", csrfToken);
        return exchange(request.build());
    }

    public static HttpResponse<String> exchange(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The session cookie a response sets ("JSESSIONID=…"). */
    public static String cookie(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID="))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "no session cookie in " + response.headers().map()))
                .split(";")[0];
    }

    /** The sign-in form's cookie (its CSRF nonce: the sign-in page creates no session), "ORDERLY_SIGNIN=…". */
    public static String formCookie(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("ORDERLY_SIGNIN="))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "no sign-in form cookie in " + response.headers().map()))
                .split(";")[0];
    }

    /** The CSRF token of the first form on a page. */
    public static String csrfToken(String page) {
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        if (!token.find()) throw new IllegalStateException("no CSRF token on the page");
        return token.group(1);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
