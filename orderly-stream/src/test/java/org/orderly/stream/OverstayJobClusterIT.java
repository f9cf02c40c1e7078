package org.orderly.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orderly.border.crossing.Crossing;
import org.orderly.border.crossing.OverstayWatch;
import org.orderly.border.crossing.StayEvent;

/**
 * The overstay job jar on a real Flink cluster: a session cluster of separate processes (a JobManager and two
 * TaskManagers, {@link FlinkSessionCluster}) and a KRaft Kafka ({@link InProcessKafka}); the jar submitted through the
 * cluster's REST API, as {@code flink run} submits it. Run by {@code mvn -Pcluster verify} (after the job jar is packaged).
 */
class OverstayJobClusterIT {
    private static final Duration LATENESS = Duration.ofHours(6);

    @TempDir
    static Path folder;

    private static InProcessKafka kafka;
    private static FlinkSessionCluster cluster;
    private static String jobJar;

    @BeforeAll
    static void startKafkaAndCluster() throws Exception {
        kafka = InProcessKafka.start();
        cluster = FlinkSessionCluster.start(
                folder.resolve("flink"),
                2,
                4,
                Map.of(
                        "heartbeat.interval",
                        "1000",
                        "heartbeat.timeout",
                        "10000",
                        "restart-strategy.type",
                        "fixed-delay",
                        "restart-strategy.fixed-delay.attempts",
                        "20",
                        "restart-strategy.fixed-delay.delay",
                        "2 s"));
        jobJar = cluster.upload(jobJarPath());
    }

    @AfterAll
    static void stop() throws Exception {
        if (cluster != null) cluster.close();
        if (kafka != null) kafka.close();
    }

    private static Path jobJarPath() {
        return Path.of(System.getProperty("orderly.job.jar", "target/orderly-overstay-job.jar"));
    }

    /**
     * One TaskManager killed with SIGKILL mid-stream: the job restarts from its last checkpoint (RocksDB state,
     * checkpoints in a local folder) and the outputs a {@code read_committed} consumer reads equal the embedded path's
     * exactly: no alert lost, none repeated.
     */
    @Test
    void aTaskManagerKilledMidStreamLosesNoOutputAndRepeatsNone() throws Exception {
        long seed = 20_261_207L;
        List<Crossing> crossings = CrossingGenerator.crossings(seed, 12_000, 400);
        List<Crossing> arrivals = CrossingGenerator.arrivals(crossings, seed, LATENESS, 200);
        kafka.createTopics(Map.of("crossings", 8, "stay-events", 3));
        Expected expected = Expected.of(kafka.produceByTraveller("crossings", arrivals));
        assertThat(expected.late())
                .as("seed %d: some crossings are late in their partition", seed)
                .isNotEmpty();

        String job = cluster.run(jobJar, arguments("crossings", "stay-events", "orderly-overstays", "--to-the-end"));
        // Mid-stream: a checkpoint has committed outputs, and the job has not read to the end.
        await(
                job,
                Duration.ofMinutes(3),
                () -> cluster.state(job).equals("FINISHED")
                        || cluster.completedCheckpoints(job) >= 1
                                && !kafka.committedOutputs("stay-events")
                                        .events()
                                        .isEmpty());
        Set<String> running = cluster.taskManagersRunning(job, "overstays");
        assertThat(cluster.state(job))
                .as("the job runs when the task manager is killed")
                .isEqualTo("RUNNING");
        assertThat(running).as("task managers running the overstays").isNotEmpty();
        assertThat(cluster.get("/jobs/" + job + "/checkpoints/config")
                        .path("state_backend")
                        .asText())
                .contains("RocksDB");
        String victim = running.iterator().next();
        cluster.kill(victim);
        int committedAtTheKill = kafka.committedOutputs("stay-events").events().size();
        System.out.printf(
                "killed %s (of %s running the overstays) with %,d of %,d stay events committed%n",
                victim, running, committedAtTheKill, expected.events().size());

        await(
                job,
                Duration.ofMinutes(6),
                () -> List.of("FINISHED", "FAILED", "CANCELED").contains(cluster.state(job)));
        assertThat(cluster.state(job))
                .as("the job finished after the kill" + cluster.tail("jobmanager"))
                .isEqualTo("FINISHED");
        assertThat(cluster.failures(job))
                .as("the job recovered from the lost task manager")
                .isNotEmpty();
        assertThat(cluster.get("/jobs/" + job + "/checkpoints")
                        .path("latest")
                        .path("restored")
                        .path("id")
                        .asLong())
                .as("the job restarted from a checkpoint")
                .isPositive();
        assertThat(committedAtTheKill)
                .as("outputs committed when the task manager was killed")
                .isPositive()
                .isLessThan(expected.events().size());
        expected.assertCommittedOn("stay-events", seed);
    }

