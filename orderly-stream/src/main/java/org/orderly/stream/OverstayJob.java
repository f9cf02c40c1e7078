package org.orderly.stream;

import java.time.Duration;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.orderly.border.crossing.Crossing;

/**
 * The overstay job: crossings, timestamped by their time and admitted with a bounded lateness, keyed by traveller and
 * run through {@link OverstayFunction}; out come the same stay decisions, overstay alerts, clearances and unmatched
 * crossings as the embedded ledger gives, plus the crossings that came too late.
 */
public final class OverstayJob {
    private OverstayJob() {
    }

    public static DataStream<StreamOutput> build(DataStream<Crossing> crossings, Duration lateness) {
        WatermarkStrategy<Crossing> strategy = WatermarkStrategy.<Crossing>forGenerator(context -> new PerEventWatermarks(lateness.toMillis()))
                .withTimestampAssigner((crossing, previous) -> crossing.at().toEpochMilli());
        // Watermarks made where the crossings come in, with their parallelism: one generator per input, in arrival order.
        return crossings.assignTimestampsAndWatermarks(strategy).setParallelism(crossings.getParallelism())
                .keyBy(Crossing::traveller)
                .process(new OverstayFunction())
                .name("overstays");
    }
}
