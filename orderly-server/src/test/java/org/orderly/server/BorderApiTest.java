package org.orderly.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The border API: who may use it, what an unreadable zone looks like, and the combined check. */
class BorderApiTest extends ServerTest {
    private static final String JSON_TYPE = "application/json";
    /** An invented French passport whose holder and number are on the test watchlists (src/test/resources/border). */
    private static final String[] LISTED =
            BorderZones.passport("FRA", "MOREAU", "JEAN PIERRE", "LOST12345", "750621", "M", "320101");

    private static final String[] CLEAR =
            BorderZones.passport("FRA", "LAMBERT", "CLAIRE", "16AB12345", "920314", "F", "320101");

    private Response post(String path, String body, String user, String password) {
        return post(path, JSON_TYPE, body, user, password);
    }

    @Test
    void documentsWatchlistsScreeningAndBorderChecksRefuseAnonymousAndNegotiators() {
        String zone = BorderZones.body(CLEAR);
        String query = "{\"name\":\"Jean Pierre Moreau\"}";
        List<Response> anonymous = List.of(
                post("/api/v1/documents/mrz", zone, null, null),
                get("/api/v1/watchlists"),
                get("/api/v1/watchlists/wanted-persons"),
                post("/api/v1/screening", query, null, null),
                post("/api/v1/border-checks", zone, null, null));
        anonymous.forEach(r -> assertThat(r.status()).as(r.body()).isEqualTo(401));
        assertThat(get("/border").status())
                .as("the page sends an anonymous visitor to the sign-in page")
                .isEqualTo(302);
        List<Response> negotiator = List.of(
                post("/api/v1/documents/mrz", zone, "deu-negotiator", "test-only-deu"),
                get("/api/v1/watchlists", "deu-negotiator", "test-only-deu"),
                get("/api/v1/watchlists/wanted-persons", "deu-negotiator", "test-only-deu"),
                post("/api/v1/screening", query, "deu-negotiator", "test-only-deu"),
                post("/api/v1/border-checks", zone, "deu-negotiator", "test-only-deu"),
                get("/border", "deu-negotiator", "test-only-deu"));
        negotiator.forEach(r -> assertThat(r.status()).as(r.body()).isEqualTo(403));
        for (String[] user :
                new String[][] {{"border-officer", "test-only-border"}, {"secretariat", "test-only-secretariat"}}) {
            assertThat(post("/api/v1/documents/mrz", zone, user[0], user[1]).status())
                    .isEqualTo(200);
            assertThat(get("/api/v1/watchlists", user[0], user[1]).status()).isEqualTo(200);
            assertThat(post("/api/v1/screening", query, user[0], user[1]).status())
                    .isEqualTo(200);
            assertThat(get("/border", user[0], user[1]).status()).isEqualTo(200);
        }
    }

    @Test
    void watchlistsShowNamesAndSizesButNoEntries() {
        Response lists = get("/api/v1/watchlists", "border-officer", "test-only-border");
        assertThat(lists.status()).isEqualTo(200);
        JsonNode json = lists.json();
        assertThat(json.size()).isEqualTo(2);
        assertThat(json.get(0).get("name").asString()).isEqualTo("wanted-persons");
        assertThat(json.get(0).get("persons").asInt()).isEqualTo(3);
        assertThat(json.get(1).get("documents").asInt()).isEqualTo(1);
        assertThat(lists.body())
                .doesNotContain("MOREAU")
                .doesNotContainIgnoringCase("moreau")
                .doesNotContain("LOST12345");
        assertThat(get("/api/v1/watchlists/wanted-persons", "border-officer", "test-only-border")
                        .status())
                .as("list contents are not served at all")
                .isIn(404, 405);
    }

    @Test
    void readsAZoneAndReportsEveryCheck() {
        JsonNode document = post(
                        "/api/v1/documents/mrz",
                        BorderZones.body(CLEAR, "\"on\":\"2026-01-15\""),
                        "border-officer",
                        "test-only-border")
                .json();
        assertThat(document.get("valid").asBoolean()).isTrue();
        assertThat(document.get("primaryIdentifier").asString()).isEqualTo("LAMBERT");
        assertThat(document.get("birthDate").asString()).isEqualTo("1992-03-14");
        assertThat(document.get("checks").size()).isEqualTo(5);
    }

    @Test
    void corruptedDigitIsAFailingCheckWithItsPosition() {
        String[] corrupted = {
            CLEAR[0], CLEAR[1].substring(0, 14) + (CLEAR[1].charAt(14) == '9' ? '8' : '9') + CLEAR[1].substring(15)
        };
        JsonNode document = post(
                        "/api/v1/documents/mrz", BorderZones.body(corrupted), "border-officer", "test-only-border")
                .json();
        assertThat(document.get("valid").asBoolean()).isFalse();
        List<String> failing = new ArrayList<>();
        document.get("checks").forEach(c -> {
            if (!c.get("passed").asBoolean())
                failing.add(c.get("name").asString() + "@" + c.get("line").asInt() + ":"
                        + c.get("column").asInt());
        });
        assertThat(failing).contains("birthDate@2:20");
    }

