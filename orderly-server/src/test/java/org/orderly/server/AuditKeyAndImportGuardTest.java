package org.orderly.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.orderly.exchange.audit.AuditEntry;
import org.orderly.exchange.audit.AuditKey;
import tools.jackson.databind.JsonNode;

/** The audit key is published, entries carry its signature, checkpoints are the secretariat's; damaged imports are refused. */
class AuditKeyAndImportGuardTest extends ServerTest {

    @Test
    void thePublicKeyIsPublicAndVerifiesTheSignatureOfTheLatestEntry() {
        Response screening = post(
                "/api/v1/screening",
                "application/json",
                "{\"name\": \"Viktor Orlov\", \"birthDate\": \"1971-04-02\", \"nationality\": \"RUS\"}",
                "border-officer",
                "test-only-border");
        assertThat(screening.status()).as(screening.body()).isEqualTo(200);

        Response published = get("/api/v1/audit-public-key");
        assertThat(published.status()).isEqualTo(200);
        AuditKey key = AuditKey.parse(published.body());

        JsonNode latest = get("/api/v1/audit?limit=1", "secretariat", "test-only-secretariat")
                .json()
                .get(0);
        AuditEntry entry = JSON.treeToValue(latest, AuditEntry.class);
        assertThat(entry.signature()).isNotEmpty();
        assertThat(key.signed(entry))
                .as("the published key verifies the entry's signature")
                .isTrue();

        JsonNode verification = get("/api/v1/audit/verification", "secretariat", "test-only-secretariat")
                .json();
        assertThat(verification.get("intact").asBoolean())
                .as(verification.toString())
                .isTrue();
        assertThat(verification.get("keyFingerprint").asString()).isEqualTo(key.fingerprint());
    }

    @Test
    void checkpointsAreTheSecretariats() {
        assertThat(get("/api/v1/audit/checkpoints").status()).isEqualTo(401);
        assertThat(get("/api/v1/audit/checkpoints", "border-officer", "test-only-border")
                        .status())
                .isEqualTo(403);
        Response checkpoints = get("/api/v1/audit/checkpoints", "secretariat", "test-only-secretariat");
        assertThat(checkpoints.status()).isEqualTo(200);
        assertThat(checkpoints.json().isArray()).isTrue();
    }

    @Test
    void anImportThatWouldReplaceMostOfTheDataIsRefusedWithTheNumbersUnlessReplaceIsGiven() {
        assertThat(post("/api/v1/instruments", "application/json", """
                {"instrument": {"id": "TEST_GUARD", "title": "Import guard test", "kind": "MEMORANDUM", "level": "GLOBAL",
                 "binding": false, "adopted": "2020-01-01", "inForce": "2020-01-01", "pillars": ["LEGAL_MOVEMENT"],
                 "source": {"title": "test", "reference": "", "asOf": "2024-01-01"}}}""", "secretariat", "test-only-secretariat")
                        .status())
                .isEqualTo(201);
        String header = "iso2,state party,year ratification or accession,signatory\n";
        String full =
                header + "FR,1,2021,0\nDE,1,2021,0\nJP,1,2022,0\nIT,0,,1\nES,0,,1\nPT,1,2021,0\nNL,1,2023,0\nBE,0,,1\n";
        String path = "/api/v1/imports/treaty-status?instrument=TEST_GUARD&asOf=2024-01-01&fileName=guard.csv";
        assertThat(post(path, "text/csv", full, "secretariat", "test-only-secretariat")
                        .status())
                .isEqualTo(200);

        Response refused = post(path, "text/csv", header + "FR,1,2021,0\n", "secretariat", "test-only-secretariat");
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().get("detail").asString())
                .contains("replace 8 participations in TEST_GUARD covering 8 states with 1 covering 1")
                .contains("remove 7 of them (88%)")
                .contains("replace=true");
        assertThat(get("/api/v1/instruments/TEST_GUARD").body())
                .as("nothing changed")
                .contains("NLD");

        Response forced = post(
                path + "&replace=true", "text/csv", header + "FR,1,2021,0\n", "secretariat", "test-only-secretariat");
        assertThat(forced.status()).as(forced.body()).isEqualTo(200);
        assertThat(forced.json().get("rowsWritten").asInt()).isEqualTo(1);
    }
}
