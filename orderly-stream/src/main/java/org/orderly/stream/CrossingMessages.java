package org.orderly.stream;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.metrics.Counter;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.orderly.border.crossing.CrossingIntake;
import org.orderly.border.crossing.CrossingRecords;
import org.orderly.csv.CsvException;

/**
 * Reads the crossings topic: each message's value is one crossing as one CSV record in UTF-8, without a header, its
 * fields in the order of {@link CrossingRecords#ORDER} (the columns of {@code ./orderly crossings import}); the key is
 * not read. It is taken in as the API's and a file's crossings are ({@link CrossingIntake}, over the registry of
 * Orderly's reference data: its states, and its rulebook for an entry sent without its stay rule). A message that is not such a record becomes a {@link MalformedCrossing} naming topic, partition, offset,
 * column and what is wrong, and is counted in the metric {@code malformedCrossings}.
 */
final class CrossingMessages implements KafkaRecordDeserializationSchema<CrossingMessage> {
    private static final long serialVersionUID = 1L;
    private transient Counter malformedCount;

    @Override
    public void open(DeserializationSchema.InitializationContext context) {
        malformedCount = context.getMetricGroup().counter("malformedCrossings");
    }

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<CrossingMessage> out) {
        out.collect(read(record.topic(), record.partition(), record.offset(), record.value()));
    }

    CrossingMessage read(String topic, int partition, long offset, byte[] value) {
        if (value == null)
            return malformed(new MalformedCrossing(
                    topic, partition, offset, 0, null, "the message has no value (a tombstone)", null));
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(value))
                    .toString();
        } catch (CharacterCodingException e) {
            return malformed(
                    new MalformedCrossing(topic, partition, offset, 0, null, "the message is not UTF-8 text", null));
        }
        try {
            return CrossingMessage.of(
                    partition,
                    CrossingRecords.read(
                            MalformedCrossing.where(topic, partition, offset), text, CrossingIntake.reference()));
        } catch (CsvException e) {
            return malformed(new MalformedCrossing(topic, partition, offset, e.column(), e.field(), e.problem(), text));
        } catch (RuntimeException e) {
            // Whatever else a message can provoke is reported with it; it never stops the job.
            return malformed(
                    new MalformedCrossing(topic, partition, offset, 0, null, String.valueOf(e.getMessage()), text));
        }
    }

    private CrossingMessage malformed(MalformedCrossing malformed) {
        if (malformedCount != null) malformedCount.inc();
        return CrossingMessage.malformed(malformed);
    }

    @Override
    public TypeInformation<CrossingMessage> getProducedType() {
        return RecordTypes.of(CrossingMessage.class);
    }
}
