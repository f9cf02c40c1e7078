package org.orderly.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class TravelApiTest extends ServerTest {

    @Test
    void freeMovementInsideTheEuropeanUnionNamesItsInstrument() {
        JsonNode answer =
                get("/api/v1/travel-requirements?passport=fra&destination=DEU").json();
        assertThat(answer.get("category").asString()).isEqualTo("FREE_MOVEMENT");
        assertThat(answer.get("instrumentId").asString()).isEqualTo("EU_FREE_MOVEMENT");
        assertThat(answer.get("sources").size()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void namesAliasesAndTwoLetterCodesAreAcceptedAsWellAsAlphaThree() {
        for (String uk : new String[] {"UK", "Britain", "GBR", "GB", "united%20kingdom"}) {
            JsonNode answer = get("/api/v1/travel-requirements?passport=" + uk + "&destination=DEU")
                    .json();
            assertThat(answer.get("passport").asString()).as(uk).isEqualTo("GBR");
        }
        assertThat(get("/api/v1/travel-requirements?passport=C%C3%B4te%20d%27Ivoire&destination=FRA")
                        .json()
                        .get("passport")
                        .asString())
                .isEqualTo("CIV");
        assertThat(get("/api/v1/travel-requirements?passport=Ivory%20Coast&destination=FRA")
                        .json()
                        .get("passport")
                        .asString())
                .isEqualTo("CIV");
    }

    @Test
    void aSchengenAnswerNamesTheVisaCodeTheConsulateOfMainDestinationAndItsSource() {
        JsonNode answer =
                get("/api/v1/travel-requirements?passport=NGA&destination=DEU&purpose=tourism&date=2026-11-23")
                        .json();
        assertThat(answer.get("category").asString()).isEqualTo("VISA_REQUIRED");
        // Issue 25 item 2: the law decides (Annex I of the EU visa list), not the visa matrix, and a law in force is no
        // old data.
        assertThat(answer.get("basis").asString()).isEqualTo("COMMITMENT");
        assertThat(answer.get("instrumentId").asString()).isEqualTo("EU_VISA_REGULATION");
        assertThat(answer.get("basisStatement").asString())
                .startsWith("Decided by law: Regulation (EU) 2018/1806, art. 3(1) and Annex I");
        assertThat(answer.get("stale").asBoolean()).isFalse();
        assertThat(answer.get("warning").isNull()).isTrue();
        JsonNode authority = answer.get("authority");
        assertThat(authority.get("decision").asString())
                .contains("Schengen short-stay visa")
                .contains("Visa Code");
        assertThat(authority.get("applyAt").asString()).contains("consulate of the Schengen state of main destination");
        assertThat(authority.get("source").get("reference").asString())
                .isEqualTo("https://eur-lex.europa.eu/eli/reg/2009/810/oj");
        assertThat(answer.get("permalink").asString())
                .isEqualTo("/travel?passport=NGA&destination=DEU&date=2026-11-23&purpose=tourism");
        JsonNode work = get("/api/v1/travel-requirements?passport=NGA&destination=DEU&purpose=work")
                .json();
        assertThat(work.get("authority").get("decision").asString()).contains("national long-stay visa");
    }

    @Test
    void anAnswerOnTheVisaMatrixAloneSaysSoWithItsAgeAndWarnsWhenOld() {
        JsonNode answer =
                get("/api/v1/travel-requirements?passport=NGA&destination=JPN").json();
        if (!"UNILATERAL_POLICY".equals(answer.get("basis").asString()))
            return; // the visa matrix is not beside the project
        assertThat(answer.get("basisStatement").asString())
                .contains("rests only on Japan's national entry policy")
                .contains("visa matrix");
        assertThat(answer.get("dataAsOf").asString()).isEqualTo("2025-01-12");
        boolean old = java.time.LocalDate.parse("2025-01-12")
                .plusYears(1)
                .isBefore(java.time.LocalDate.now(java.time.ZoneOffset.UTC));
        assertThat(answer.get("stale").asBoolean()).isEqualTo(old);
        if (old) assertThat(answer.get("warning").asString()).contains("more than a year");
    }

    @Test
    void ownCountryNeedsNothing() {
        assertThat(get("/api/v1/travel-requirements?passport=JPN&destination=JPN")
                        .json()
                        .get("category")
                        .asString())
                .isEqualTo("OWN_COUNTRY");
    }

    @Test
    void badInputIsA400ThatSaysWhatIsWrong() {
        Response unknown = get("/api/v1/travel-requirements?passport=XXX&destination=DEU");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("detail").asString()).contains("passport 'XXX'");
        Response misspelled = get("/api/v1/travel-requirements?passport=Nigera&destination=DEU");
        assertThat(misspelled.status()).isEqualTo(400);
        assertThat(misspelled.json().get("detail").asString())
                .contains("did you mean")
                .contains("Nigeria (NGA)");
        Response purpose = get("/api/v1/travel-requirements?passport=FRA&destination=DEU&purpose=holiday");
        assertThat(purpose.status()).isEqualTo(400);
        assertThat(purpose.json().get("detail").asString()).contains("purpose 'holiday'");
        assertThat(get("/api/v1/travel-requirements?passport=FRA").status()).isEqualTo(400);
        assertThat(get("/api/v1/travel-requirements?passport=FRA&destination=DEU&date=23.11.2026")
                        .status())
                .isEqualTo(400);
    }
}
