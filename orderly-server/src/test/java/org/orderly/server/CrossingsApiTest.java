package org.orderly.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The crossings ledger, overstays and the stay calculator over HTTP: who may use them, and what they answer. */
class CrossingsApiTest extends ServerTest {
    private static final String JSON_TYPE = "application/json";
    private static final String OFFICER = "border-officer";
    private static final String OFFICER_PASSWORD = "test-only-border";

    private Response post(String path, String body) {
        return post(path, JSON_TYPE, body, OFFICER, OFFICER_PASSWORD);
    }

    private static String crossing(String id, String document, String direction, String at, String rule) {
        return "{\"id\":\"" + id + "\",\"direction\":\"" + direction + "\",\"at\":\"" + at + "\",\"state\":\"DEU\","
                + "\"crossingPoint\":\"FRA-T1\",\"documentNumber\":\"" + document + "\",\"issuingState\":\"USA\""
                + (rule == null ? "" : ",\"rule\":\"" + rule + "\"") + "}";
    }

    @Test
    void crossingsOverstaysAndTheCalculatorAreForBorderAndSecretariatOnly() {
        String calculation = "{\"rule\":\"90/180\",\"stays\":[\"2025-01-01..2025-03-31\"],\"enter\":\"2025-06-30\"}";
        List<Response> anonymous = List.of(
                post(
                        "/api/v1/crossings",
                        JSON_TYPE,
                        crossing("x", "D", "entry", "2025-01-01T00:00:00Z", "90/180"),
                        null,
                        null),
                get("/api/v1/overstays"),
                get("/api/v1/crossings?traveller=USA:D"),
                post("/api/v1/stays/calculation", JSON_TYPE, calculation, null, null));
        anonymous.forEach(r -> assertThat(r.status()).as(r.body()).isEqualTo(401));
        assertThat(get("/border/overstays").status())
                .as("the page sends an anonymous visitor to the sign-in page")
                .isEqualTo(302);
        assertThat(get("/border/stays").status()).isEqualTo(302);
        List<Response> negotiator = List.of(
                get("/api/v1/overstays", "deu-negotiator", "test-only-deu"),
                post("/api/v1/stays/calculation", JSON_TYPE, calculation, "deu-negotiator", "test-only-deu"),
                get("/border/overstays", "deu-negotiator", "test-only-deu"));
        negotiator.forEach(r -> assertThat(r.status()).as(r.body()).isEqualTo(403));
        Response answer = post("/api/v1/stays/calculation", calculation);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().get("plan").get("maxStayDays").asInt()).isEqualTo(90);
        assertThat(answer.json().get("plan").get("lastLegalDay").asString()).isEqualTo("2025-09-27");
    }

    @Test
    void anOverstayIsListedAndClearedByTheExitAndTheTravellerViewCountsTheDays() {
        String document = "T" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String traveller = "USA:" + document;
        Response entry = post(
                "/api/v1/crossings", crossing(document + "-in", document, "entry", "2020-01-01T10:00:00Z", "90/180"));
        assertThat(entry.status()).as(entry.body()).isEqualTo(200);
        assertThat(entry.json().get("recorded").asInt()).isEqualTo(1);
        JsonNode open = post(
                        "/api/v1/crossings",
                        crossing(document + "-in", document, "entry", "2020-01-01T10:00:00Z", "90/180"))
                .json();
        assertThat(open.get("alreadyRecorded").asInt()).isEqualTo(1);
        JsonNode alerts =
                get("/api/v1/overstays?open=true", OFFICER, OFFICER_PASSWORD).json();
        assertThat(alerts.valueStream()
                        .filter(a -> a.get("traveller").asString().equals(traveller))
                        .toList())
                .singleElement()
                .satisfies(a -> assertThat(a.get("lastLegalDay").asString()).isEqualTo("2020-03-30"));
        Response view = get("/api/v1/crossings?traveller=" + traveller + "&on=2020-04-09", OFFICER, OFFICER_PASSWORD);
        assertThat(view.json().get("control").get("daysUsed").asInt()).isEqualTo(100);
        assertThat(view.json().get("control").get("overstayDays").asInt()).isEqualTo(10);
        Response page = get("/border/stays?traveller=" + traveller + "&on=2020-04-09", OFFICER, OFFICER_PASSWORD);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Overstay: 10 days past the limit").contains("class=\"day stay");
        post("/api/v1/crossings", crossing(document + "-out", document, "exit", "2020-04-09T08:00:00Z", null));
        JsonNode after = get("/api/v1/overstays", OFFICER, OFFICER_PASSWORD).json();
        assertThat(after.valueStream()
                        .filter(a -> a.get("traveller").asString().equals(traveller))
                        .toList())
                .singleElement()
                .satisfies(a -> assertThat(a.get("overstayDays").asInt()).isEqualTo(10));
        assertThat(get("/border/overstays", OFFICER, OFFICER_PASSWORD).body())
                .contains(traveller)
                .contains("left 10 days late");
    }

    /**
     * Free movement from 1 January, left on 1 March and re-entered that day under 90/180 (issue 27 item 2): the view, the
     * page and the ledger's alerts count only the short stay, as the overstay watch and the stream job do.
     */
    @Test
    void aStayUnderFreeMovementFollowedByAShortStayCountsOnlyTheShortStayInTheViewThePageAndTheAlerts() {
        String document = "F" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String traveller = "USA:" + document;
        for (String body : List.of(
                crossing(document + "-fm-in", document, "entry", "2020-01-01T10:00:00Z", "not-counted:free_movement"),
                crossing(document + "-fm-out", document, "exit", "2020-03-01T08:00:00Z", null),
                crossing(document + "-in", document, "entry", "2020-03-01T12:00:00Z", "90/180"),
                crossing(document + "-out", document, "exit", "2020-05-20T12:00:00Z", null))) {
            Response recorded = post("/api/v1/crossings", body);
            assertThat(recorded.status()).as(recorded.body()).isEqualTo(200);
        }
        JsonNode view = get("/api/v1/crossings?traveller=" + traveller + "&on=2020-04-09", OFFICER, OFFICER_PASSWORD)
                .json();
        assertThat(view.get("control").get("daysUsed").asInt())
                .as(view.toString())
                .isEqualTo(40);
        assertThat(view.get("control").get("overstayDays").asInt()).isZero();
        assertThat(view.get("stays")
                        .valueStream()
                        .map(s -> s.get("title").asString())
                        .toList())
                .containsExactly("FREE_MOVEMENT", "SHORT_STAY");
        assertThat(get("/border/stays?traveller=" + traveller + "&on=2020-04-09", OFFICER, OFFICER_PASSWORD)
                        .body())
                .doesNotContain("Overstay:")
                .contains("40 days used")
                .contains("2020-02-15: stayed, not counted")
                .contains("2020-03-15: stayed");
        // Recorded one by one today, the short stay was overstayed until its exit arrived: the alert is cleared by it.
        JsonNode alerts =
                get("/api/v1/overstays?open=true", OFFICER, OFFICER_PASSWORD).json();
        assertThat(alerts.valueStream()
                        .filter(a -> a.get("traveller").asString().equals(traveller))
                        .toList())
                .isEmpty();
    }

    @Test
    void anOfficerRecordsCrossingsAtTheBorderOfItsOwnStateOnlyAndTheSecretariatAtNone() {
        String body =
                "{\"direction\":\"entry\",\"at\":\"2025-01-01T00:00:00Z\",\"state\":\"FRA\",\"crossingPoint\":\"CDG\","
                        + "\"documentNumber\":\"X1\",\"issuingState\":\"USA\",\"rule\":\"90/180\"}";
        assertThat(post("/api/v1/crossings", body).status()).isEqualTo(403);
        Response bySecretariat = post("/api/v1/crossings", JSON_TYPE, body, "secretariat", "test-only-secretariat");
        assertThat(bySecretariat.status()).as(bySecretariat.body()).isEqualTo(403);
        Response byFrance = post("/api/v1/crossings", JSON_TYPE, body, "fra-officer", "test-only-fra");
        assertThat(byFrance.status()).as(byFrance.body()).isEqualTo(200);
    }

    @Test
    void anExitRecordedByTheUnitedStatesClearsNoGermanOverstayAlertWhileAFrenchExitEndsTheSchengenStay() {
        String document = "S" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String traveller = "USA:" + document;
        assertThat(post(
                                "/api/v1/crossings",
                                crossing(document + "-in", document, "entry", "2020-01-01T10:00:00Z", "90/180"))
                        .status())
                .isEqualTo(200);
        String exit = "{\"id\":\"" + document
                + "-us-out\",\"direction\":\"exit\",\"at\":\"2020-05-01T10:00:00Z\",\"crossingPoint\":\"JFK\","
                + "\"documentNumber\":\"" + document + "\",\"issuingState\":\"USA\"}";
        assertThat(post("/api/v1/crossings", JSON_TYPE, exit, "usa-officer", "test-only-usa")
                        .status())
                .isEqualTo(200);
        JsonNode open =
                get("/api/v1/overstays?open=true", OFFICER, OFFICER_PASSWORD).json();
        assertThat(open.valueStream()
                        .filter(a -> a.get("traveller").asString().equals(traveller))
                        .toList())
                .as("the German alert stays open after an exit from the United States")
                .hasSize(1);
        assertThat(get("/api/v1/crossings/unmatched", "usa-officer", "test-only-usa")
                        .body())
                .contains(document + "-us-out");
        String french = exit.replace("-us-out", "-fr-out")
                .replace("2020-05-01", "2020-06-01")
                .replace("JFK", "CDG");
        assertThat(post("/api/v1/crossings", JSON_TYPE, french, "fra-officer", "test-only-fra")
                        .status())
                .isEqualTo(200);
        JsonNode after = get("/api/v1/overstays", OFFICER, OFFICER_PASSWORD).json();
        assertThat(after.valueStream()
                        .filter(a -> a.get("traveller").asString().equals(traveller))
                        .toList())
                .singleElement()
                .satisfies(a -> assertThat(a.get("exitCrossingId").asString()).isEqualTo(document + "-fr-out"));
        assertThat(get("/api/v1/overstays", "fra-officer", "test-only-fra").body())
                .doesNotContain(traveller);
    }

    @Test
    void fieldsThatNoRegistryOrIcaoRuleAllowsAre400AndRecordNothing() {
        String good = crossing("v-1", "V1", "entry", "2025-01-01T00:00:00Z", "90/180");
        List<String[]> bad = List.of(
                new String[] {
                    good.replace("\"issuingState\":\"USA\"", "\"issuingState\":\"USA\",\"nationality\":\"Freedonia\""),
                    "nationality 'Freedonia'"
                },
                new String[] {
                    good.replace("\"V1\"", "\"" + "V".repeat(5000) + "\""), "document_number has 5000 characters"
                },
                new String[] {
                    good.replace("2025-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z"),
                    "outside the dates Orderly accepts"
                },
                new String[] {
                    good.replace("2025-01-01T00:00:00Z", "-999999999-01-01T00:00:00Z"),
                    "outside the dates Orderly accepts"
                },
                new String[] {
                    good.replace("FRA-T1", "FRA\\u0000T1"), "crossing_point holds the control character U+0000"
                });
        for (String[] c : bad) {
            Response refused = post("/api/v1/crossings", c[0]);
            assertThat(refused.status()).as(refused.body()).isEqualTo(400);
            assertThat(refused.body()).contains(c[1]);
        }
        assertThat(get("/api/v1/crossings?traveller=USA:V1", OFFICER, OFFICER_PASSWORD)
                        .json()
                        .get("crossings")
                        .size())
                .isZero();
        Response nul = get("/border/stays?traveller=USA%00V1", OFFICER, OFFICER_PASSWORD);
        assertThat(nul.status()).as(nul.body()).isEqualTo(400);
        assertThat(get("/api/v1/crossings?traveller=USA%00V1", OFFICER, OFFICER_PASSWORD)
                        .status())
                .isEqualTo(400);
        Response farStay =
                post("/api/v1/stays/calculation", "{\"stays\":[\"+999999999-01-01..\"],\"on\":\"2025-02-01\"}");
        assertThat(farStay.status()).as(farStay.body()).isEqualTo(400);
    }

    @Test
    void badCrossingsAndStaysAre400WithTheReason() {
        Response sideways =
                post("/api/v1/crossings", crossing("bad-1", "B1", "sideways", "2025-01-01T00:00:00Z", "90/180"));
        assertThat(sideways.status()).isEqualTo(400);
        assertThat(sideways.body()).contains("direction 'sideways' is not entry or exit");
        Response batch = post(
                "/api/v1/crossings/batch",
                "[" + crossing("bad-2", "B2", "entry", "2025-01-01T00:00:00Z", "90/180") + ","
                        + crossing("bad-3", "B3", "entry", "2025-01-01T00:00:00Z", "ninety") + "]");
        assertThat(batch.status()).isEqualTo(400);
        assertThat(batch.body()).contains("$[1]").contains("stay rule 'ninety'");
        assertThat(get("/api/v1/crossings?traveller=USA:B2", OFFICER, OFFICER_PASSWORD)
                        .json()
                        .get("crossings")
                        .size())
                .as("a refused batch records nothing")
                .isZero();
        Response stay =
                post("/api/v1/stays/calculation", "{\"stays\":[\"2025-01-01..2025-13-01\"],\"on\":\"2025-02-01\"}");
        assertThat(stay.status()).isEqualTo(400);
        assertThat(stay.body()).contains("stays[0]").contains("2025-13-01");
    }

    /**
     * An entry without its stay rule (issue 27 item 2): the API gives it the rulebook's rule and refuses, naming the rule
     * field, where the rulebook sets no limit, as {@code crossings import} and the stream job do with the same record
     * ({@code CrossingsCommandTest}, {@code CrossingMessagesTest}).
     */
    @Test
    void anEntryWithoutARuleGetsTheRulebooksRuleOrIsRefusedNamingTheRuleField() {
        String document = "R" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Response british = post(
                "/api/v1/crossings",
                "{\"id\":\"" + document + "-in\",\"direction\":\"entry\",\"at\":\"2025-01-10T09:00:00Z\","
                        + "\"state\":\"DEU\",\"crossingPoint\":\"FRA-T1\",\"documentNumber\":\"" + document
                        + "\",\"issuingState\":\"GBR\"}");
        assertThat(british.status()).as(british.body()).isEqualTo(200);
        JsonNode view = get("/api/v1/crossings?traveller=GBR:" + document, OFFICER, OFFICER_PASSWORD)
                .json();
        assertThat(view.get("crossings").get(0).get("rule").asString()).isEqualTo("90/180");
        Response afghan = post(
                "/api/v1/crossings",
                "{\"id\":\"" + document + "-af\",\"direction\":\"entry\",\"at\":\"2025-01-10T09:00:00Z\","
                        + "\"state\":\"DEU\",\"crossingPoint\":\"FRA-T1\",\"documentNumber\":\"" + document
                        + "\",\"issuingState\":\"AFG\"}");
        assertThat(afghan.status()).as(afghan.body()).isEqualTo(400);
        assertThat(afghan.json().get("detail").asString())
                .isEqualTo("rule is missing, and the rulebook sets no stay limit for AFG nationals entering DEU on "
                        + "2025-01-10 (visa required): give the rule, e.g. the visa's terms as "
                        + "visa:FROM..UNTIL:ENTRIES:DAYS/180");
    }
}
