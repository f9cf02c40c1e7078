package org.orderly.bench.border;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code ./orderly bench border --flink} on a small stream: the Flink job runs (generic types off) and counts as the embedded path. */
class BorderScenarioTest {
    @Test
    void theFlinkPathRunsWithGenericTypesOffAndCountsAsTheEmbeddedPath() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Map<String, Object> results = BorderScenario.run(4_000, true, new PrintStream(printed, true, StandardCharsets.UTF_8));
        assertThat(results.get("flinkOutputsEqualEmbeddedCounts")).as(printed.toString(StandardCharsets.UTF_8)).isEqualTo(true);
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("Flink mini cluster");
    }
}
