package org.orderly.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code orderly bench border --flink}: the embedded path and the Flink job on the same small stream, counts compared. */
class BenchBorderCommandTest {

    @Test
    void theFlinkJobRunsFromTheCommandAndGivesTheEmbeddedCounts() {
        CommandRun run = CommandRun.of("bench", "border", "--flink", "--events", "3000", "--json");
        assertThat(run.status()).as(run.err()).isZero();
        JsonNode result = JsonMapper.builder().build().readTree(run.out());
        assertThat(result.get("crossings").asInt()).isEqualTo(3000);
        assertThat(result.get("flinkOutputsEqualEmbeddedCounts").asBoolean()).as(run.out()).isTrue();
        assertThat(result.get("flinkOutputsByKind").get("StayDecision").asLong()).isPositive();
        assertThat(result.get("flinkCpuSeconds").asDouble()).isPositive();
    }
}
