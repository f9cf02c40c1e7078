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
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.server.common.MetadataVersion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.orderly.border.crossing.Crossing;
import org.orderly.border.crossing.CrossingRecords;
import org.orderly.border.crossing.OverstayWatch;
import org.orderly.border.crossing.StayEvent;

/**
 * The overstay job reading and writing a real Kafka broker, started in this process in KRaft mode (one combined broker and
 * controller on localhost), through Flink's Kafka connector on Flink's mini cluster: a generated stream of crossings,
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
    private static KafkaClusterTestKit kafka;

    @BeforeAll
    static void startKafka() throws Exception {
        // The metadata version of a released broker, not the test kit's default (the newest, unreleased one).
        TestKitNodes nodes = new TestKitNodes.Builder().setBootstrapMetadataVersion(MetadataVersion.latestProduction())
                .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build();
        kafka = new KafkaClusterTestKit.Builder(nodes)
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("offsets.topic.num.partitions", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("transaction.state.log.num.partitions", "1")
                .build();
        kafka.format();
        kafka.startup();
        kafka.waitForReadyBrokers();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            // One partition: the order of arrival is the order produced, as in the embedded twin (Lateness).
            admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1), new NewTopic(OUTPUT_TOPIC, 2, (short) 1),
                    new NewTopic(PARTITIONED_TOPIC, 8, (short) 1), new NewTopic(PARTITIONED_OUTPUT_TOPIC, 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
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
            Bad.text("e-bad,entry,2025-02-30T09:00:00Z,DEU,FRA-T1,P9,USA,,,90/180", "at", "'2025-02-30T09:00:00Z' is not an ISO-8601 instant"),
            Bad.text("x-bad,leave,2025-03-01T09:00:00Z,DEU,FRA-T1,P9,USA", "direction", "direction 'leave' is not entry or exit"),
            Bad.text("e-norule,entry,2025-03-01T09:00:00Z,DEU,FRA-T1,P9,USA", "rule", "rule is missing: an entry needs its stay rule"),
            Bad.text("{\"id\":\"j1\",\"direction\":\"entry\"}", "direction", "malformed quoting"),
            Bad.text("id,direction,at,state,crossing_point,document_number,issuing_state", "direction", "direction 'direction' is not entry or exit"),
            new Bad(new byte[]{'e', '1', ',', (byte) 0xC3, (byte) 0x28}, null, "the message is not UTF-8 text"),
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
        List<StayEvent> events = streamed.stream().filter(o -> o.event() != null).map(StreamOutput::event).toList();
        List<Crossing> late = streamed.stream().filter(o -> o.late() != null).map(StreamOutput::late).toList();
        List<MalformedCrossing> malformed = streamed.stream().filter(o -> o.malformed() != null).map(StreamOutput::malformed).toList();

        assertThat(late).as("seed %d: late crossings", seed).containsExactlyInAnyOrderElementsOf(split.late());
        assertThat(events).as("seed %d: the embedded path's events", seed).containsExactlyInAnyOrderElementsOf(embedded);
        assertThat(embedded).as("seed %d: the stream exercises every kind of event", seed)
                .anyMatch(e -> e instanceof StayEvent.OverstayRaised).anyMatch(e -> e instanceof StayEvent.OverstayCleared)
                .anyMatch(e -> e instanceof StayEvent.ExitWithoutEntry).anyMatch(e -> e instanceof StayEvent.EntryWithoutExit);
        for (String traveller : embedded.stream().map(StayEvent::traveller).distinct().limit(50).toList()) {
            assertThat(events.stream().filter(e -> e.traveller().equals(traveller)).toList()).as("seed %d, traveller %s", seed, traveller)
                    .containsExactlyElementsOf(embedded.stream().filter(e -> e.traveller().equals(traveller)).toList());
        }

        assertOutputTopicHolds(OUTPUT_TOPIC, streamed, seed);

        assertThat(malformed).extracting(MalformedCrossing::offset).as("one report per malformed message, at its offset")
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
    void onEightPartitionsReadByFourReadersEachPartitionDecidesItsLateCrossingsAndTheOutputsAreTheEmbeddedPaths() throws Exception {
        long seed = 20_261_206L;
        List<Crossing> crossings = CrossingGenerator.crossings(seed, 600, 400);
        List<Crossing> arrivals = CrossingGenerator.arrivals(crossings, seed, LATENESS, 60);
        Map<Integer, List<Crossing>> byPartition = producePartitioned(arrivals);
        assertThat(byPartition).as("seed %d: every partition has crossings", seed).hasSize(8);
        List<Crossing> inTime = new ArrayList<>();
        List<Crossing> expectedLate = new ArrayList<>();
        for (List<Crossing> partition : byPartition.values()) {
            Lateness.Split split = Lateness.split(partition, LATENESS);
            inTime.addAll(split.inTime());
            expectedLate.addAll(split.late());
        }
        assertThat(expectedLate).as("seed %d: some crossings are late in their partition", seed).isNotEmpty();
        assertThat(Lateness.split(arrivals, LATENESS).late()).as("seed %d: lateness over the whole stream would differ", seed)
                .isNotEqualTo(expectedLate);
        List<StayEvent> embedded = OverstayWatch.replay(inTime, Instant.MAX);

        StreamExecutionEnvironment env = InProcessFlink.environment(4);
        env.enableCheckpointing(500);
        CrossingTopic topic = new CrossingTopic(kafka.bootstrapServers(), PARTITIONED_TOPIC, "partitioned", true, null, 4);
        DataStream<StreamOutput> outputs = OverstayJob.fromKafka(env, topic, LATENESS);
        OverstayJob.toKafka(outputs, kafka.bootstrapServers(), PARTITIONED_OUTPUT_TOPIC, "partitioned-test");
        List<StreamOutput> streamed = new ArrayList<>();
        try (CloseableIterator<StreamOutput> results = outputs.executeAndCollect()) {
            results.forEachRemaining(streamed::add);
        }
        List<StayEvent> events = streamed.stream().filter(o -> o.event() != null).map(StreamOutput::event).toList();
        assertThat(streamed.stream().filter(o -> o.late() != null).map(StreamOutput::late).toList()).as("seed %d: late crossings", seed)
                .containsExactlyInAnyOrderElementsOf(expectedLate);
        assertThat(events).as("seed %d: the embedded path's events", seed).containsExactlyInAnyOrderElementsOf(embedded);
        for (String traveller : embedded.stream().map(StayEvent::traveller).distinct().limit(50).toList()) {
            assertThat(events.stream().filter(e -> e.traveller().equals(traveller)).toList()).as("seed %d, traveller %s", seed, traveller)
                    .containsExactlyElementsOf(embedded.stream().filter(e -> e.traveller().equals(traveller)).toList());
        }
        assertOutputTopicHolds(PARTITIONED_OUTPUT_TOPIC, streamed, seed);
    }

    /** Produces the crossings keyed by traveller (Kafka's default partitioner), in order; returns each partition's crossings in offset order. */
    private static Map<Integer, List<Crossing>> producePartitioned(List<Crossing> arrivals) throws Exception {
        Map<Integer, List<Crossing>> byPartition = new java.util.TreeMap<>();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 5), new ByteArraySerializer(), new ByteArraySerializer())) {
            List<java.util.concurrent.Future<RecordMetadata>> sent = new ArrayList<>();
            for (Crossing crossing : arrivals) {
                sent.add(producer.send(new ProducerRecord<>(PARTITIONED_TOPIC, crossing.traveller().getBytes(StandardCharsets.UTF_8),
                        CrossingRecords.write(crossing).getBytes(StandardCharsets.UTF_8))));
            }
            producer.flush();
            Map<Integer, java.util.TreeMap<Long, Crossing>> byOffset = new java.util.TreeMap<>();
            for (int i = 0; i < arrivals.size(); i++) {
                RecordMetadata metadata = sent.get(i).get(30, TimeUnit.SECONDS);
                byOffset.computeIfAbsent(metadata.partition(), p -> new java.util.TreeMap<>()).put(metadata.offset(), arrivals.get(i));
            }
            byOffset.forEach((partition, crossingsByOffset) -> byPartition.put(partition, new ArrayList<>(crossingsByOffset.values())));
        }
        return byPartition;
    }

    /**
     * The output topic holds every output the job emitted, each as one JSON message of its kind, keyed by traveller; the
     * stay events read back are the job's (and so the embedded path's).
     */
    private static void assertOutputTopicHolds(String outputTopic, List<StreamOutput> streamed, long seed) throws Exception {
        Map<String, Class<? extends StayEvent>> kinds = Map.of("StayDecision", StayEvent.StayDecision.class, "OverstayRaised",
                StayEvent.OverstayRaised.class, "OverstayCleared", StayEvent.OverstayCleared.class, "ExitWithoutEntry",
                StayEvent.ExitWithoutEntry.class, "EntryWithoutExit", StayEvent.EntryWithoutExit.class);
        List<StayEvent> events = new ArrayList<>();
        List<Crossing> late = new ArrayList<>();
        List<String> malformed = new ArrayList<>();
        // Committed outputs only: what a consumer of the exactly-once sink reads.
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(outputTopic).stream().map(p -> new TopicPartition(outputTopic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            // The end offsets count the transactions' commit markers too: read until every partition's position reaches its end.
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    ObjectNode node = (ObjectNode) StreamOutputRecords.JSON.readTree(record.value());
                    String kind = node.remove("kind").asText();
                    String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
                    switch (kind) {
                        case "LateCrossing" -> late.add(StreamOutputRecords.JSON.treeToValue(node, Crossing.class));
                        case "MalformedCrossing" -> malformed.add(node.get("problem").asText());
                        default -> {
                            StayEvent event = StreamOutputRecords.JSON.treeToValue(node, kinds.get(kind));
                            assertThat(key).as("the key of %s", event).isEqualTo(event.traveller());
                            events.add(event);
                        }
                    }
                }
            }
        }
        assertThat(events).as("seed %d: the stay events on the output topic", seed)
                .containsExactlyInAnyOrderElementsOf(streamed.stream().filter(o -> o.event() != null).map(StreamOutput::event).toList());
        assertThat(late).as("seed %d: the late crossings on the output topic", seed)
                .containsExactlyInAnyOrderElementsOf(streamed.stream().filter(o -> o.late() != null).map(StreamOutput::late).toList());
        assertThat(malformed).as("the malformed messages on the output topic").hasSize((int) streamed.stream().filter(o -> o.malformed() != null).count());
    }

    /** Produces the crossings in order of arrival, the malformed messages spread among them; returns those by offset. */
    private static Map<Long, Bad> produce(List<Crossing> arrivals, long seed) throws Exception {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        Map<Long, Bad> badAt = new LinkedHashMap<>();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(properties, new ByteArraySerializer(), new ByteArraySerializer())) {
            int every = arrivals.size() / (BAD.size() + 1);
            List<java.util.concurrent.Future<RecordMetadata>> sent = new ArrayList<>();
            for (int i = 0; i < arrivals.size(); i++) {
                Crossing crossing = arrivals.get(i);
                sent.add(producer.send(new ProducerRecord<>(TOPIC, crossing.traveller().getBytes(StandardCharsets.UTF_8),
                        CrossingRecords.write(crossing).getBytes(StandardCharsets.UTF_8))));
                int b = i / every;
                if (i % every == every - 1 && b < BAD.size()) {
                    RecordMetadata metadata = producer.send(new ProducerRecord<>(TOPIC, null, BAD.get(b).value())).get(30, TimeUnit.SECONDS);
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
