package org.orderly.stream;

import java.time.Duration;
import java.util.Objects;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

/**
 * Where the overstay job reads crossings in production: a Kafka topic ({@code topic}) at {@code bootstrapServers}, read
 * as consumer group {@code groupId} from its committed offsets (from the start when it has none). {@code bounded} ({@link #readToTheEnd}): stop
 * at the offsets that are the latest when the job starts (a replay of what the topic holds; tests and back-fills);
 * otherwise read on for ever. {@code idleness}: a partition that sends nothing for so long no longer holds the other
 * partitions' event time back (null: never). {@code readers}: the source's parallelism, at most the topic's partitions.
 */
public record CrossingTopic(
        String bootstrapServers, String topic, String groupId, boolean bounded, Duration idleness, int readers) {

    public CrossingTopic {
        if (bootstrapServers == null || bootstrapServers.isBlank())
            throw new IllegalArgumentException("the crossings topic needs its bootstrap servers (host:port,…)");
        if (topic == null || topic.isBlank()) throw new IllegalArgumentException("the crossings topic needs its name");
        if (groupId == null || groupId.isBlank())
            throw new IllegalArgumentException("the crossings topic needs a consumer group id");
        if (idleness != null && (idleness.isNegative() || idleness.isZero()))
            throw new IllegalArgumentException("idleness must be positive, not " + idleness);
        if (readers < 1)
            throw new IllegalArgumentException("the crossings topic needs at least one reader, not " + readers);
    }

    /** Read on for ever, as consumer group {@code orderly-overstays}, with one reader, partitions idle after a minute. */
    public static CrossingTopic of(String bootstrapServers, String topic) {
        return new CrossingTopic(bootstrapServers, topic, "orderly-overstays", false, Duration.ofMinutes(1), 1);
    }

    /** The same topic read up to the offsets that are the latest when the job starts, then the job ends. */
    public CrossingTopic readToTheEnd() {
        return new CrossingTopic(bootstrapServers, topic, groupId, true, idleness, readers);
    }

    // The connector's committedOffsets takes only Kafka's OffsetResetStrategy, which Kafka 4 deprecates for an internal
    // class.
    @SuppressWarnings("deprecation")
    KafkaSource<CrossingMessage> source() {
        KafkaSourceBuilder<CrossingMessage> builder = KafkaSource.<CrossingMessage>builder()
                .setBootstrapServers(bootstrapServers)
                .setTopics(Objects.requireNonNull(topic))
                .setGroupId(groupId)
                .setStartingOffsets(OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
                .setDeserializer(new CrossingMessages());
        if (bounded) builder.setBounded(OffsetsInitializer.latest());
        return builder.build();
    }
}
