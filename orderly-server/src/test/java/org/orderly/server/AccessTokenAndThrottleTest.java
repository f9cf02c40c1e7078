package org.orderly.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Personal access tokens (issued once, kept as hashes, revocable, acting with the account's roles) and the throttle on
 * failed password sign-ins, which must not touch tokens or sessions.
 */
class AccessTokenAndThrottleTest extends ServerTest {
    @Autowired
    DataSource dataSource;

    private Response bearer(String method, String path, String token, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
                .header("Authorization", "Bearer " + token)
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) request.header("Content-Type", "application/json");
        return send(request.build());
    }

    @Test
    void aTokenActsWithItsAccountsRolesUntilRevokedAndOnlyItsHashIsStored() {
        Response issued = post(
                "/api/v1/tokens",
                "application/json",
                "{\"label\":\"booth 7\",\"days\":30}",
                "border-officer",
                "test-only-border");
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        String token = issued.json().get("token").asString();
        long id = issued.json().get("record").get("id").asLong();
        assertThat(token).startsWith("orderly_");

        assertThat(bearer("GET", "/api/v1/watchlists", token, null).status()).isEqualTo(200);
        assertThat(bearer("GET", "/api/v1/audit", token, null).status())
                .as("a border officer's token is no secretariat's")
                .isEqualTo(403);
        Response check = bearer(
                "POST",
                "/api/v1/border-checks",
                token,
                BorderZones.body(
                        BorderZones.passport("FRA", "LAMBERT", "CLAIRE", "16AB12345", "920314", "F", "320101")));
        assertThat(check.status()).as(check.body()).isEqualTo(200);
        assertThat(check.json().get("border").asString()).isEqualTo("DEU");

        JsonNode listed =
                get("/api/v1/tokens", "border-officer", "test-only-border").json();
        assertThat(listed.toString()).contains("booth 7").doesNotContain(token.substring(8));
        String stored = JdbcClient.create(dataSource)
                .sql("select string_agg(sha256, ',') from access_token")
                .query(String.class)
                .single();
        assertThat(stored).doesNotContain(token.substring(8));

        HttpRequest revoke = HttpRequest.newBuilder(URI.create(url("/api/v1/tokens/" + id)))
                .header("Authorization", basic("border-officer", "test-only-border"))
                .DELETE()
                .build();
        assertThat(send(revoke).status()).isEqualTo(204);
        Response revoked = bearer("GET", "/api/v1/watchlists", token, null);
        assertThat(revoked.status()).isEqualTo(401);
        assertThat(revoked.json().get("detail").asString()).contains("revoked");
        assertThat(bearer("GET", "/api/v1/watchlists", "orderly_not-a-real-token", null)
                        .status())
                .isEqualTo(401);
    }

    @Test
    void anAccountRevokesOnlyItsOwnTokensAndLifetimesAreBounded() {
        String token = post("/api/v1/tokens", "application/json", "{}", "secretariat", "test-only-secretariat")
                .json()
                .get("token")
                .asString();
        long id = get("/api/v1/tokens", "secretariat", "test-only-secretariat")
                .json()
                .get(0)
                .get("id")
                .asLong();
        HttpRequest delete = HttpRequest.newBuilder(URI.create(url("/api/v1/tokens/" + id)))
                .header("Authorization", basic("deu-negotiator", "test-only-deu"))
                .DELETE()
                .build();
        assertThat(send(delete).status()).isEqualTo(404);
        assertThat(bearer("GET", "/api/v1/audit", token, null).status()).isEqualTo(200);
        assertThat(post("/api/v1/tokens", "application/json", "{\"days\":5000}", "secretariat", "test-only-secretariat")
                        .status())
                .isEqualTo(400);
        assertThat(post("/api/v1/tokens", "application/json", "{}", null, null).status())
                .isEqualTo(401);
    }

    @Test
    void aFloodOfWrongPasswordsPausesPasswordSignInForThatAccountButNotItsTokenOrOtherAccounts() {
        String token = post(
                        "/api/v1/tokens",
                        "application/json",
                        "{\"label\":\"before the flood\"}",
                        "throttle-test",
                        "test-only-throttle")
                .json()
                .get("token")
                .asString();
        for (int i = 0; i < 5; i++) {
            assertThat(get("/api/v1/watchlists", "throttle-test", "wrong-" + i).status())
                    .isEqualTo(401);
        }
        HttpResponse<String> paused = Session.exchange(HttpRequest.newBuilder(URI.create(url("/api/v1/watchlists")))
                .header("Authorization", basic("throttle-test", "test-only-throttle"))
                .GET()
                .build());
        assertThat(paused.statusCode()).as("even the right password waits now").isEqualTo(429);
        assertThat(paused.headers().firstValue("Retry-After")).isPresent();
        assertThat(paused.body()).contains("too many failed sign-ins");
        assertThat(bearer("GET", "/api/v1/watchlists", token, null).status())
                .as("the token still works")
                .isEqualTo(200);
        assertThat(get("/api/v1/watchlists", "border-officer", "test-only-border")
                        .status())
                .as("other accounts too")
                .isEqualTo(200);
    }

    @Test
    void aTokenCannotIssueListOrRevokeTokensSoNoneOutlivesItsRevocation() {
        Response issued = post(
                "/api/v1/tokens", "application/json", "{\"label\":\"stolen later\"}", "deu-clerk", "test-only-clerk");
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        String stolen = issued.json().get("token").asString();
        long id = issued.json().get("record").get("id").asLong();

        Response minted = bearer("POST", "/api/v1/tokens", stolen, "{\"label\":\"successor\",\"days\":366}");
        assertThat(minted.status())
                .as("a token mints no token: " + minted.body())
                .isEqualTo(403);
        assertThat(minted.json().get("detail").asString()).contains("needs the account's password");
        assertThat(bearer("GET", "/api/v1/tokens", stolen, null).status())
                .as("nor lists them")
                .isEqualTo(403);
        assertThat(bearer("DELETE", "/api/v1/tokens/" + id, stolen, null).status())
                .as("nor revokes them")
                .isEqualTo(403);
        assertThat(bearer("DELETE", "/api/v1/tokens", stolen, null).status()).isEqualTo(403);
        assertThat(bearer("GET", "/account", stolen, null).status()).isEqualTo(403);
        assertThat(get("/api/v1/tokens", "deu-clerk", "test-only-clerk").json().toString())
                .doesNotContain("successor");
        assertThat(bearer("GET", "/api/v1/parties/DEU", stolen, null).status())
                .as("the token itself still works")
                .isEqualTo(200);
    }

    @Test
    void revokeAllEndsEveryTokenOfTheAccountAndNoOtherAccounts() {
        String first = post("/api/v1/tokens", "application/json", "{\"label\":\"a\"}", "operator", "test-only-operator")
                .json()
                .get("token")
                .asString();
        String second = post(
                        "/api/v1/tokens", "application/json", "{\"label\":\"b\"}", "operator", "test-only-operator")
                .json()
                .get("token")
                .asString();
        String otherAccount = post("/api/v1/tokens", "application/json", "{}", "fra-officer", "test-only-fra")
                .json()
                .get("token")
                .asString();
        assertThat(bearer("GET", "/actuator/prometheus", first, null).status()).isEqualTo(200);

        Response revoked = send(HttpRequest.newBuilder(URI.create(url("/api/v1/tokens")))
                .header("Authorization", basic("operator", "test-only-operator"))
                .DELETE()
                .build());
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
        assertThat(revoked.json().get("revoked").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(bearer("GET", "/actuator/prometheus", first, null).status()).isEqualTo(401);
        assertThat(bearer("GET", "/actuator/prometheus", second, null).status()).isEqualTo(401);
        assertThat(bearer("GET", "/api/v1/watchlists", otherAccount, null).status())
                .as("another account's token")
                .isEqualTo(200);
        assertThat(get("/api/v1/tokens", "operator", "test-only-operator").json())
                .allSatisfy(t -> assertThat(t.get("revokedAt").isNull()).isFalse());
    }

    @Test
    void aSessionIssuesATokenOnlyWithThePasswordAskedAgain() {
        Session session = signIn("mar-negotiator", "test-only-mar");
        Response none =
                send(session, "POST", "/api/v1/tokens", "application/json", "{\"label\":\"no password\"}", true);
        assertThat(none.status()).as(none.body()).isEqualTo(403);
        assertThat(none.json().get("detail").asString()).contains("password");
        Response wrong = send(
                session,
                "POST",
                "/api/v1/tokens",
                "application/json",
                "{\"label\":\"wrong\",\"password\":\"guess\"}",
                true);
        assertThat(wrong.status()).as(wrong.body()).isEqualTo(403);
        assertThat(wrong.json().get("detail").asString()).contains("password is wrong");
        Response right = send(
                session,
                "POST",
                "/api/v1/tokens",
                "application/json",
                "{\"label\":\"asked again\",\"password\":\"test-only-mar\"}",
                true);
        assertThat(right.status()).as(right.body()).isEqualTo(201);
        assertThat(get("/api/v1/tokens", "mar-negotiator", "test-only-mar")
                        .json()
                        .toString())
                .contains("asked again")
                .doesNotContain("no password")
                .doesNotContain("\"wrong\"");

        // The account page asks the same, and revokes all at once.
        Response page = send(
                session, "POST", "/account/tokens", "application/x-www-form-urlencoded", "label=page&days=5", true);
        assertThat(page.status()).isEqualTo(302);
        Response shown = send(session, "GET", "/account", null, null, false);
        assertThat(shown.body())
                .contains("No token issued")
                .doesNotContain("id=\"new-token\"")
                .contains("revoke-all-tokens");
        assertThat(send(session, "POST", "/account/tokens/revoke-all", "application/x-www-form-urlencoded", "", true)
                        .status())
                .isEqualTo(302);
        assertThat(send(session, "GET", "/account", null, null, false).body()).contains("1 token revoked.");
        assertThat(get("/api/v1/tokens", "mar-negotiator", "test-only-mar").json())
                .allSatisfy(t -> assertThat(t.get("revokedAt").isNull()).isFalse());
    }

    @Test
    void fortySimultaneousWrongPasswordsAreNotAllCheckedAndTheTokenStillWorks() throws Exception {
        String token = post("/api/v1/tokens", "application/json", "{}", "throttle-race", "test-only-race")
                .json()
                .get("token")
                .asString();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(40);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String guess = "wrong-" + i;
            answers.add(pool.submit(() -> {
                start.await();
                return get("/api/v1/watchlists", "throttle-race", guess).status();
            }));
        }
        start.countDown();
        Map<Integer, Integer> statuses = new java.util.TreeMap<>();
        for (java.util.concurrent.Future<Integer> answer : answers)
            statuses.merge(answer.get(60, java.util.concurrent.TimeUnit.SECONDS), 1, Integer::sum);
        pool.shutdown();
        assertThat(statuses.getOrDefault(401, 0))
                .as("guesses checked of 40 at once, limit 5: " + statuses)
                .isLessThanOrEqualTo(5);
        assertThat(statuses.getOrDefault(429, 0)).as(statuses.toString()).isGreaterThanOrEqualTo(35);
        assertThat(bearer("GET", "/api/v1/watchlists", token, null).status())
                .as("tokens are not slowed")
                .isEqualTo(200);
    }
}