    /**
     * An upgrade: the job stopped with a savepoint, its keyed state's class then gains a field, and the next version of
     * the jar restored from the savepoint reads on: its outputs and the first version's together are the embedded
     * path's over the whole stream (the travellers' stays, open and closed, and each partition's lateness carried over).
     */
    @Test
    void aSavepointOfTheJobRestoresIntoAJobWhoseStateClassGainedAField() throws Exception {
        long seed = 20_261_208L;
        List<Crossing> crossings = CrossingGenerator.crossings(seed, 3_000, 400);
        List<Crossing> arrivals = CrossingGenerator.arrivals(crossings, seed, LATENESS, 60);
        kafka.createTopics(Map.of("crossings-upgrade", 4, "stay-events-upgrade", 3));
        int half = arrivals.size() / 2;
        Map<Integer, List<Crossing>> byPartition =
                kafka.produceByTraveller("crossings-upgrade", arrivals.subList(0, half));
        List<String> arguments = arguments("crossings-upgrade", "stay-events-upgrade", "orderly-overstays-upgrade");

        String first = cluster.run(jobJar, arguments);
        await(first, Duration.ofMinutes(3), () -> kafka.groupReadAll("orderly-overstays-upgrade", "crossings-upgrade"));
        String savepoint = cluster.stopWithSavepoint(
                first, folder.resolve("savepoints").toUri().toString(), false, Duration.ofMinutes(2));
        int committedByTheFirst =
                kafka.committedOutputs("stay-events-upgrade").events().size();

        kafka.produceByTraveller("crossings-upgrade", arrivals.subList(half, arrivals.size()))
                .forEach((partition, more) -> byPartition
                        .computeIfAbsent(partition, p -> new ArrayList<>())
                        .addAll(more));
        Expected expected = Expected.of(byPartition);
        String next = cluster.runFromSavepoint(
                cluster.upload(GrownStateJar.of(jobJarPath(), Files.createDirectories(folder.resolve("next")))),
                arguments,
                savepoint);
        await(next, Duration.ofMinutes(3), () -> kafka.groupReadAll("orderly-overstays-upgrade", "crossings-upgrade"));
        assertThat(cluster.get("/jobs/" + next + "/checkpoints")
                        .path("latest")
                        .path("restored")
                        .path("external_path")
                        .asText())
                .as("the next version restored from the savepoint")
                .isEqualTo(savepoint);
        // The end of the input: event time advanced to its end, every alert due fires, as in the embedded replay.
        cluster.stopWithSavepoint(next, folder.resolve("savepoints").toUri().toString(), true, Duration.ofMinutes(2));

        assertThat(committedByTheFirst)
                .as("outputs of the first version")
                .isPositive()
                .isLessThan(expected.events().size());
        expected.assertCommittedOn("stay-events-upgrade", seed);
    }

    private static List<String> arguments(String crossings, String outputs, String group, String... more) {
        List<String> arguments = new ArrayList<>(List.of(
                "--bootstrap-servers",
                kafka.bootstrapServers(),
                "--crossings-topic",
                crossings,
                "--outputs-topic",
                outputs,
                "--group",
                group,
                "--checkpoints",
                folder.resolve("checkpoints").toUri().toString(),
                "--checkpoint-interval",
                "1 s",
                "--parallelism",
                "4",
                "--lateness",
                "6 h",
                "--idleness",
                "none"));
        arguments.addAll(List.of(more));
        return arguments;
    }

    /** The embedded path's outputs for the crossings of each partition in their order of arrival (lateness per partition). */
    private record Expected(List<StayEvent> events, List<Crossing> late) {
        static Expected of(Map<Integer, List<Crossing>> byPartition) {
            List<Crossing> inTime = new ArrayList<>();
            List<Crossing> late = new ArrayList<>();
            for (List<Crossing> partition : byPartition.values()) {
                Lateness.Split split = Lateness.split(partition, LATENESS);
                inTime.addAll(split.inTime());
                late.addAll(split.late());
            }
            return new Expected(OverstayWatch.replay(inTime, Instant.MAX), late);
        }

        /** What a read_committed consumer reads on the output topic is these outputs, each exactly as often. */
        void assertCommittedOn(String topic, long seed) throws Exception {
            InProcessKafka.Outputs committed = kafka.committedOutputs(topic);
            assertThat(counts(committed.events()))
                    .as("seed %d: the embedded path's events, none lost, none repeated", seed)
                    .isEqualTo(counts(events));
            assertThat(committed.events().stream()
                            .filter(e -> e instanceof StayEvent.OverstayRaised)
                            .count())
                    .as("overstay alerts")
                    .isEqualTo(events.stream()
                            .filter(e -> e instanceof StayEvent.OverstayRaised)
                            .count())
                    .isPositive();
            assertThat(counts(committed.late()))
                    .as("seed %d: late crossings", seed)
                    .isEqualTo(counts(late));
            assertThat(committed.malformed()).isEmpty();
            assertThat(committed.wronglyKeyed()).isEmpty();
        }

        /** How often each element occurs (a multiset; a comparison in linear time, not AssertJ's quadratic one). */
        private static <T> Map<T, Long> counts(List<T> elements) {
            return elements.stream()
                    .collect(Collectors.groupingBy(Function.identity(), HashMap::new, Collectors.counting()));
        }
    }

    private static void await(String job, Duration timeout, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.call()) {
            if (System.nanoTime() > deadline)
                throw new AssertionError("not within " + timeout + cluster.describe(job) + cluster.tail("jobmanager"));
            Thread.sleep(500);
        }
    }
}
