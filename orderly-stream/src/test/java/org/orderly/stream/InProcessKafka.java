package org.orderly.stream;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.server.common.MetadataVersion;
import org.orderly.border.crossing.Crossing;
import org.orderly.border.crossing.CrossingRecords;
import org.orderly.border.crossing.StayEvent;

/**
 * A real Kafka broker started in this process in KRaft mode (one combined broker and controller on localhost), with
 * transactions for the exactly-once sink; reachable from other processes on this machine too.
 */
final class InProcessKafka implements AutoCloseable {
    private final KafkaClusterTestKit kafka;

    private InProcessKafka(KafkaClusterTestKit kafka) {
        this.kafka = kafka;
    }

    static InProcessKafka start() throws Exception {
        // The metadata version of a released broker, not the test kit's default (the newest, unreleased one).
        TestKitNodes nodes = new TestKitNodes.Builder()
                .setBootstrapMetadataVersion(MetadataVersion.latestProduction())
                .setCombined(true)
                .setNumBrokerNodes(1)
                .setNumControllerNodes(1)
                .build();
        KafkaClusterTestKit kafka = new KafkaClusterTestKit.Builder(nodes)
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
        return new InProcessKafka(kafka);
    }

    String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** Creates topics, each with its number of partitions. */
    void createTopics(Map<String, Integer> partitions) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers()))) {
            List<NewTopic> topics = partitions.entrySet().stream()
                    .map(e -> new NewTopic(e.getKey(), e.getValue(), (short) 1))
                    .toList();
            admin.createTopics(topics).all().get(30, TimeUnit.SECONDS);
            // Until the broker itself knows every partition's leader, a producer's first batch can be refused
            // (NOT_LEADER_OR_FOLLOWER), and the idempotent producer then sees its next batches out of sequence for
            // good.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!admin
                    .describeTopics(partitions.keySet())
                    .allTopicNames()
                    .get(30, TimeUnit.SECONDS)
                    .values()
                    .stream()
                    .allMatch(topic -> topic.partitions().stream()
                            .allMatch(p -> p.leader() != null && p.leader().id() >= 0))) {
                if (System.nanoTime() > deadline)
                    throw new IllegalStateException(
                            "the partitions of " + partitions.keySet() + " have no leader after a minute");
                Thread.sleep(100);
            }
        }
    }

    /** The outputs a consumer reading with {@code read_committed} finds on the output topic, by kind; and the messages keyed by another than their traveller. */
    record Outputs(List<StayEvent> events, List<Crossing> late, List<String> malformed, List<String> wronglyKeyed) {}

    /** Every committed output on {@code topic} up to its last stable offset, parsed back from JSON. */
    Outputs committedOutputs(String topic) throws Exception {
        Map<String, Class<? extends StayEvent>> kinds = Map.of(
                "StayDecision",
                StayEvent.StayDecision.class,
                "OverstayRaised",
                StayEvent.OverstayRaised.class,
                "OverstayCleared",
                StayEvent.OverstayCleared.class,
                "ExitWithoutEntry",
                StayEvent.ExitWithoutEntry.class,
                "EntryWithoutExit",
                StayEvent.EntryWithoutExit.class);
        Outputs outputs = new Outputs(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers(),
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        "read_committed"),
                new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            // The end offsets count the transactions' commit markers too: read until every partition's position reaches
            // its end.
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline)
                    throw new IllegalStateException(
                            "the committed outputs on " + topic + " were not read within a minute");
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    ObjectNode node = (ObjectNode) StreamOutputRecords.JSON.readTree(record.value());
                    String kind = node.remove("kind").asText();
                    String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
                    switch (kind) {
                        case "LateCrossing" ->
                            outputs.late().add(StreamOutputRecords.JSON.treeToValue(node, Crossing.class));
                        case "MalformedCrossing" ->
                            outputs.malformed().add(node.get("problem").asText());
                        default -> {
                            StayEvent event = StreamOutputRecords.JSON.treeToValue(node, kinds.get(kind));
                            if (!event.traveller().equals(key))
                                outputs.wronglyKeyed().add(key + ": " + event);
                            outputs.events().add(event);
                        }
                    }
                }
            }
        }
        return outputs;
    }

    /** Whether the consumer group has committed, on every partition of {@code topic}, the offset at its end: it has read all. */
    boolean groupReadAll(String group, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers()));
                KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
                        Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()),
                        new ByteArrayDeserializer(),
                        new ByteArrayDeserializer())) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata()
                    .get(30, TimeUnit.SECONDS);
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            return partitions.stream()
                    .allMatch(p -> committed.get(p) != null && committed.get(p).offset() >= end.get(p));
        }
    }

    /** Produces the crossings keyed by traveller (Kafka's default partitioner), in order; returns each partition's crossings in offset order. */
    Map<Integer, List<Crossing>> produceByTraveller(String topic, List<Crossing> arrivals) throws Exception {
        Map<Integer, List<Crossing>> byPartition = new TreeMap<>();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers(),
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.LINGER_MS_CONFIG,
                        5,
                        // One batch in flight: a refused batch is retried before any after it is sent, never out of
                        // sequence.
                        ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION,
                        1),
                new ByteArraySerializer(),
                new ByteArraySerializer())) {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (Crossing crossing : arrivals) {
                sent.add(producer.send(new ProducerRecord<>(
                        topic,
                        crossing.traveller().getBytes(StandardCharsets.UTF_8),
                        CrossingRecords.write(crossing).getBytes(StandardCharsets.UTF_8))));
            }
            producer.flush();
            Map<Integer, TreeMap<Long, Crossing>> byOffset = new TreeMap<>();
            for (int i = 0; i < arrivals.size(); i++) {
                RecordMetadata metadata = sent.get(i).get(30, TimeUnit.SECONDS);
                byOffset.computeIfAbsent(metadata.partition(), p -> new TreeMap<>())
                        .put(metadata.offset(), arrivals.get(i));
            }
            byOffset.forEach((partition, crossingsByOffset) ->
                    byPartition.put(partition, new ArrayList<>(crossingsByOffset.values())));
        }
        return byPartition;
    }

    @Override
    public void close() throws Exception {
        kafka.close();
    }
}
