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
        Map<String, Object> results =
                BorderScenario.run(4_000, true, new PrintStream(printed, true, StandardCharsets.UTF_8));
        assertThat(results.get("flinkOutputsEqualEmbeddedCounts"))
                .as(printed.toString(StandardCharsets.UTF_8))
                .isEqualTo(true);
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("Flink mini cluster");
        assertThat(results.get("embeddedInTimeOrderEvents"))
                .as("the state machine in time order gives the replay's events")
                .isEqualTo(results.get("embeddedEvents"));
    }

    /** The JIT's and the collector's CPU read from /proc: some compiling has been done by now, and neither exceeds the process's CPU. */
    @Test
    void theJvmsOwnThreadsCpuIsReadFromProc() {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                java.nio.file.Files.isDirectory(java.nio.file.Path.of("/proc/self/task")), "no /proc: Linux only");
        JvmCpu jvm = JvmCpu.now();
        double process = ((com.sun.management.OperatingSystemMXBean)
                                java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                        .getProcessCpuTime()
                / 1e9;
        assertThat(jvm.compilerSeconds()).isPositive().isLessThanOrEqualTo(process + 0.01);
        assertThat(jvm.collectorSeconds()).isNotNegative().isLessThanOrEqualTo(process + 0.01);
        assertThat(jvm.compilerSeconds() + jvm.collectorSeconds()).isLessThanOrEqualTo(process + 0.02);
    }
}
