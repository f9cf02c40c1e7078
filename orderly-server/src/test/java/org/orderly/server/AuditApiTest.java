package org.orderly.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Every screening is appended to the hash-chained audit log, which only the secretariat reads and verifies. */
class AuditApiTest extends ServerTest {

    @Test
    void aScreeningIsLoggedWithItsPrincipalButWithoutTheScreenedData() {
        Response screening = post(
                "/api/v1/screening",
                "application/json",
                "{\"name\": \"Viktor Orlov\", \"birthDate\": \"1971-04-02\", \"nationality\": \"RUS\"}",
                "border-officer",
                "test-only-border");
        assertThat(screening.status()).as(screening.body()).isEqualTo(200);

        Response log = get("/api/v1/audit?limit=1", "secretariat", "test-only-secretariat");
        assertThat(log.status()).isEqualTo(200);
        JsonNode entry = log.json().get(0);
        assertThat(entry.get("action").asString()).isEqualTo("SCREENING");
        assertThat(entry.get("actor").asString()).isEqualTo("border-officer");
        assertThat(entry.get("party").asString()).isEqualTo("DEU");
        assertThat(entry.get("detail").asString()).contains("hits 1").contains("#WP-2");
        assertThat(log.body())
                .as("the audit log keeps no screened personal data")
                .doesNotContain("Orlov")
                .doesNotContain("1971-04-02");

        JsonNode verification = get("/api/v1/audit/verification", "secretariat", "test-only-secretariat")
                .json();
        assertThat(verification.get("intact").asBoolean()).isTrue();
        assertThat(verification.get("entries").asLong()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void onlyTheSecretariatReadsTheAuditLog() {
        assertThat(get("/api/v1/audit").status()).isEqualTo(401);
        assertThat(get("/api/v1/audit/verification").status()).isEqualTo(401);
        assertThat(get("/api/v1/audit", "border-officer", "test-only-border").status())
                .isEqualTo(403);
        assertThat(get("/api/v1/audit/verification", "deu-negotiator", "test-only-deu")
                        .status())
                .isEqualTo(403);
    }
}
