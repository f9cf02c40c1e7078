package org.orderly.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code orderly bench border --flink}: the embedded path and the Flink job on the same small stream, counts compared,
 * through the bench command as the launcher runs it (from the benchmarks jar, not Orderly's command jar).
 */
class BenchBorderCommandTest {

    @Test
    void theFlinkJobRunsFromTheCommandAndGivesTheEmbeddedCounts() {
        StringWriter err = new StringWriter();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream originalOut = System.out;
        int status;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            status = BenchCommand.commandLine()
                    .setErr(new PrintWriter(err, true))
                    .execute("border", "--flink", "--events", "3000", "--json");
        } finally {
            System.setOut(originalOut);
        }
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(status).as(err.toString()).isZero();
        JsonNode result = JsonMapper.builder().build().readTree(printed);
        assertThat(result.get("crossings").asInt()).isEqualTo(3000);
        assertThat(result.get("flinkOutputsEqualEmbeddedCounts").asBoolean())
                .as(printed)
                .isTrue();
        assertThat(result.get("flinkOutputsByKind").get("StayDecision").asLong())
                .isPositive();
        assertThat(result.get("flinkCpuSeconds").asDouble()).isPositive();
    }
}
