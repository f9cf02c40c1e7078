package org.orderly.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orderly.border.crossing.Crossing;
import org.orderly.border.crossing.OverstayWatch;
import org.orderly.border.crossing.StayEvent;

/**
 * The overstay job jar on a real Flink cluster: a session cluster of separate processes (a JobManager and two
 * TaskManagers, {@link FlinkSessionCluster}) and a KRaft Kafka ({@link InProcessKafka}); the jar submitted through the
 * cluster's REST API; one TaskManager killed with SIGKILL mid-stream; the job restarts from its last checkpoint (RocksDB
 * state, checkpoints in a local folder) and the outputs a {@code read_committed} consumer reads equal the embedded
 * path's exactly: no alert lost, none repeated. Run by {@code mvn -Pcluster verify} (after the job jar is packaged).
 */
class OverstayJobClusterIT {
    private static final Duration LATENESS = Duration.ofHours(6);

    @Test
    void aTaskManagerKilledMidStreamLosesNoOutputAndRepeatsNone(@TempDir Path folder) throws Exception {
        long seed = 20_261_207L;
        List<Crossing> crossings = CrossingGenerator.crossings(seed, 20_000, 400);
        List<Crossing> arrivals = CrossingGenerator.arrivals(crossings, seed, LATENESS, 200);
        try (InProcessKafka kafka = InProcessKafka.start()) {
            kafka.createTopics(Map.of("crossings", 8, "stay-events", 3));
            List<Crossing> inTime = new ArrayList<>();
            List<Crossing> late = new ArrayList<>();
            for (List<Crossing> partition : kafka.produceByTraveller("crossings", arrivals).values()) {
                Lateness.Split split = Lateness.split(partition, LATENESS);
                inTime.addAll(split.inTime());
                late.addAll(split.late());
            }
            List<StayEvent> embedded = OverstayWatch.replay(inTime, Instant.MAX);
            assertThat(late).as("seed %d: some crossings are late in their partition", seed).isNotEmpty();

            try (FlinkSessionCluster cluster = FlinkSessionCluster.start(folder.resolve("flink"), 2, 4, Map.of(
                    "heartbeat.interval", "1000", "heartbeat.timeout", "10000",
                    "restart-strategy.type", "fixed-delay", "restart-strategy.fixed-delay.attempts", "20",
                    "restart-strategy.fixed-delay.delay", "2 s", "cluster.evenly-spread-out-slots", "true"))) {
                String jar = cluster.upload(Path.of(System.getProperty("orderly.job.jar", "target/orderly-overstay-job.jar")));
                String job = cluster.run(jar, List.of("--bootstrap-servers", kafka.bootstrapServers(), "--crossings-topic", "crossings",
                        "--outputs-topic", "stay-events", "--checkpoints", folder.resolve("checkpoints").toUri().toString(),
                        "--checkpoint-interval", "1 s", "--parallelism", "4", "--lateness", "6 h", "--idleness", "none", "--to-the-end"));

                // Mid-stream: a checkpoint has committed outputs, and the job has not read to the end.
                await(Duration.ofMinutes(3), () -> cluster.state(job).equals("FINISHED")
                        || cluster.completedCheckpoints(job) >= 1 && !kafka.committedOutputs("stay-events").events().isEmpty(), cluster);
                Set<String> running = cluster.taskManagersRunning(job, "overstays");
                assertThat(cluster.state(job)).as("the job runs when the task manager is killed").isEqualTo("RUNNING");
                assertThat(running).as("task managers running the overstays").isNotEmpty();
                assertThat(cluster.get("/jobs/" + job + "/checkpoints/config").path("state_backend").asText()).contains("RocksDB");
                String victim = running.iterator().next();
                cluster.kill(victim);
                int committedAtTheKill = kafka.committedOutputs("stay-events").events().size();
                System.out.printf("killed %s (of %s running the overstays) with %,d of %,d stay events committed%n", victim, running,
                        committedAtTheKill, embedded.size());

                await(Duration.ofMinutes(6), () -> List.of("FINISHED", "FAILED", "CANCELED").contains(cluster.state(job)), cluster);
                assertThat(cluster.state(job)).as("the job finished after the kill" + cluster.tail("jobmanager")).isEqualTo("FINISHED");
                assertThat(cluster.failures(job)).as("the job recovered from the lost task manager").isNotEmpty();
                assertThat(cluster.get("/jobs/" + job + "/checkpoints").path("latest").path("restored").path("id").asLong())
                        .as("the job restarted from a checkpoint").isPositive();
                assertThat(committedAtTheKill).as("outputs committed when the task manager was killed").isPositive().isLessThan(embedded.size());

                InProcessKafka.Outputs committed = kafka.committedOutputs("stay-events");
                assertThat(committed.events()).as("seed %d: the embedded path's events, none lost, none repeated", seed)
                        .hasSameSizeAs(embedded).containsExactlyInAnyOrderElementsOf(embedded);
                assertThat(committed.events().stream().filter(e -> e instanceof StayEvent.OverstayRaised).count()).as("overstay alerts")
                        .isEqualTo(embedded.stream().filter(e -> e instanceof StayEvent.OverstayRaised).count()).isPositive();
                assertThat(committed.late()).as("seed %d: late crossings", seed).containsExactlyInAnyOrderElementsOf(late);
                assertThat(committed.malformed()).isEmpty();
                assertThat(committed.wronglyKeyed()).isEmpty();
            }
        }
    }

    private static void await(Duration timeout, Callable<Boolean> condition, FlinkSessionCluster cluster) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.call()) {
            if (System.nanoTime() > deadline) throw new AssertionError("not within " + timeout + cluster.tail("jobmanager"));
            Thread.sleep(500);
        }
    }
}
