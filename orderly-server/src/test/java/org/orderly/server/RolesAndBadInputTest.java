package org.orderly.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Roles and parties (only negotiators see their party's private numbers; an officer checks at its own state's border,
 * given as a code), and bad input: every one a 4xx with a reason that names no Java class or server path.
 */
class RolesAndBadInputTest extends ServerTest {
    private static final String DEMO = "DEU-MAR-MOBILITY-PARTNERSHIP";
    private static final String ZONE =
            BorderZones.body(BorderZones.passport("FRA", "LAMBERT", "CLAIRE", "16AB12345", "920314", "F", "320101"));

    @Autowired
    DataSource dataSource;

    private static void assertPlain(Response response) {
        assertThat(response.body())
                .doesNotContain("java.")
                .doesNotContain("org.orderly")
                .doesNotContain("springframework")
                .doesNotContain("Exception")
                .doesNotContain("/tmp/")
                .doesNotContain("/home/");
    }

    @Test
    void onlyAPartysNegotiatorsReadItsValuationExplanationAndFrontier() {
        for (String path : List.of("/valuations/DEU", "/explanations/DEU", "/frontier")) {
            String url = "/api/v1/negotiations/" + DEMO + path;
            assertThat(get(url, "deu-clerk", "test-only-clerk").status())
                    .as("an account of DEU with no role: " + path)
                    .isEqualTo(403);
            assertThat(get(url, "border-officer", "test-only-border").status())
                    .as("DEU's border officer: " + path)
                    .isEqualTo(403);
            assertThat(get(url, "deu-negotiator", "test-only-deu").status())
                    .as("DEU's negotiator: " + path)
                    .isEqualTo(200);
        }
        Session clerk = signIn("deu-clerk", "test-only-clerk");
        Response room = send(clerk, "GET", "/negotiations/" + DEMO + "/room", null, null, false);
        assertThat(room.status()).isEqualTo(200);
        assertThat(room.body())
                .doesNotContain("Your valuation")
                .doesNotContain("data-frontier")
                .contains("negotiators see its valuation");
    }

    @Test
    void anOfficerChecksAtItsOwnStatesBorderOnlyAndTheBorderIsACode() {
        Response own = post("/api/v1/border-checks", "application/json", ZONE, "fra-officer", "test-only-fra");
        assertThat(own.status()).as(own.body()).isEqualTo(200);
        assertThat(own.json().get("border").asString()).isEqualTo("FRA");
        String elsewhere = ZONE.substring(0, ZONE.length() - 1) + ",\"border\":\"DEU\"}";
        Response other = post("/api/v1/border-checks", "application/json", elsewhere, "fra-officer", "test-only-fra");
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.json().get("title").asString()).isEqualTo("Not allowed");

