package org.orderly.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Readmission cases over HTTP: outside any agreement when no commitment is in force, answered only by the requested state. */
class ReadmissionApiTest extends ServerTest {
    private static final String JSON_TYPE = "application/json";

    @Test
    void aRequestWithoutACommitmentIsMarkedOutsideAnyAgreementAndOnlyTheRequestedStateAnswers() {
        String id = "RA-" + UUID.randomUUID();
        String body = "{\"id\":\"" + id
                + "\",\"requested\":\"FRA\",\"personReference\":\"DEU-2026-0042\",\"nationality\":\"FRA\",\"on\":\"2026-03-01\"}";
        assertThat(post("/api/v1/readmission-cases", JSON_TYPE, body, null, null)
                        .status())
                .isEqualTo(401);
        assertThat(post("/api/v1/readmission-cases", JSON_TYPE, body, "deu-negotiator", "test-only-deu")
                        .status())
                .isEqualTo(403);
        Response opened = post("/api/v1/readmission-cases", JSON_TYPE, body, "border-officer", "test-only-border");
        assertThat(opened.status()).as(opened.body()).isEqualTo(200);
        JsonNode view = opened.json();
        assertThat(view.get("request").get("requesting").asString()).isEqualTo("DEU");
        assertThat(view.get("outsideAnyAgreement").asBoolean()).isTrue();
        assertThat(view.get("breached").asBoolean()).isFalse();
        assertThat(post("/api/v1/readmission-cases", JSON_TYPE, body, "border-officer", "test-only-border")
                        .status())
                .isEqualTo(400);

        Response byRequester = post(
                "/api/v1/readmission-cases/" + id + "/answers",
                JSON_TYPE,
                "{\"kind\":\"accept\",\"on\":\"2026-03-05\"}",
                "border-officer",
                "test-only-border");
        assertThat(byRequester.status()).isEqualTo(403);
        assertThat(byRequester.body()).contains("only FRA (the requested state) answers");
        assertThat(post(
                                "/api/v1/readmission-cases/" + id + "/answers",
                                JSON_TYPE,
                                "{\"kind\":\"accept\",\"on\":\"2026-03-05\"}",
                                "secretariat",
                                "test-only-secretariat")
                        .status())
                .as("the secretariat acts for no state")
                .isEqualTo(403);
        assertThat(post(
                                "/api/v1/readmission-cases/" + id + "/answers",
                                JSON_TYPE,
                                "{\"kind\":\"accept\",\"on\":\"2026-03-05\"}",
                                "usa-officer",
                                "test-only-usa")
                        .status())
                .as("a third state does not see the case")
                .isEqualTo(404);
        Response noReason = post(
                "/api/v1/readmission-cases/" + id + "/answers",
                JSON_TYPE,
                "{\"kind\":\"refuse\",\"on\":\"2026-03-05\"}",
                "fra-officer",
                "test-only-fra");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body()).contains("a refusal needs its reason");
        Response accepted = post(
                "/api/v1/readmission-cases/" + id + "/answers",
                JSON_TYPE,
                "{\"kind\":\"accept\",\"on\":\"2026-03-05\"}",
                "fra-officer",
                "test-only-fra");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(accepted.json().get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(get("/api/v1/readmission-cases", "border-officer", "test-only-border")
                        .body())
                .contains(id);
        Response page = get("/border/readmission", "border-officer", "test-only-border");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("DEU-2026-0042")
                .contains("outside any agreement")
                .contains("accepted");
        assertThat(get("/api/v1/readmission-cases", "usa-officer", "test-only-usa")
                        .body())
                .doesNotContain(id);
    }

    @Test
    void statesAreCheckedAgainstTheRegistryAndNoClientTextReachesTheAuditLog() {
        String name = "Jane Q. Doe\nforged audit line";
        Response person = post(
                "/api/v1/readmission-cases",
                JSON_TYPE,
                "{\"requested\":\"a person's name\",\"personReference\":\"R-1\"}",
                "border-officer",
                "test-only-border");
        assertThat(person.status()).as(person.body()).isEqualTo(400);
        assertThat(person.body()).contains("requested 'a person's name' is not a state in the registry");
        Response control = post(
                "/api/v1/readmission-cases",
                JSON_TYPE,
                "{\"requested\":\"FRA\",\"personReference\":\"" + name.replace("\n", "\\n") + "\"}",
                "border-officer",
                "test-only-border");
        assertThat(control.status()).as(control.body()).isEqualTo(400);
        assertThat(control.body()).contains("personReference holds the control character U+000A");
        Response longReference = post(
                "/api/v1/readmission-cases",
                JSON_TYPE,
                "{\"requested\":\"FRA\",\"personReference\":\"" + "R".repeat(5000) + "\"}",
                "border-officer",
                "test-only-border");
        assertThat(longReference.status()).isEqualTo(400);
        String audit = get("/api/v1/audit?limit=10000", "secretariat", "test-only-secretariat")
                .body();
        assertThat(audit).doesNotContain("a person's name").doesNotContain("forged audit line");
    }
}
