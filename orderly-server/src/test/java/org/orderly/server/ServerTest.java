package org.orderly.server;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Base of the server tests: the whole server on a random port over a real embedded PostgreSQL,
 * with the reference data and (when ../shared/data is present) the public data sets loaded.
 * Every subclass shares one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class ServerTest {
    protected static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    protected int port;

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** A response's status and body. */
    protected record Response(int status, String body) {
        public JsonNode json() {
            return JSON.readTree(body);
        }
    }

    protected Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).GET().build());
    }

    protected Response get(String path, String user, String password) {
        return send(HttpRequest.newBuilder(URI.create(url(path)))
                .header("Authorization", basic(user, password))
                .GET()
                .build());
    }

    protected Response post(String path, String contentType, String body, String user, String password) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (user != null) request.header("Authorization", basic(user, password));
        return send(request.build());
    }

    /** Signs in through the sign-in page as a browser does (GET the form, POST it with its CSRF token). */
    protected Session signIn(String user, String password) {
        return Session.signIn(url(""), user, password);
    }

    /** A request of a signed-in browser: the session cookie, and the CSRF token only when {@code withToken}. */
    protected Response send(
            Session session, String method, String path, String contentType, String body, boolean withToken) {
        HttpResponse<String> response = session.send(url(path), method, contentType, body, withToken);
        return new Response(response.statusCode(), response.body());
    }

    protected static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    protected static Response send(HttpRequest request) {
        HttpResponse<String> response = Session.exchange(request);
        return new Response(response.statusCode(), response.body());
    }
}