        String marker = "FREE TEXT ERIKSSON ANNA P1234567";
        String freeText = ZONE.substring(0, ZONE.length() - 1) + ",\"border\":\"" + marker + "\"}";
        Response secretariat =
                post("/api/v1/border-checks", "application/json", freeText, "secretariat", "test-only-secretariat");
        assertThat(secretariat.status()).isEqualTo(400);
        assertThat(secretariat.json().get("detail").asString())
                .startsWith("border '")
                .contains("is not a state");
        Response named = post(
                "/api/v1/border-checks",
                "application/json",
                ZONE.substring(0, ZONE.length() - 1) + ",\"border\":\"jpn\"}",
                "secretariat",
                "test-only-secretariat");
        assertThat(named.json().get("border").asString()).isEqualTo("JPN");
        String audit = get("/api/v1/audit?limit=10000", "secretariat", "test-only-secretariat")
                .body();
        assertThat(audit).doesNotContain("FREE TEXT").doesNotContain("P1234567");
    }

    @Test
    void absurdDatesAreRefused() {
        for (String date : List.of("5000-01-01", "-0001-01-01", "+999999999-12-31", "1066-10-14")) {
            Response travel = get("/api/v1/travel-requirements?passport=FRA&destination=DEU&date="
                    + URLEncoder.encode(date, StandardCharsets.UTF_8));
            assertThat(travel.status()).as(date).isEqualTo(400);
            assertPlain(travel);
        }
        Response imported = post(
                "/api/v1/imports/visa-matrix?asOf=9999-12-31",
                "text/csv",
                "Passport,Destination,Requirement\nMAR,JPN,90\n",
                "secretariat",
                "test-only-secretariat");
        assertThat(imported.status()).isEqualTo(400);
        assertThat(imported.json().get("detail").asString())
                .isEqualTo("as-of date 9999-12-31 is outside the dates Orderly accepts (1800-01-01 to 2199-12-31)");
        Response participation =
                post("/api/v1/participations", "application/json", """
                {"partyId":"FRA","subjectId":"SCHENGEN","status":"RATIFIED","since":"5000-01-01","reservations":[],
                 "source":{"title":"t","reference":"","asOf":"2024-01-01"}}""", "secretariat", "test-only-secretariat");
        assertThat(participation.status()).isEqualTo(400);
        assertThat(participation.json().get("detail").asString()).contains("participation.since 5000-01-01 is outside");
        Response zone = post(
                "/api/v1/documents/mrz",
                "application/json",
                ZONE.substring(0, ZONE.length() - 1) + ",\"on\":\"+999999999-01-01\"}",
                "border-officer",
                "test-only-border");
        assertThat(zone.status()).isEqualTo(400);
    }

    @Test
    void badValuesAreNamedWithoutJavaTypes() {
        Response date = get("/api/v1/travel-requirements?passport=FRA&destination=DEU&date=23.11.2026");
        assertThat(date.status()).isEqualTo(400);
        assertThat(date.json().get("detail").asString()).contains("'date'").contains("23.11.2026");
        assertPlain(date);
        Response body = post(
                "/api/v1/documents/mrz",
                "application/json",
                "{\"lines\": [\"P<UTO\"], \"on\": \"tomorrow\"}",
                "border-officer",
                "test-only-border");
        assertThat(body.status()).isEqualTo(400);
        assertThat(body.json().get("detail").asString()).contains("$.on").contains("line 1");
        assertPlain(body);
        Response notJson = post("/api/v1/names/compare", "application/json", "{\"name1\": ", null, null);
        assertThat(notJson.status()).isEqualTo(400);
        assertPlain(notJson);
    }

    @Test
    void aNulCharacterIsABadRequestNotAServerFailure() {
        Response instrument =
                post("/api/v1/instruments", "application/json", """
                {"instrument": {"id": "TEST_NUL", "title": "Nul\\u0000title", "kind": "MEMORANDUM", "level": "BILATERAL",
                 "binding": false, "adopted": "2024-01-01", "inForce": "2024-01-01", "pillars": ["LEGAL_MOVEMENT"],
                 "source": {"title": "test", "reference": "", "asOf": "2024-01-01"}}}""", "secretariat", "test-only-secretariat");
        assertThat(instrument.status()).as(instrument.body()).isEqualTo(400);
        assertThat(instrument.json().get("detail").asString()).contains("NUL");
        assertThat(get("/api/v1/instruments/TEST_NUL").status()).isEqualTo(404);
        assertThat(get("/api/v1/travel-requirements?passport=F%00A&destination=DEU")
                        .status())
                .isEqualTo(400);
        Response zone = post(
                "/api/v1/documents/mrz",
                "application/json",
                "{\"text\": \"P<UTO\\u0000\"}",
                "border-officer",
                "test-only-border");
        assertThat(zone.status()).isBetween(400, 499);
        Response csv = post(
                "/api/v1/imports/treaty-status?instrument=ICMW&asOf=2024-01-01",
                "text/csv",
                "iso2,state party,year ratification or accession,signatory\nFR,0,\u0000,0\n",
                "secretariat",
                "test-only-secretariat");
        assertThat(csv.status()).isEqualTo(400);
        assertThat(csv.json().get("detail").asString()).contains("line 2").contains("NUL");
    }

    @Test
    void inputsThatOnceFailedOnTheServerAreBadRequestsWithAReason() {
        Response unterminated = post(
                "/api/v1/imports/treaty-status?instrument=ICMW&asOf=2024-01-01&fileName=cut.csv",
                "text/csv",
                "\"unterminated\n",
                "secretariat",
                "test-only-secretariat");
        assertThat(unterminated.status()).as(unterminated.body()).isEqualTo(400);
        assertThat(unterminated.json().get("detail").asString())
                .startsWith("cut.csv line 1")
                .contains("nothing was imported");
        assertPlain(unterminated);
        Response unknownParty =
                post("/api/v1/participations", "application/json", """
                {"partyId":"ZZZ","subjectId":"SCHENGEN","status":"RATIFIED","reservations":[],
                 "source":{"title":"t","reference":"","asOf":"2024-01-01"}}""", "secretariat", "test-only-secretariat");
        assertThat(unknownParty.status()).as(unknownParty.body()).isEqualTo(400);
        assertThat(unknownParty.json().get("detail").asString()).contains("ZZZ");
        Response nullCommitment =
                post("/api/v1/instruments", "application/json", """
                {"instrument": {"id": "TEST_NULL_ITEM", "title": "t", "kind": "MEMORANDUM", "level": "BILATERAL",
                 "binding": false, "pillars": [], "source": {"title": "test", "reference": "", "asOf": "2024-01-01"}},
                 "commitments": [null]}""", "secretariat", "test-only-secretariat");
        assertThat(nullCommitment.status()).as(nullCommitment.body()).isEqualTo(400);
        assertThat(nullCommitment.json().get("detail").asString()).endsWith(": commitments[0] is null");
    }

    @Test
    void importsAcceptOnlyCsvRecordTheirActorAndNameNoServerPath() {
        String csv = "iso2,state party,year ratification or accession,signatory\nFR,0,,1\n";
        assertThat(post("/api/v1/instruments", "application/json", """
                {"instrument": {"id": "TEST_ACTOR", "title": "Actor test", "kind": "MEMORANDUM", "level": "GLOBAL",
                 "binding": false, "adopted": "2024-01-01", "inForce": "2024-01-01", "pillars": ["LEGAL_MOVEMENT"],
                 "source": {"title": "test", "reference": "", "asOf": "2024-01-01"}}}""", "secretariat", "test-only-secretariat")
                        .status())
                .isEqualTo(201);
        assertThat(post(
                                "/api/v1/imports/treaty-status?instrument=TEST_ACTOR&asOf=2024-01-01",
                                "text/plain",
                                csv,
                                "secretariat",
                                "test-only-secretariat")
                        .status())
                .as("text/plain is what a cross-site form sends")
                .isEqualTo(415);
        assertThat(post(
                                "/api/v1/imports/treaty-status?instrument=TEST_ACTOR&asOf=2024-01-01&fileName=..",
                                "text/csv",
                                csv,
                                "secretariat",
                                "test-only-secretariat")
                        .status())
                .isEqualTo(400);
        Response imported = post(
                "/api/v1/imports/treaty-status?instrument=TEST_ACTOR&asOf=2024-01-01&fileName=actor.csv",
                "text/csv",
                csv,
                "secretariat",
                "test-only-secretariat");
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(imported.json().get("file").asString()).isEqualTo("actor.csv");
        assertPlain(imported);
        JdbcClient jdbc = JdbcClient.create(dataSource);
        assertThat(jdbc.sql("select actor from import_run where subject = 'TEST_ACTOR'")
                        .query(String.class)
                        .single())
                .isEqualTo("secretariat");
        assertThat(jdbc.sql("select written_by from participation where subject_id = 'TEST_ACTOR'")
                        .query(String.class)
                        .list())
                .containsOnly("secretariat");
        assertThat(jdbc.sql("select written_by from instrument where id = 'TEST_ACTOR'")
                        .query(String.class)
                        .single())
                .isEqualTo("secretariat");
    }

    @Test
    void bodiesOverTheLimitAreRefusedWhetherTheirLengthIsDeclaredOrNot() {
        String big = "{\"name1\":\"" + "A".repeat(2 * 1024 * 1024) + "\",\"name2\":\"B\"}";
        Response declared = post("/api/v1/names/compare", "application/json", big, null, null);
        assertThat(declared.status()).as(declared.body()).isEqualTo(413);
        assertThat(declared.body()).doesNotContain("AAAAAAAAAA");
        Response chunked = send(HttpRequest.newBuilder(URI.create(url("/api/v1/names/compare")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8))))
                .build());
        assertThat(chunked.status()).as(chunked.body()).isEqualTo(413);
        assertThat(chunked.body()).doesNotContain("AAAAAAAAAA");
    }

    @Test
    void errorsAreOrderlysOwnPagesAndProblemDocuments() {
        Response page = get("/no-such-page");
        assertThat(page.status()).isEqualTo(404);
        assertThat(page.body()).contains("Orderly").contains("Not found").doesNotContain("Whitelabel");
        Response api = get("/api/v1/no-such-thing");
        assertThat(api.status()).isEqualTo(404);
        assertThat(api.json().get("title").asString()).isEqualTo("Not found");
        Response badDate = get("/instruments/SCHENGEN?date=garbage");
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.body()).contains("Orderly").doesNotContain("Whitelabel");
        assertPlain(badDate);
        assertThat(get("/swagger-ui.html").status())
                .as("switched on in the test profile")
                .isLessThan(400);
    }
}
