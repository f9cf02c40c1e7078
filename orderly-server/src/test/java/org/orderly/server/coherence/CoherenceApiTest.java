package org.orderly.server.coherence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.orderly.server.ServerTest;
import tools.jackson.databind.JsonNode;

/** The coherence API: the registry's conflicts, a draft's conflicts in the shape the issue gives, and bad drafts refused. */
class CoherenceApiTest extends ServerTest {

    /** A German visa waiver for Nigerians, as a bilateral agreement would write it: Annex I of Regulation (EU) 2018/1806 forbids it. */
    static String draft(String id, String grantor, String beneficiary) {
        return """
                {"instrument": {"id": "%s", "title": "Draft visa waiver", "kind": "BILATERAL_AGREEMENT",
                  "level": "BILATERAL", "binding": true, "adopted": "2026-01-10", "inForce": "2026-02-01",
                  "pillars": ["LEGAL_MOVEMENT"], "source": {"title": "draft", "reference": "CoherenceApiTest", "asOf": "2026-01-01"}},
                 "commitments": [{"kind": "VISA_WAIVER", "grantors": ["%s"], "beneficiaries": ["%s"],
                  "terms": {"stay_days": "90", "window_days": "180"}}],
                 "participations": [{"party": "%s", "status": "RATIFIED", "since": "2026-02-01"},
                                    {"party": "%s", "status": "RATIFIED", "since": "2026-02-01"}]}
                """.formatted(id, grantor, beneficiary, grantor, beneficiary);
    }

    private Response check(String body) {
        return post("/api/v1/coherence?date=2026-12-06", "application/json", body, null, null);
    }

    @Test
    void theRegistryIsCheckedOnADateAndAnswersInTheIssuesShape() {
        JsonNode whole = get("/api/v1/coherence?date=2026-12-06").json();
        assertThat(whole.properties()).extracting(java.util.Map.Entry::getKey).containsExactly("conflicts");
        assertThat(whole.get("conflicts").isArray()).isTrue();
        assertThat(get("/api/v1/coherence?severity=bad").status()).isEqualTo(400);
        assertThat(get("/api/v1/coherence?severity=bad").json().get("detail").asString())
                .contains("severity 'bad' is not one of conflict, risk");
    }

    @Test
    void aDraftIsCheckedByAnyoneAndItsConflictNamesBothSourcesThePartiesAndTheRule() {
        Response response = check(draft("DRAFT_DEU_NGA", "DEU", "NGA"));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode conflict = response.json().get("conflicts").get(0);
        assertThat(response.json().get("conflicts")).hasSize(1);
        assertThat(conflict.properties())
                .extracting(java.util.Map.Entry::getKey)
                .containsExactly("kind", "severity", "explanation", "instruments", "commitments", "parties", "sources");
        assertThat(conflict.get("kind").asString()).isEqualTo("VISA_WAIVER_AGAINST_COMMON_VISA_LIST");
        assertThat(conflict.get("severity").asString()).isEqualTo("CONFLICT");
        assertThat(conflict.get("instruments").toString())
                .contains("DRAFT_DEU_NGA")
                .contains("EU_VISA_REGULATION");
        assertThat(conflict.get("parties").toString()).isEqualTo("[\"DEU\",\"NGA\"]");
        assertThat(conflict.get("commitments").get(0).get("instrument").asString())
                .isEqualTo("DRAFT_DEU_NGA");
        assertThat(conflict.get("sources").toString()).contains("Annex I").contains("asOf");
        assertThat(check(draft("DRAFT_JPN_NGA", "JPN", "NGA")).json().get("conflicts"))
                .as("Japan is bound by no common list")
                .isEmpty();
        assertThat(get("/api/v1/instruments/DRAFT_DEU_NGA").status())
                .as("a check writes nothing")
                .isEqualTo(404);
    }

    @Test
    void badDraftsAreRefusedWithTheFieldAndWhyAndNothingIsWritten() {
        Response unparsable = check("{\"instrument\": {\"id\": \"X\",");
        assertThat(unparsable.status()).isEqualTo(400);
        assertThat(unparsable.json().get("detail").asString()).contains("line 1");

        Response anyone = check("""
                {"instrument": {"id": "DRAFT_DEU_ANY", "title": "Draft skilled-work route", "kind": "NATIONAL_LAW",
                  "level": "NATIONAL", "binding": true, "adopted": "2026-01-10", "inForce": "2026-02-01",
                  "pillars": ["LEGAL_MOVEMENT"], "source": {"title": "draft", "reference": "CoherenceApiTest", "asOf": "2026-01-01"}},
                 "commitments": [{"kind": "LEGAL_CHANNEL", "grantors": ["DEU"], "beneficiaries": ["ANY"],
                  "terms": {"sector": "health care", "annual_quota": "1000"}}],
                 "participations": [{"party": "DEU", "status": "RATIFIED", "since": "2026-02-01"}]}
                """);
        assertThat(anyone.status())
                .as("a route open to every nationality (ANY), as the reference data's Blue Card: %s", anyone.body())
                .isEqualTo(200);
        Response anyGrantor = check(draft("DRAFT_ANY_GRANTOR", "ANY", "NGA"));
        assertThat(anyGrantor.status()).isEqualTo(400);
        assertThat(anyGrantor.json().get("detail").asString())
                .contains("commitments[0]")
                .contains("ANY stands only for beneficiaries");

        Response unknown = check(draft("DRAFT_UNKNOWN", "DEU", "ZZZ"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("detail").asString())
                .isEqualTo("commitments[0].beneficiaries: ZZZ is not a party of the registry");

        Response order = check(draft("DRAFT_ORDER", "DEU", "NGA")
                .replace("\"adopted\": \"2026-01-10\"", "\"adopted\": \"2026-03-10\""));
        assertThat(order.status()).isEqualTo(400);
        assertThat(order.json().get("detail").asString())
                .contains("$.instrument")
                .contains("enters into force (2026-02-01) before it is adopted (2026-03-10)");

        Response term = check(draft("DRAFT_TERM", "DEU", "NGA")
                .replace("\"terms\":", "\"from\": \"2027-01-01\", \"until\": \"2026-01-01\", \"terms\":"));
        assertThat(term.status()).isEqualTo(400);
        assertThat(term.json().get("detail").asString())
                .contains("commitments[0]")
                .contains("ends (2026-01-01) before it starts (2027-01-01)");

        Response participation = check(
                draft("DRAFT_PARTY", "DEU", "NGA")
                        .replace(
                                "{\"party\": \"NGA\", \"status\": \"RATIFIED\", \"since\": \"2026-02-01\"}",
                                "{\"party\": \"NGA\", \"status\": \"RATIFIED\", \"since\": \"2026-02-01\", \"until\": \"2025-01-01\"}"));
        assertThat(participation.status()).isEqualTo(400);
        assertThat(participation.json().get("detail").asString())
                .contains("participations[1]")
                .contains("ends (2025-01-01) before it begins");
        for (String id : new String[] {"DRAFT_UNKNOWN", "DRAFT_ORDER", "DRAFT_TERM", "DRAFT_PARTY"}) {
            assertThat(get("/api/v1/instruments/" + id).status()).isEqualTo(404);
        }
    }

    @Test
    void thePublicPageListsConflictsWithFiltersAndRefusesABadFilterWithoutAnError500() {
        String page = get("/coherence?date=2026-12-06").body();
        assertThat(page).contains("Coherence").contains("The rules checked").contains("Regulation (EU) 2018/1806");
        Response bad = get("/coherence?date=2026-13-40");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("date &#39;2026-13-40&#39; is not a date");
    }
}
