package org.orderly.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The channels API: a channel defined in its minimal form, found by the finder, its places allocated by the destination's
 * immigration authority until the quota is exhausted (409 with the reason), never more under concurrent requests; the
 * finder's JSON shape and its refusals. Shares the access matrix's accounts (and so its application context).
 */
@TestPropertySource(locations = "classpath:access-matrix-users.properties")
class ChannelsApiTest extends ServerTest {
    private static final String SECRETARIAT = "secretariat", SECRETARIAT_PASSWORD = "test-only-secretariat";
    private static final String IMMIGRATION = "deu-immigration", IMMIGRATION_PASSWORD = "test-only-deu-immigration";

    private Response define(String id, int quota) {
        return post(
                "/api/v1/channels",
                "application/json",
                "{\"id\": \"" + id + "\", \"title\": \"Care workers for Germany (test " + id
                        + ")\", \"destination\": \"DEU\", \"purpose\": \"WORK\", \"annualQuota\": " + quota
                        + ", \"procedure\": \"FIRST_COME\"}",
                SECRETARIAT,
                SECRETARIAT_PASSWORD);
    }

    private Response allocate(String channel, String applicant) {
        return post(
                "/api/v1/channels/" + channel + "/allocations",
                "application/json",
                "{\"applicant\": \"" + applicant + "\", \"year\": 2027}",
                IMMIGRATION,
                IMMIGRATION_PASSWORD);
    }

    @Test
    void aMinimalChannelIsDefinedWithTheSecretariatAsItsSourceAndTheFinderShowsIt() {
        Response defined = define("TEST_CARE_MINIMAL", 3);
        assertThat(defined.status()).as(defined.body()).isEqualTo(201);
        assertThat(defined.json().get("source").get("title").asString()).isEqualTo("Recorded by the secretariat");
        assertThat(defined.json().get("eligible").toString()).isEqualTo("[\"ANY\"]");
        assertThat(get("/api/v1/channels").body()).contains("TEST_CARE_MINIMAL");
        JsonNode found =
                get("/api/v1/channels/finder?passport=NGA&destination=DEU").json();
        JsonNode channel = null;
        for (JsonNode c : found.get("channels")) if (c.get("id").asString().equals("TEST_CARE_MINIMAL")) channel = c;
        assertThat(channel).as(found.toString()).isNotNull();
        assertThat(channel.get("quota").get("places").asInt()).isEqualTo(3);
        // Sending it again replaces it: one channel with that id.
        assertThat(define("TEST_CARE_MINIMAL", 4).status()).isEqualTo(201);
        assertThat(get("/api/v1/channels")
                        .json()
                        .valueStream()
                        .filter(c -> c.get("id").asString().equals("TEST_CARE_MINIMAL"))
                        .count())
                .isEqualTo(1);
    }

