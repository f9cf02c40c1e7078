package org.orderly.stream;

import java.time.Duration;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.DataStreamSink;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.orderly.border.crossing.Crossing;
import org.orderly.border.crossing.StayAreas;

/**
 * The overstay job: crossings, timestamped by their time and admitted with a bounded lateness, keyed by stay area and traveller and
 * run through {@link OverstayFunction}; out come the same stay decisions, overstay alerts, clearances and unmatched
 * crossings as the embedded ledger gives, plus the crossings that came too late and, read from Kafka, the messages
 * that are not crossings.
 */
public final class OverstayJob {
    private static final OutputTag<StreamOutput> MALFORMED = new OutputTag<>("malformed crossings") { };

    private OverstayJob() {
    }

    /** The job on crossings from any source (a file, a generator, a collection), in their order of arrival; each state its own stays. */
    public static DataStream<StreamOutput> build(DataStream<Crossing> crossings, Duration lateness) {
        return build(crossings, lateness, StayAreas.NONE);
    }

    /** The same, with the stay areas (common frontiers) of a registry: only exits of the same area end a stay. */
    public static DataStream<StreamOutput> build(DataStream<Crossing> crossings, Duration lateness, StayAreas areas) {
        WatermarkStrategy<Crossing> strategy = WatermarkStrategy.<Crossing>forGenerator(context -> new PerEventWatermarks<>(lateness.toMillis()))
                .withTimestampAssigner((crossing, previous) -> crossing.at().toEpochMilli());
        // Watermarks made where the crossings come in, with their parallelism: one generator per input, in arrival order.
        return overstays(crossings.assignTimestampsAndWatermarks(strategy).setParallelism(crossings.getParallelism()), areas);
    }

    /**
     * The job in production: crossings read from a Kafka topic through Flink's Kafka connector (one CSV record per
     * message, {@link CrossingMessages}), watermarks made per partition as each message is read; malformed messages
     * come out as {@link StreamOutput#malformed} beside the stay events.
     */
    public static DataStream<StreamOutput> fromKafka(StreamExecutionEnvironment env, CrossingTopic topic, Duration lateness) {
        return fromKafka(env, topic, lateness, StayAreas.NONE);
    }

    /** The same, with the stay areas (common frontiers) of a registry. */
    public static DataStream<StreamOutput> fromKafka(StreamExecutionEnvironment env, CrossingTopic topic, Duration lateness, StayAreas areas) {
        WatermarkStrategy<CrossingMessage> strategy = WatermarkStrategy.<CrossingMessage>forGenerator(context -> new PerEventWatermarks<>(lateness.toMillis()))
                .withTimestampAssigner((message, kafkaTime) -> message.crossing() == null ? Long.MIN_VALUE : message.crossing().at().toEpochMilli());
        if (topic.idleness() != null) strategy = strategy.withIdleness(topic.idleness());
        SingleOutputStreamOperator<Crossing> crossings = env.fromSource(topic.source(), strategy, "crossings from Kafka topic " + topic.topic())
                .setParallelism(topic.readers())
                .process(new SplitMalformed()).setParallelism(topic.readers()).name("malformed crossings aside");
        return overstays(crossings, areas).union(crossings.getSideOutput(MALFORMED));
    }

    /**
     * Writes the job's outputs to a Kafka topic, one JSON object per message ({@link StreamOutputRecords}), at least once
     * (flushed at each checkpoint and at the end of a bounded run).
     */
    public static DataStreamSink<StreamOutput> toKafka(DataStream<StreamOutput> outputs, String bootstrapServers, String topic) {
        KafkaSink<StreamOutput> sink = KafkaSink.<StreamOutput>builder()
                .setBootstrapServers(bootstrapServers)
                .setRecordSerializer(new StreamOutputRecords(topic))
                .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                .build();
        return outputs.sinkTo(sink).name("outputs to Kafka topic " + topic);
    }

    /** Keyed by stay area and traveller, as the ledger replays: one state's exit never ends another state's stay. */
    private static DataStream<StreamOutput> overstays(DataStream<Crossing> timestamped, StayAreas areas) {
        return timestamped.keyBy(areas::stayKey).process(new OverstayFunction()).name("overstays");
    }

    /** Crossings go on; malformed messages go aside as output, with the place and the problem. */
    private static final class SplitMalformed extends ProcessFunction<CrossingMessage, Crossing> {
        @Override
        public void processElement(CrossingMessage message, Context context, Collector<Crossing> out) {
            if (message.crossing() != null) out.collect(message.crossing());
            else context.output(MALFORMED, StreamOutput.malformed(message.malformed()));
        }
    }
}
