package org.orderly.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.orderly.border.crossing.Crossing;
import org.orderly.border.crossing.CrossingRecords;
import org.orderly.border.crossing.OverstayWatch;
import org.orderly.border.crossing.StayEvent;

/**
 * The overstay job reading and writing a real Kafka broker ({@link InProcessKafka}), through Flink's Kafka connector on Flink's mini cluster: a generated stream of crossings,
 * out of order and some late, with malformed messages among them, gives the embedded path's decisions and alerts,
 * the same late crossings, and one report per malformed message with its partition, offset and problem; the same
 * outputs, as JSON, on the output topic.
 */
class OverstayJobKafkaTest {
    private static final Duration LATENESS = Duration.ofHours(6);
    private static final String TOPIC = "crossings";
    private static final String OUTPUT_TOPIC = "stay-events";
    private static final String PARTITIONED_TOPIC = "crossings-8";
    private static final String PARTITIONED_OUTPUT_TOPIC = "stay-events-8";
    private static InProcessKafka kafka;

    @BeforeAll
    static void startKafka() throws Exception {
        kafka = InProcessKafka.start();
        // One partition: the order of arrival is the order produced, as in the embedded twin (Lateness).
        kafka.createTopics(Map.of(TOPIC, 1, OUTPUT_TOPIC, 2, PARTITIONED_TOPIC, 8, PARTITIONED_OUTPUT_TOPIC, 3));
    }

    @AfterAll
    static void stopKafka() throws Exception {
        if (kafka != null) kafka.close();
    }

    /** The malformed messages put into the stream, each with the field at fault (null: none) and part of the problem. */
    private record Bad(byte[] value, String field, String problem) {
        static Bad text(String text, String field, String problem) {
            return new Bad(text.getBytes(StandardCharsets.UTF_8), field, problem);
        }
    }

    private static final List<Bad> BAD = List.of(
            Bad.text(
                    "e-bad,entry,2025-02-30T09:00:00Z,DEU,FRA-T1,P9,USA,,,90/180",
                    "at",
                    "'2025-02-30T09:00:00Z' is not an ISO-8601 instant"),
            Bad.text(
                    "x-bad,leave,2025-03-01T09:00:00Z,DEU,FRA-T1,P9,USA",
                    "direction",
                    "direction 'leave' is not entry or exit"),
            // An entry without its rule is given the rulebook's (CrossingIntake); an Afghan's entry into Germany has
            // no stay limit in the rulebook (a visa sets it), so the record is refused on its rule.
            Bad.text(
                    "e-norule,entry,2025-03-01T09:00:00Z,DEU,FRA-T1,P9,AFG",
                    "rule",
                    "rule is missing, and the rulebook sets no stay limit for AFG nationals entering DEU on 2025-03-01"),
            Bad.text("{\"id\":\"j1\",\"direction\":\"entry\"}", "direction", "malformed quoting"),
            Bad.text(
                    "id,direction,at,state,crossing_point,document_number,issuing_state",
                    "direction",
                    "direction 'direction' is not entry or exit"),
            new Bad(new byte[] {'e', '1', ',', (byte) 0xC3, (byte) 0x28}, null, "the message is not UTF-8 text"),
            new Bad(null, null, "the message has no value (a tombstone)"));

