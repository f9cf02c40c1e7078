package org.orderly.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import javax.sql.DataSource;

/**
 * Personal access tokens (issued once, kept as hashes, revocable, acting with the account's roles) and the throttle on
 * failed password sign-ins, which must not touch tokens or sessions.
 */
class AccessTokenAndThrottleTest extends ServerTest {
    @Autowired
    DataSource dataSource;

    private Response bearer(String method, String path, String token, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) request.header("Content-Type", "application/json");
        return send(request.build());
    }

    @Test
    void aTokenActsWithItsAccountsRolesUntilRevokedAndOnlyItsHashIsStored() {
        Response issued = post("/api/v1/tokens", "application/json", "{\"label\":\"booth 7\",\"days\":30}", "border-officer", "test-only-border");
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        String token = issued.json().get("token").asString();
        long id = issued.json().get("record").get("id").asLong();
        assertThat(token).startsWith("orderly_");

        assertThat(bearer("GET", "/api/v1/watchlists", token, null).status()).isEqualTo(200);
        assertThat(bearer("GET", "/api/v1/audit", token, null).status()).as("a border officer's token is no secretariat's").isEqualTo(403);
        Response check = bearer("POST", "/api/v1/border-checks", token, BorderZones.body(BorderZones.passport("FRA", "LAMBERT", "CLAIRE",
                "16AB12345", "920314", "F", "320101")));
        assertThat(check.status()).as(check.body()).isEqualTo(200);
        assertThat(check.json().get("border").asString()).isEqualTo("DEU");

        JsonNode listed = get("/api/v1/tokens", "border-officer", "test-only-border").json();
        assertThat(listed.toString()).contains("booth 7").doesNotContain(token.substring(8));
        String stored = JdbcClient.create(dataSource).sql("select string_agg(sha256, ',') from access_token").query(String.class).single();
        assertThat(stored).doesNotContain(token.substring(8));

        assertThat(bearer("DELETE", "/api/v1/tokens/" + id, token, null).status()).isEqualTo(204);
        Response revoked = bearer("GET", "/api/v1/watchlists", token, null);
        assertThat(revoked.status()).isEqualTo(401);
        assertThat(revoked.json().get("detail").asString()).contains("revoked");
        assertThat(bearer("GET", "/api/v1/watchlists", "orderly_not-a-real-token", null).status()).isEqualTo(401);
    }

    @Test
    void anAccountRevokesOnlyItsOwnTokensAndLifetimesAreBounded() {
        String token = post("/api/v1/tokens", "application/json", "{}", "secretariat", "test-only-secretariat").json().get("token").asString();
        long id = get("/api/v1/tokens", "secretariat", "test-only-secretariat").json().get(0).get("id").asLong();
        HttpRequest delete = HttpRequest.newBuilder(URI.create(url("/api/v1/tokens/" + id)))
                .header("Authorization", basic("deu-negotiator", "test-only-deu")).DELETE().build();
        assertThat(send(delete).status()).isEqualTo(404);
        assertThat(bearer("GET", "/api/v1/audit", token, null).status()).isEqualTo(200);
        assertThat(post("/api/v1/tokens", "application/json", "{\"days\":5000}", "secretariat", "test-only-secretariat").status()).isEqualTo(400);
        assertThat(post("/api/v1/tokens", "application/json", "{}", null, null).status()).isEqualTo(401);
    }

    @Test
    void aFloodOfWrongPasswordsPausesPasswordSignInForThatAccountButNotItsTokenOrOtherAccounts() {
        String token = post("/api/v1/tokens", "application/json", "{\"label\":\"before the flood\"}", "throttle-test", "test-only-throttle")
                .json().get("token").asString();
        for (int i = 0; i < 5; i++) {
            assertThat(get("/api/v1/watchlists", "throttle-test", "wrong-" + i).status()).isEqualTo(401);
        }
        HttpResponse<String> paused = Session.exchange(HttpRequest.newBuilder(URI.create(url("/api/v1/watchlists")))
                .header("Authorization", basic("throttle-test", "test-only-throttle")).GET().build());
        assertThat(paused.statusCode()).as("even the right password waits now").isEqualTo(429);
        assertThat(paused.headers().firstValue("Retry-After")).isPresent();
        assertThat(paused.body()).contains("too many failed sign-ins");
        assertThat(bearer("GET", "/api/v1/watchlists", token, null).status()).as("the token still works").isEqualTo(200);
        assertThat(get("/api/v1/watchlists", "border-officer", "test-only-border").status()).as("other accounts too").isEqualTo(200);
    }
}