    @Test
    void placesAreGrantedUntilTheQuotaIsExhaustedThenRefusedWithTheReason() {
        assertThat(define("TEST_CARE_ALLOCATE", 2).status()).isEqualTo(201);
        assertThat(allocate("TEST_CARE_ALLOCATE", "API-APPLICANT-1").status()).isEqualTo(201);
        Response second = allocate("TEST_CARE_ALLOCATE", "API-APPLICANT-2");
        assertThat(second.status()).as(second.body()).isEqualTo(201);
        assertThat(second.json().get("place").asInt()).isEqualTo(2);
        Response again = allocate("TEST_CARE_ALLOCATE", "API-APPLICANT-1");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("already").asBoolean()).isTrue();
        Response refused = allocate("TEST_CARE_ALLOCATE", "API-APPLICANT-3");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("reason").asString()).isEqualTo("QUOTA_EXHAUSTED");
        assertThat(refused.json().get("detail").asString()).contains("exhausted");
        JsonNode quota =
                get("/api/v1/channels/TEST_CARE_ALLOCATE/quota?year=2027").json();
        assertThat(quota.get("granted").asInt()).isEqualTo(2);
        assertThat(quota.get("refused").asInt()).isEqualTo(1);
        assertThat(quota.toString()).doesNotContain("API-APPLICANT");
        // Monitoring reads the same ledger: two places of two granted in 2027, none unused.
        JsonNode use = get("/api/v1/indicators/quota-use/values?party=TEST_CARE_ALLOCATE")
                .json();
        assertThat(use.toString()).contains("\"period\":\"2027\"");
        assertThat(use.valueStream()
                        .filter(v -> v.get("period").asString().equals("2027"))
                        .findFirst()
                        .orElseThrow()
                        .get("value")
                        .asDouble())
                .isEqualTo(2.0);
        assertThat(get("/indicators/quota-use").status()).isEqualTo(200);
        assertThat(get("/indicators/channels-per-corridor").body()).contains("DEU→SRB");
        assertThat(get("/indicators/legal-channel-openness").status()).isEqualTo(200);
        String audit = get("/api/v1/audit?limit=10000", SECRETARIAT, SECRETARIAT_PASSWORD)
                .body();
        assertThat(audit)
                .contains("quota:TEST_CARE_ALLOCATE/2027")
                .contains("QUOTA_ALLOCATION")
                .contains("QUOTA_REFUSAL")
                .doesNotContain("API-APPLICANT");
        assertThat(post(
                                "/api/v1/channels/NO_SUCH_CHANNEL/allocations",
                                "application/json",
                                "{}",
                                IMMIGRATION,
                                IMMIGRATION_PASSWORD)
                        .status())
                .isEqualTo(404);
        assertThat(post(
                                "/api/v1/channels/TEST_CARE_ALLOCATE/allocations",
                                "application/json",
                                "{\"year\": 2027}",
                                IMMIGRATION,
                                IMMIGRATION_PASSWORD)
                        .status())
                .isEqualTo(400);
        assertThat(post(
                                "/api/v1/channels/USA_H2A/allocations",
                                "application/json",
                                "{\"applicant\": \"x\", \"year\": 2026}",
                                IMMIGRATION,
                                IMMIGRATION_PASSWORD)
                        .status())
                .as("another state's channel")
                .isEqualTo(403);
    }

    @Test
    void fortyConcurrentRequestsForFivePlacesGetExactlyFive() throws Exception {
        assertThat(define("TEST_CARE_CONCURRENT", 5).status()).isEqualTo(201);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<Response>> requests = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String applicant = "CONCURRENT-" + i;
            requests.add(pool.submit(() -> allocate("TEST_CARE_CONCURRENT", applicant)));
        }
        int granted = 0, refused = 0;
        for (Future<Response> r : requests) {
            int status = r.get(60, TimeUnit.SECONDS).status();
            if (status == 201) granted++;
            if (status == 409) refused++;
        }
        pool.shutdown();
        assertThat(granted).isEqualTo(5);
        assertThat(refused).isEqualTo(35);
        assertThat(get("/api/v1/channels/TEST_CARE_CONCURRENT/allocations?year=2027", IMMIGRATION, IMMIGRATION_PASSWORD)
                        .json()
                        .size())
                .isEqualTo(5);
    }

    @Test
    void theFinderAnswersInTheIssuesShape() {
        JsonNode answer =
                get("/api/v1/channels/finder?passport=NGA&destination=DEU&occupation=nurse&salary=52000&currency=EUR"
                                + "&qualification=bachelor&language=de:B1&age=29&date=2026-06-01")
                        .json();
        assertThat(answer.propertyNames()).contains("channels", "occupation");
        assertThat(answer.get("occupation").get("isco").asString()).isEqualTo("2221");
        assertThat(answer.get("occupation").get("label").asString()).isEqualTo("Nursing professionals");
        JsonNode first = answer.get("channels").get(0);
        assertThat(first.propertyNames())
                .contains("id", "title", "destination", "instrument", "verdict", "criteria", "quota", "source", "asOf");
        assertThat(first.get("criteria").get(0).propertyNames()).contains("criterion", "status", "detail");
        for (JsonNode c : answer.get("channels")) {
            for (JsonNode k : c.get("criteria")) {
                if (k.get("criterion").asString().equals("job offer"))
                    assertThat(k.get("status").asString()).as("not said").isEqualTo("unknown");
            }
        }
    }

    @Test
    void theFinderRefusesBadInputWithWhatAndWhere() {
        Response salary = get("/api/v1/channels/finder?passport=NGA&salary=-5&currency=EUR");
        assertThat(salary.status()).isEqualTo(400);
        assertThat(salary.json().get("detail").asString()).isEqualTo("salary '-5' must not be negative");
        assertThat(get("/api/v1/channels/finder?passport=NGA&salary=50000&currency=EUX")
                        .json()
                        .get("detail")
                        .asString())
                .isEqualTo("currency 'EUX' is not an ISO 4217 currency code (such as EUR, USD, GBP)");
        assertThat(get("/api/v1/channels/finder?passport=NGA&language=de:Z9").status())
                .isEqualTo(400);
        Response occupation = get("/api/v1/channels/finder?passport=NGA&occupation=nurce");
        assertThat(occupation.status()).isEqualTo(400);
        assertThat(occupation.json().get("suggestions").toString()).contains("nurse");
        Response country = get("/api/v1/channels/finder?passport=Nigerya");
        assertThat(country.status()).isEqualTo(400);
        assertThat(country.json().get("detail").asString()).contains("Nigeria (NGA)");
        assertThat(post(
                                "/api/v1/channels",
                                "application/json",
                                "{\"id\": \"bad id\"}",
                                SECRETARIAT,
                                SECRETARIAT_PASSWORD)
                        .json()
                        .get("detail")
                        .asString())
                .isEqualTo("id 'bad id' must be upper-case letters, digits and '_', starting with a letter");
    }
}