    @Test
    void theJobReadingKafkaDecidesExactlyAsTheEmbeddedPathAndReportsEveryMalformedMessage() throws Exception {
        long seed = 20_261_202L;
        List<Crossing> crossings = CrossingGenerator.crossings(seed, 300, 400);
        List<Crossing> arrivals = CrossingGenerator.arrivals(crossings, seed, LATENESS, 150);
        Lateness.Split split = Lateness.split(arrivals, LATENESS);
        assertThat(split.late()).as("seed %d: some crossings are late", seed).isNotEmpty();
        List<StayEvent> embedded = OverstayWatch.replay(split.inTime(), Instant.MAX);

        Map<Long, Bad> badAt = produce(arrivals, seed);

        StreamExecutionEnvironment env = InProcessFlink.environment(2);
        env.enableCheckpointing(500); // the exactly-once sink commits its outputs at checkpoints
        List<StreamOutput> streamed = new ArrayList<>();
        CrossingTopic topic = CrossingTopic.of(kafka.bootstrapServers(), TOPIC).readToTheEnd();
        DataStream<StreamOutput> outputs = OverstayJob.fromKafka(env, topic, LATENESS);
        OverstayJob.toKafka(outputs, kafka.bootstrapServers(), OUTPUT_TOPIC, "kafka-test");
        try (CloseableIterator<StreamOutput> results = outputs.executeAndCollect()) {
            results.forEachRemaining(streamed::add);
        }
        List<StayEvent> events = streamed.stream()
                .filter(o -> o.event() != null)
                .map(StreamOutput::event)
                .toList();
        List<Crossing> late = streamed.stream()
                .filter(o -> o.late() != null)
                .map(StreamOutput::late)
                .toList();
        List<MalformedCrossing> malformed = streamed.stream()
                .filter(o -> o.malformed() != null)
                .map(StreamOutput::malformed)
                .toList();

        assertThat(late).as("seed %d: late crossings", seed).containsExactlyInAnyOrderElementsOf(split.late());
        assertThat(events)
                .as("seed %d: the embedded path's events", seed)
                .containsExactlyInAnyOrderElementsOf(embedded);
        assertThat(embedded)
                .as("seed %d: the stream exercises every kind of event", seed)
                .anyMatch(e -> e instanceof StayEvent.OverstayRaised)
                .anyMatch(e -> e instanceof StayEvent.OverstayCleared)
                .anyMatch(e -> e instanceof StayEvent.ExitWithoutEntry)
                .anyMatch(e -> e instanceof StayEvent.EntryWithoutExit);
        for (String traveller :
                embedded.stream().map(StayEvent::traveller).distinct().limit(50).toList()) {
            assertThat(events.stream()
                            .filter(e -> e.traveller().equals(traveller))
                            .toList())
                    .as("seed %d, traveller %s", seed, traveller)
                    .containsExactlyElementsOf(embedded.stream()
                            .filter(e -> e.traveller().equals(traveller))
                            .toList());
        }

        assertOutputTopicHolds(OUTPUT_TOPIC, streamed, seed);

        assertThat(malformed)
                .extracting(MalformedCrossing::offset)
                .as("one report per malformed message, at its offset")
                .containsExactlyInAnyOrderElementsOf(badAt.keySet());
        for (MalformedCrossing report : malformed) {
            Bad bad = badAt.get(report.offset());
            assertThat(report.topic()).isEqualTo(TOPIC);
            assertThat(report.partition()).isZero();
            assertThat(report.field()).as(report.message()).isEqualTo(bad.field());
            assertThat(report.problem()).as(report.message()).startsWith(bad.problem());
            assertThat(report.message()).startsWith("topic crossings partition 0 offset " + report.offset());
        }
    }

    /**
     * Eight partitions read by four readers: which crossing is late depends on its own partition's order of arrival only,
     * never on how the readers interleave the partitions, so the job gives exactly what the embedded path gives when
     * each partition is split by {@link Lateness} on its own; the committed outputs on the output topic are the same.
     */
    @Test
    void onEightPartitionsReadByFourReadersEachPartitionDecidesItsLateCrossingsAndTheOutputsAreTheEmbeddedPaths()
            throws Exception {
        long seed = 20_261_206L;
        List<Crossing> crossings = CrossingGenerator.crossings(seed, 600, 400);
        List<Crossing> arrivals = CrossingGenerator.arrivals(crossings, seed, LATENESS, 60);
        Map<Integer, List<Crossing>> byPartition = kafka.produceByTraveller(PARTITIONED_TOPIC, arrivals);
        assertThat(byPartition)
                .as("seed %d: every partition has crossings", seed)
                .hasSize(8);
        List<Crossing> inTime = new ArrayList<>();
        List<Crossing> expectedLate = new ArrayList<>();
        for (List<Crossing> partition : byPartition.values()) {
            Lateness.Split split = Lateness.split(partition, LATENESS);
            inTime.addAll(split.inTime());
            expectedLate.addAll(split.late());
        }
        assertThat(expectedLate)
                .as("seed %d: some crossings are late in their partition", seed)
                .isNotEmpty();
        assertThat(Lateness.split(arrivals, LATENESS).late())
                .as("seed %d: lateness over the whole stream would differ", seed)
                .isNotEqualTo(expectedLate);
        List<StayEvent> embedded = OverstayWatch.replay(inTime, Instant.MAX);

        StreamExecutionEnvironment env = InProcessFlink.environment(4);
        env.enableCheckpointing(500);
        CrossingTopic topic =
                new CrossingTopic(kafka.bootstrapServers(), PARTITIONED_TOPIC, "partitioned", true, null, 4);
        DataStream<StreamOutput> outputs = OverstayJob.fromKafka(env, topic, LATENESS);
        OverstayJob.toKafka(outputs, kafka.bootstrapServers(), PARTITIONED_OUTPUT_TOPIC, "partitioned-test");
        List<StreamOutput> streamed = new ArrayList<>();
        try (CloseableIterator<StreamOutput> results = outputs.executeAndCollect()) {
            results.forEachRemaining(streamed::add);
        }
        List<StayEvent> events = streamed.stream()
                .filter(o -> o.event() != null)
                .map(StreamOutput::event)
                .toList();
        assertThat(streamed.stream()
                        .filter(o -> o.late() != null)
                        .map(StreamOutput::late)
                        .toList())
                .as("seed %d: late crossings", seed)
                .containsExactlyInAnyOrderElementsOf(expectedLate);
        assertThat(events)
                .as("seed %d: the embedded path's events", seed)
                .containsExactlyInAnyOrderElementsOf(embedded);
        for (String traveller :
                embedded.stream().map(StayEvent::traveller).distinct().limit(50).toList()) {
            assertThat(events.stream()
                            .filter(e -> e.traveller().equals(traveller))
                            .toList())
                    .as("seed %d, traveller %s", seed, traveller)
                    .containsExactlyElementsOf(embedded.stream()
                            .filter(e -> e.traveller().equals(traveller))
                            .toList());
        }
        assertOutputTopicHolds(PARTITIONED_OUTPUT_TOPIC, streamed, seed);
    }

