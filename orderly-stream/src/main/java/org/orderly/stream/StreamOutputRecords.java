package org.orderly.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.charset.StandardCharsets;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.orderly.border.crossing.StayEvent;

/**
 * The job's outputs as Kafka messages on one topic: the value is one JSON object whose {@code kind} says what it is
 * ({@code StayDecision}, {@code OverstayRaised}, {@code OverstayCleared}, {@code ExitWithoutEntry},
 * {@code EntryWithoutExit}, {@code LateCrossing}, {@code MalformedCrossing}) followed by that record's fields, instants
 * and dates in ISO-8601; the key is the traveller (none for a malformed message), so one traveller's outputs keep their
 * order in one partition.
 */
final class StreamOutputRecords implements KafkaRecordSerializationSchema<StreamOutput> {
    private static final long serialVersionUID = 1L;
    static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final String topic;

    StreamOutputRecords(String topic) {
        this.topic = topic;
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(StreamOutput output, KafkaSinkContext context, Long timestamp) {
        String traveller;
        String kind;
        Object value;
        if (output.event() != null) {
            StayEvent event = output.event();
            traveller = event.traveller();
            kind = event.getClass().getSimpleName();
            value = event;
        } else if (output.late() != null) {
            traveller = output.late().traveller();
            kind = "LateCrossing";
            value = output.late();
        } else {
            traveller = null;
            kind = "MalformedCrossing";
            value = output.malformed();
        }
        ObjectNode node = JSON.createObjectNode().put("kind", kind);
        node.setAll((ObjectNode) JSON.valueToTree(value));
        try {
            return new ProducerRecord<>(
                    topic,
                    traveller == null ? null : traveller.getBytes(StandardCharsets.UTF_8),
                    JSON.writeValueAsBytes(node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a " + kind + " cannot be written as JSON: " + e.getMessage(), e);
        }
    }
}
