package org.orderly.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class RegistryApiTest extends ServerTest {

    @Test
    void listsTheStatesOfTheReferenceDataPublicly() {
        Response response = get("/api/v1/parties?kind=STATE");
        assertThat(response.status()).isEqualTo(200);
        JsonNode states = response.json();
        assertThat(states.size()).isGreaterThanOrEqualTo(195);
        JsonNode germany = null;
        for (JsonNode s : states) if (s.get("id").asString().equals("DEU")) germany = s;
        assertThat(germany).isNotNull();
        assertThat(germany.get("alpha2").asString()).isEqualTo("DE");
        assertThat(germany.get("source").get("asOf").asString()).matches("\\d{4}-\\d{2}-\\d{2}");
    }

    @Test
    void showsAnInstrumentWithItsCommitmentsAndParticipations() {
        Response response = get("/api/v1/instruments/EU_FREE_MOVEMENT");
        assertThat(response.status()).isEqualTo(200);
        JsonNode detail = response.json();
        assertThat(detail.get("commitments").get(0).get("kind").asString()).isEqualTo("FREE_MOVEMENT");
        assertThat(detail.get("participations").size()).isGreaterThanOrEqualTo(27);
    }

    @Test
    void answersWhatIsInForceBetweenTwoStatesOnADate() {
        JsonNode between = get("/api/v1/commitments?grantor=DEU&beneficiary=FRA&date=2020-01-01")
                .json();
        assertThat(between.toString()).contains("FREE_MOVEMENT");
        JsonNode before = get("/api/v1/commitments?grantor=DEU&beneficiary=HRV&date=2010-01-01")
                .json();
        assertThat(before.toString()).as("Croatia joined the EU in 2013").doesNotContain("FREE_MOVEMENT");
    }

    @Test
    void unknownIdsAreNotFoundWithAClearMessage() {
        Response response = get("/api/v1/instruments/NO_SUCH_TREATY");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("detail").asString()).contains("NO_SUCH_TREATY");
    }

    @Test
    void writesNeedTheSecretariatRole() {
        String body = instrumentRequest("TEST_WAIVER_ANON");
        assertThat(post("/api/v1/instruments", "application/json", body, null, null)
                        .status())
                .isEqualTo(401);
        assertThat(post("/api/v1/instruments", "application/json", body, "deu-negotiator", "test-only-deu")
                        .status())
                .isEqualTo(403);
        assertThat(post("/api/v1/instruments", "application/json", body, "secretariat", "wrong")
                        .status())
                .isEqualTo(401);
        assertThat(get("/api/v1/instruments/TEST_WAIVER_ANON").status()).isEqualTo(404);
    }

    @Test
    void aRecordedVisaWaiverChangesTheTravelAnswer() {
        String on = LocalDate.now().toString();
        JsonNode before = get("/api/v1/travel-requirements?passport=MAR&destination=JPN&date=" + on)
                .json();
        assertThat(before.get("basis").asString()).isNotEqualTo("COMMITMENT");

        Response created = post(
                "/api/v1/instruments",
                "application/json",
                instrumentRequest("TEST_WAIVER_JPN_MAR"),
                "secretariat",
                "test-only-secretariat");
        assertThat(created.status()).as(created.body()).isEqualTo(201);

        JsonNode after = get("/api/v1/travel-requirements?passport=MAR&destination=JPN&date=" + on)
                .json();
        assertThat(after.get("category").asString()).isEqualTo("VISA_FREE");
        assertThat(after.get("stayDays").asInt()).isEqualTo(30);
        assertThat(after.get("instrumentId").asString()).isEqualTo("TEST_WAIVER_JPN_MAR");
        assertThat(get("/api/v1/travel-requirements?passport=JPN&destination=MAR&date=" + on)
                        .json()
                        .get("instrumentId")
                        .isNull())
                .as("the waiver is one-way")
                .isTrue();
    }

    @Test
    void refusesAnInconsistentInstrumentAndChangesNothing() {
        String body = instrumentRequest("TEST_BROKEN").replace("\"stay_days\": \"30\"", "\"stay_days\": \"300\"");
        Response response =
                post("/api/v1/instruments", "application/json", body, "secretariat", "test-only-secretariat");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("detail").asString())
                .contains("commitments[0]")
                .contains("exceeds its window");
        assertThat(get("/api/v1/instruments/TEST_BROKEN").status()).isEqualTo(404);
    }

    private static String instrumentRequest(String id) {
        return """
                {"instrument": {"id": "%s", "title": "Test visa waiver for Moroccan nationals", "kind": "BILATERAL_AGREEMENT",
                  "level": "BILATERAL", "binding": true, "adopted": "2020-01-01", "inForce": "2020-02-01",
                  "pillars": ["LEGAL_MOVEMENT"], "source": {"title": "test fixture", "reference": "RegistryApiTest", "asOf": "2026-01-01"}},
                 "commitments": [{"kind": "VISA_WAIVER", "grantors": ["JPN"], "beneficiaries": ["MAR"],
                  "terms": {"stay_days": "30", "window_days": "180"}}],
                 "participations": [{"party": "JPN", "status": "RATIFIED", "since": "2020-02-01"},
                                    {"party": "MAR", "status": "RATIFIED", "since": "2020-02-01"}]}
                """.formatted(id);
    }
}
