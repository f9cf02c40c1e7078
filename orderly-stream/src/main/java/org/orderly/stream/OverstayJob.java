package org.orderly.stream;

import java.time.Duration;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.DataStreamSink;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.orderly.border.crossing.Crossing;
import org.orderly.border.crossing.StayAreas;
import org.orderly.regime.reference.ReferenceData;

/**
 * The overstay job: crossings, timestamped by their time and admitted with a bounded lateness, keyed by stay area and traveller and
 * run through {@link OverstayFunction}; out come the same stay decisions, overstay alerts, clearances and unmatched
 * crossings as the embedded ledger gives, plus the crossings that came too late and, read from Kafka, the messages
 * that are not crossings.
 */
public final class OverstayJob {

    private OverstayJob() {}

    /**
     * The job on a cluster ({@code flink run orderly-overstay-job.jar …}, or the cluster's REST API): crossings from a
     * Kafka topic, every output to another exactly once, stays keyed by the stay areas of Orderly's reference data
     * (Schengen with each state's dates), state in RocksDB checkpointed to {@code --checkpoints}.
     * The arguments: {@link OverstayJobArguments}.
     */
    public static void main(String[] args) throws Exception {
        OverstayJobArguments arguments;
        try {
            arguments = OverstayJobArguments.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("orderly overstay job: " + e.getMessage());
            throw e;
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(configuration(arguments));
        if (arguments.parallelism() != null) env.setParallelism(arguments.parallelism());
        StayAreas areas = StayAreas.of(ReferenceData.load());
        DataStream<StreamOutput> outputs =
                fromKafka(env, arguments.topic(env.getParallelism()), arguments.lateness(), areas);
        toKafka(outputs, arguments.bootstrapServers(), arguments.outputsTopic(), arguments.group());
        env.execute("orderly overstays: " + arguments.crossingsTopic() + " to " + arguments.outputsTopic());
    }

    /** What the job needs of Flink wherever it runs ({@link #configure}), and on a cluster its checkpoints and state backend. */
    static Configuration configuration(OverstayJobArguments arguments) {
        Configuration configuration = configure(new Configuration());
        configuration.set(StateBackendOptions.STATE_BACKEND, arguments.stateBackend());
        configuration.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
        configuration.set(
                CheckpointingOptions.CHECKPOINTS_DIRECTORY,
                arguments.checkpoints().toString());
        configuration.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, arguments.checkpointInterval());
        configuration.set(CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE, CheckpointingMode.EXACTLY_ONCE);
        // A cancelled job keeps its last checkpoint, so that it can be started again from it (flink run -s …).
        configuration.set(
                CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
                ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        return configuration;
    }

    /**
     * What the job needs of Flink on a mini cluster and a cluster alike: no type left to Kryo (generic types off, so a
     * type without a serializer of Flink's own fails the job at its start, not its state at the next change of a
     * class), and object reuse (the job passes immutable records and keeps no reference it changes, so chained
     * operators may hand them on without a serializer copy at every step).
     */
    public static Configuration configure(Configuration configuration) {
        configuration.set(PipelineOptions.GENERIC_TYPES, false);
        configuration.set(PipelineOptions.OBJECT_REUSE, true);
        return configuration;
    }

    /** The job on crossings from any source (a file, a generator, a collection), in their order of arrival; each state its own stays. */
    public static DataStream<StreamOutput> build(DataStream<Crossing> crossings, Duration lateness) {
        return build(crossings, lateness, StayAreas.NONE);
    }

    /**
     * The same, with the stay areas (common frontiers) of a registry: only exits of the same area end a stay. Each
     * reader of {@code crossings} (each of its parallel instances) is one partition for {@link PartitionLateness}.
     */
    public static DataStream<StreamOutput> build(DataStream<Crossing> crossings, Duration lateness, StayAreas areas) {
        WatermarkStrategy<Crossing> strategy = WatermarkStrategy.<Crossing>forBoundedOutOfOrderness(lateness)
                .withTimestampAssigner((crossing, previous) -> crossing.at().toEpochMilli());
        // Watermarks made where the crossings come in, with their parallelism: one generator per input.
        int readers = crossings.getParallelism();
        SingleOutputStreamOperator<Arrival> arrivals = crossings
                .assignTimestampsAndWatermarks(strategy)
                .setParallelism(readers)
                .map(CrossingMessage::unpartitioned)
                .returns(RecordTypes.of(CrossingMessage.class))
                .setParallelism(readers)
                .name("crossings as messages")
                .process(new PartitionLateness(lateness.toMillis()))
                .returns(Arrival.TYPE)
                .setParallelism(readers)
                .name("late crossings marked");
        return overstays(arrivals, areas);
    }

    /**
     * The job in production: crossings read from a Kafka topic through Flink's Kafka connector (one CSV record per
     * message, {@link CrossingMessages}), watermarks made per partition as each message is read; malformed messages
     * come out as {@link StreamOutput#malformed} beside the stay events.
     */
    public static DataStream<StreamOutput> fromKafka(
            StreamExecutionEnvironment env, CrossingTopic topic, Duration lateness) {
        return fromKafka(env, topic, lateness, StayAreas.NONE);
    }

    /** The same, with the stay areas (common frontiers) of a registry. */
    public static DataStream<StreamOutput> fromKafka(
            StreamExecutionEnvironment env, CrossingTopic topic, Duration lateness, StayAreas areas) {
        WatermarkStrategy<CrossingMessage> strategy = WatermarkStrategy.<CrossingMessage>forBoundedOutOfOrderness(
                        lateness)
                .withTimestampAssigner((message, kafkaTime) -> message.crossing() == null
                        ? Long.MIN_VALUE
                        : message.crossing().at().toEpochMilli());
        if (topic.idleness() != null) strategy = strategy.withIdleness(topic.idleness());
        SingleOutputStreamOperator<Arrival> arrivals = env.fromSource(
                        topic.source(), strategy, "crossings from Kafka topic " + topic.topic())
                .setParallelism(topic.readers())
                .uid("crossings from Kafka")
                .process(new PartitionLateness(lateness.toMillis()))
                .returns(Arrival.TYPE)
                .setParallelism(topic.readers())
                .name("late and malformed crossings marked")
                .uid("lateness per partition");
        return overstays(arrivals, areas);
    }

    /**
     * Writes the job's outputs to a Kafka topic, one JSON object per message ({@link StreamOutputRecords}), exactly once:
     * each checkpoint's outputs are one Kafka transaction, committed when the checkpoint completes, so a consumer that
     * reads with {@code isolation.level=read_committed} sees every output once, across failures and restarts, and
     * sees them only after the checkpoint that covers them (the job needs checkpointing on). The transactions are named
     * after {@code transactionalIdPrefix}, which must be unique to this job on the cluster of brokers: after a
     * failure the job aborts the transactions it left open under that prefix.
     */
    public static DataStreamSink<StreamOutput> toKafka(
            DataStream<StreamOutput> outputs, String bootstrapServers, String topic, String transactionalIdPrefix) {
        KafkaSink<StreamOutput> sink = KafkaSink.<StreamOutput>builder()
                .setBootstrapServers(bootstrapServers)
                .setRecordSerializer(new StreamOutputRecords(topic))
                .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
                .setTransactionalIdPrefix(transactionalIdPrefix)
                // A broker refuses transactions longer than its transaction.max.timeout.ms (15 minutes by default); the
                // connector's default (an hour) would be refused. A checkpoint must complete within it.
                .setProperty(
                        "transaction.timeout.ms",
                        String.valueOf(Duration.ofMinutes(15).toMillis()))
                .build();
        return outputs.sinkTo(sink).name("outputs to Kafka topic " + topic).uid("outputs to Kafka");
    }

    /**
     * Keyed by stay area and traveller, as the ledger replays: one state's exit never ends another state's stay. Every
     * output leaves here (late and malformed messages too, {@link Arrival}), so a sink or map of the same parallelism is
     * chained to it and the outputs are not serialised a second time.
     */
    private static DataStream<StreamOutput> overstays(DataStream<Arrival> arrivals, StayAreas areas) {
        return arrivals.keyBy(new StayKey(areas))
                .process(new OverstayFunction())
                .returns(RecordTypes.of(StreamOutput.class))
                .name("overstays")
                .uid("overstays");
    }

    /** An arrival's stay key ({@link StayAreas#stayKey}); a malformed message, which has none, the empty key. */
    private record StayKey(StayAreas areas) implements KeySelector<Arrival, String> {
        @java.io.Serial
        private static final long serialVersionUID = 1L;

        @Override
        public String getKey(Arrival arrival) {
            return arrival.crossing() == null ? "" : areas.stayKey(arrival.crossing());
        }
    }
}
