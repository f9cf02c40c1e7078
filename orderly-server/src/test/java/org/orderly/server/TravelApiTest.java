package org.orderly.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class TravelApiTest extends ServerTest {

    @Test
    void freeMovementInsideTheEuropeanUnionNamesItsInstrument() {
        JsonNode answer = get("/api/v1/travel-requirements?passport=fra&destination=DEU").json();
        assertThat(answer.get("category").asString()).isEqualTo("FREE_MOVEMENT");
        assertThat(answer.get("instrumentId").asString()).isEqualTo("EU_FREE_MOVEMENT");
        assertThat(answer.get("sources").size()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void ownCountryNeedsNothing() {
        assertThat(get("/api/v1/travel-requirements?passport=JPN&destination=JPN").json().get("category").asString())
                .isEqualTo("OWN_COUNTRY");
    }

    @Test
    void badInputIsA400ThatSaysWhatIsWrong() {
        Response unknown = get("/api/v1/travel-requirements?passport=XXX&destination=DEU");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("detail").asString()).contains("passport 'XXX'");
        Response purpose = get("/api/v1/travel-requirements?passport=FRA&destination=DEU&purpose=holiday");
        assertThat(purpose.status()).isEqualTo(400);
        assertThat(purpose.json().get("detail").asString()).contains("purpose 'holiday'");
        assertThat(get("/api/v1/travel-requirements?passport=FRA").status()).isEqualTo(400);
        assertThat(get("/api/v1/travel-requirements?passport=FRA&destination=DEU&date=23.11.2026").status()).isEqualTo(400);
    }
}
