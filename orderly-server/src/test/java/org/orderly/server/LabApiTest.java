package org.orderly.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.orderly.testing.SharedData;
import tools.jackson.databind.JsonNode;

/** The policy lab's REST API over HTTP: public projections, scenarios and remittances, and bad input refused with where. */
class LabApiTest extends ServerTest {
    static final String DEAL = """
            {"instrument": {"id": "API-DRAFT", "inForce": "2026-01-01"},
             "commitments": [{"kind": "LABOUR_ACCESS", "grantors": ["DEU"], "beneficiaries": ["MAR"], "terms": {"sector": "care", "annual_quota": 3000}},
                             {"kind": "REMITTANCE_COST", "grantors": ["DEU"], "beneficiaries": ["MAR"], "terms": {"target_percent": 2}}]}
            """;

    @BeforeEach
    void needsTheMigrationData() {
        SharedData.folder("migration");
    }

    @Test
    void anyoneReadsAProjectionWithItsModelAndValidation() {
        Response response = get("/api/v1/lab/projection?year=2030&limit=10");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode report = response.json();
        assertThat(report.get("year").asInt()).isEqualTo(2030);
        assertThat(report.get("corridors")).hasSize(10);
        assertThat(report.get("corridors").get(0).get("origin").asString()).isEqualTo("MEX");
        assertThat(report.get("model").get("coefficients").findValuesAsString("term"))
                .contains("NETWORK", "FREE_MOVEMENT_OPENED");
        assertThat(report.get("validation").get("results")).hasSize(4);
        assertThat(report.has("scenario")).isTrue();
        assertThat(report.get("scenario").isNull()).isTrue();
    }

    @Test
    void anyonePostsADraftDealAndGetsTheChangeAgainstNoDeal() {
        Response response = post("/api/v1/lab/projection?year=2030&limit=5", "application/json", DEAL, null, null);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode scenario = response.json().get("scenario");
        assertThat(scenario.get("instrument").asString()).isEqualTo("API-DRAFT");
        assertThat(scenario.get("changes")).hasSize(1);
        assertThat(scenario.get("changes").get(0).get("change").asDouble()).isEqualTo(3000 * 5);
        JsonNode morocco = null;
        for (JsonNode s : scenario.get("states")) if (s.get("state").asString().equals("MAR")) morocco = s;
        assertThat(morocco).isNotNull();
        assertThat(morocco.get("feesOnReceivedChange").asDouble()).isNegative();
        assertThat(get("/api/v1/instruments/API-DRAFT").status())
                .as("a scenario records nothing")
                .isEqualTo(404);
    }

    @Test
    void remittancesArePublic() {
        Response response = get("/api/v1/lab/remittances?limit=3");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("corridors")).hasSize(3);
        assertThat(response.json().get("targetPercent").asDouble()).isEqualTo(3.0);
    }

    @Test
    void badInputIsA400ThatSaysWhatAndWhere() {
        Response early = get("/api/v1/lab/projection?year=2010");
        assertThat(early.status()).isEqualTo(400);
        assertThat(early.json().get("detail").asString())
                .contains("year 2010 is out of range")
                .contains("(2015)");
        assertThat(get("/api/v1/lab/projection?year=9999").status()).isEqualTo(400);
        assertThat(get("/api/v1/lab/projection?year=2030&limit=-1").status()).isEqualTo(400);
        assertThat(get("/api/v1/lab/projection?year=soon").status()).isEqualTo(400);
        Response refused = post(
                "/api/v1/lab/projection?year=2030",
                "application/json",
                "{\"instrument\": {\"id\": \"X\", \"inForce\": \"2026-01-01\"}, \"commitments\": [{\"kind\": \"LABOUR_ACCESS\", \"grantors\": [\"DEU\"],"
                        + " \"beneficiaries\": [\"MAR\"], \"terms\": {\"sector\": \"care\", \"annual_quota\": \"many\"}}]}",
                null,
                null);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("where").asString()).isEqualTo("$.commitments[0]");
        assertThat(refused.json().get("detail").asString())
                .startsWith("request body: $.commitments[0]: ")
                .contains("annual_quota");
        Response malformed =
                post("/api/v1/lab/projection?year=2030", "application/json", "{\"instrument\": ", null, null);
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("detail").asString()).contains("line 1, column");
        Response unknown = post(
                "/api/v1/lab/projection?year=2030",
                "application/json",
                DEAL.replace("\"MAR\"]", "\"XXA\"]"),
                null,
                null);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("detail").asString()).contains("XXA");
    }
}