    /**
     * The output topic holds every output the job emitted, each as one JSON message of its kind, keyed by traveller, and
     * committed: the stay events read back with read_committed are the job's (and so the embedded path's).
     */
    private static void assertOutputTopicHolds(String outputTopic, List<StreamOutput> streamed, long seed)
            throws Exception {
        InProcessKafka.Outputs committed = kafka.committedOutputs(outputTopic);
        assertThat(committed.events())
                .as("seed %d: the stay events on the output topic", seed)
                .containsExactlyInAnyOrderElementsOf(streamed.stream()
                        .filter(o -> o.event() != null)
                        .map(StreamOutput::event)
                        .toList());
        assertThat(committed.late())
                .as("seed %d: the late crossings on the output topic", seed)
                .containsExactlyInAnyOrderElementsOf(streamed.stream()
                        .filter(o -> o.late() != null)
                        .map(StreamOutput::late)
                        .toList());
        assertThat(committed.malformed())
                .as("the malformed messages on the output topic")
                .hasSize((int)
                        streamed.stream().filter(o -> o.malformed() != null).count());
        assertThat(committed.wronglyKeyed())
                .as("stay events keyed by their traveller")
                .isEmpty();
    }

    /** Produces the crossings in order of arrival, the malformed messages spread among them; returns those by offset. */
    private static Map<Long, Bad> produce(List<Crossing> arrivals, long seed) throws Exception {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        Map<Long, Bad> badAt = new LinkedHashMap<>();
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(properties, new ByteArraySerializer(), new ByteArraySerializer())) {
            int every = arrivals.size() / (BAD.size() + 1);
            List<java.util.concurrent.Future<RecordMetadata>> sent = new ArrayList<>();
            for (int i = 0; i < arrivals.size(); i++) {
                Crossing crossing = arrivals.get(i);
                sent.add(producer.send(new ProducerRecord<>(
                        TOPIC,
                        crossing.traveller().getBytes(StandardCharsets.UTF_8),
                        CrossingRecords.write(crossing).getBytes(StandardCharsets.UTF_8))));
                int b = i / every;
                if (i % every == every - 1 && b < BAD.size()) {
                    RecordMetadata metadata = producer.send(
                                    new ProducerRecord<>(TOPIC, null, BAD.get(b).value()))
                            .get(30, TimeUnit.SECONDS);
                    badAt.put(metadata.offset(), BAD.get(b));
                }
            }
            producer.flush();
            for (var future : sent) future.get(30, TimeUnit.SECONDS);
        }
        assertThat(badAt).as("seed %d: every malformed message sent", seed).hasSize(BAD.size());
        assertThat(Set.copyOf(badAt.values())).hasSize(BAD.size());
        return badAt;
    }
}