    @Test
    void unreadableZoneIs422WithLineAndColumn() {
        Response response = post(
                "/api/v1/documents/mrz",
                "{\"text\":\"" + CLEAR[0] + "\\n" + CLEAR[1].substring(0, 30) + "\"}",
                "border-officer",
                "test-only-border");
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("line").asInt()).isEqualTo(2);
        assertThat(response.json().get("column").asInt()).isPositive();
        assertThat(response.json().get("detail").asString()).contains("line 2");
    }

    @Test
    void comparingNamesIsPublic() {
        Response response = post(
                "/api/v1/names/compare",
                "{\"name1\":\"Mohammed al-Rashid\",\"name2\":\"RASHID, Muhammad\"}",
                null,
                null);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("match").asBoolean()).isTrue();
        assertThat(response.json().get("explanation").asString()).isNotBlank();
        assertThat(post("/api/v1/names/compare", "{\"name1\":\"Anna Berg\"}", null, null)
                        .status())
                .isEqualTo(400);
    }

    @Test
    void screeningFindsPersonsAndDocumentsWithExplanations() {
        JsonNode result = post(
                        "/api/v1/screening",
                        "{\"name\":\"Орлов Виктор\",\"birthDate\":\"1971-04-02\",\"nationality\":\"RUS\","
                                + "\"documentNumber\":\"LOST-12345\",\"issuingState\":\"FRA\"}",
                        "secretariat",
                        "test-only-secretariat")
                .json();
        assertThat(result.get("watchlists").asInt()).isEqualTo(2);
        JsonNode hits = result.get("hits");
        assertThat(hits.size()).isEqualTo(2);
        assertThat(hits.get(0).get("entryId").asString()).isEqualTo("WP-2");
        assertThat(hits.get(0).get("matchedFields").toString())
                .contains("birth_date")
                .contains("nationality");
        assertThat(hits.get(0).get("explanation").asString()).isNotBlank();
        assertThat(hits.get(1).get("kind").asString()).isEqualTo("document");
        assertThat(hits.get(1).get("entryId").asString()).isEqualTo("LD-1");
        assertThat(post("/api/v1/screening", "{}", "secretariat", "test-only-secretariat")
                        .status())
                .isEqualTo(400);
    }

    @Test
    void borderCheckCombinesDocumentScreeningAndTheRequirementAtTheOfficersBorder() {
        JsonNode check = post("/api/v1/border-checks", BorderZones.body(LISTED), "border-officer", "test-only-border")
                .json();
        assertThat(check.get("document").get("valid").asBoolean()).isTrue();
        List<String> hits = new ArrayList<>();
        check.get("hits").forEach(h -> hits.add(h.get("entryId").asString()));
        assertThat(hits).containsExactlyInAnyOrder("WP-1", "LD-1");
        assertThat(check.get("border").asString()).isEqualTo("DEU");
        assertThat(check.get("travel").get("passport").asString()).isEqualTo("FRA");
        assertThat(check.get("travel").get("category").asString()).isEqualTo("FREE_MOVEMENT");
        assertThat(check.get("travel").get("instrumentId").asString()).isEqualTo("EU_FREE_MOVEMENT");
        assertThat(check.get("travel").get("sources").size()).isPositive();
    }

    @Test
    void borderCheckOfAClearHolderHasNoHitsAndTakesTheBorderParameter() {
        JsonNode check = post(
                        "/api/v1/border-checks",
                        BorderZones.body(CLEAR, "\"border\":\"jpn\""),
                        "secretariat",
                        "test-only-secretariat")
                .json();
        assertThat(check.get("hits").size()).isZero();
        assertThat(check.get("border").asString()).isEqualTo("JPN");
        assertThat(check.get("travel").get("destination").asString()).isEqualTo("JPN");
        JsonNode noBorder = post(
                        "/api/v1/border-checks", BorderZones.body(CLEAR), "secretariat", "test-only-secretariat")
                .json();
        assertThat(noBorder.get("travel").isNull()).isTrue();
        assertThat(noBorder.get("travelNote").asString()).contains("no border");
    }

    @Test
    void passiveAuthenticationIsForBorderPrincipalsAndSaysWhenNoCscaIsConfigured() {
        String body = "{\"sod\":\"AAAA\",\"dataGroups\":{\"1\":\"AAAA\"}}";
        assertThat(post("/api/v1/documents/emrtd/verify", body, null, null).status())
                .isEqualTo(401);
        assertThat(post("/api/v1/documents/emrtd/verify", body, "deu-negotiator", "test-only-deu")
                        .status())
                .isEqualTo(403);
        Response unconfigured = post("/api/v1/documents/emrtd/verify", body, "border-officer", "test-only-border");
        assertThat(unconfigured.status()).isEqualTo(503);
        assertThat(unconfigured.body()).contains("orderly.csca-path");
    }
}
