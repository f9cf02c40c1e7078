package org.orderly.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OperationsTest extends ServerTest {

    @Test
    void reportsHealth() {
        Response health = get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body()).contains("UP");
    }

    @Test
    void exposesPrometheusMetricsToOperationsOnly() {
        get("/api/v1/parties");
        assertThat(get("/actuator/prometheus").status())
                .as("live border-check counts are not public")
                .isEqualTo(401);
        assertThat(get("/actuator/prometheus", "border-officer", "test-only-border")
                        .status())
                .isEqualTo(403);
        assertThat(get("/actuator/prometheus", "secretariat", "test-only-secretariat")
                        .status())
                .isEqualTo(200);
        Response metrics = get("/actuator/prometheus", "operator", "test-only-operator");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("http_server_requests_seconds_count");
    }

    @Test
    void publishesAnOpenApiDocumentOfTheRestApi() {
        Response openApi = get("/v3/api-docs");
        assertThat(openApi.status()).isEqualTo(200);
        assertThat(openApi.json().get("paths").has("/api/v1/travel-requirements"))
                .isTrue();
        assertThat(openApi.json().get("paths").has("/api/v1/instruments/{id}")).isTrue();
    }
}
