package org.orderly.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import tools.jackson.databind.JsonNode;

/**
 * The server's one clock (issue 27 item 5): with the {@code Clock} bean replaced by a fixed one, what the server records
 * (a crossing's time, the audit log's entries) and what it answers for "today" (a travel question without a date, a
 * traveller's control without one) carry the fixed time, not the system's.
 */
@Import(FixedClockTest.Fixed.class)
class FixedClockTest extends ServerTest {
    private static final Instant NOW = Instant.parse("2023-05-17T09:30:00Z");

    @TestConfiguration(proxyBeanMethods = false)
    static class Fixed {
        @Bean
        @Primary
        Clock fixedClock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }

    @Test
    void whatTheServerRecordsAndAnswersForTodayCarriesItsOneClock() {
        JsonNode answer =
                get("/api/v1/travel-requirements?passport=USA&destination=DEU").json();
        assertThat(answer.get("date").asString()).isEqualTo("2023-05-17");

        String document = "K" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Response entry = post(
                "/api/v1/crossings",
                "application/json",
                "{\"direction\":\"entry\",\"state\":\"DEU\",\"crossingPoint\":\"FRA-T1\",\"documentNumber\":\""
                        + document + "\",\"issuingState\":\"USA\",\"rule\":\"90/180\"}",
                "border-officer",
                "test-only-border");
        assertThat(entry.status()).as(entry.body()).isEqualTo(200);
        JsonNode view = get("/api/v1/crossings?traveller=USA:" + document, "border-officer", "test-only-border")
                .json();
        assertThat(view.get("crossings").get(0).get("at").asString()).isEqualTo("2023-05-17T09:30:00Z");
        assertThat(view.get("control").get("on").asString()).isEqualTo("2023-05-17");
        assertThat(view.get("control").get("daysUsed").asInt()).isEqualTo(1);

        JsonNode latest = get("/api/v1/audit?limit=1", "secretariat", "test-only-secretariat")
                .json();
        assertThat(latest.get(0).get("at").asString()).isEqualTo("2023-05-17T09:30:00Z");
    }
}
