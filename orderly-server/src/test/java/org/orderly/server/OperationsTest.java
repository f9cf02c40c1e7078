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
    void exposesPrometheusMetricsIncludingHttpRequests() {
        get("/api/v1/parties");
        Response metrics = get("/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("http_server_requests_seconds_count");
    }

    @Test
    void publishesAnOpenApiDocumentOfTheRestApi() {
        Response openApi = get("/v3/api-docs");
        assertThat(openApi.status()).isEqualTo(200);
        assertThat(openApi.json().get("paths").has("/api/v1/travel-requirements")).isTrue();
        assertThat(openApi.json().get("paths").has("/api/v1/instruments/{id}")).isTrue();
    }
}
