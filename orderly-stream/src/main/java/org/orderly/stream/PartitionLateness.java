package org.orderly.stream;

import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.orderly.border.crossing.Crossing;

/**
 * Where a crossing is judged in time or late, as it is read: by {@link Lateness}'s rule applied to its own partition's
 * order of arrival (late: at or behind the greatest time read before it in that partition, less the lateness allowed,
 * less one millisecond). The verdict thus depends only on each partition's content, never on how the readers
 * interleave the partitions, nor on a restart: each partition's greatest time is kept in checkpointed state (every
 * reader restores every partition's, so a partition read by another reader after a restart keeps its history).
 * Crossings in time go on; late crossings and malformed messages go aside as {@link StreamOutput}s, never dropped.
 */
final class PartitionLateness extends ProcessFunction<CrossingMessage, Crossing> implements CheckpointedFunction {
    @java.io.Serial
    private static final long serialVersionUID = 1L;

    private final long latenessMillis;
    private final OutputTag<StreamOutput> reported;
    private transient Map<Integer, Long> greatest;
    private transient ListState<long[]> checkpointed;

    PartitionLateness(long latenessMillis, OutputTag<StreamOutput> reported) {
        this.latenessMillis = latenessMillis;
        this.reported = reported;
    }

    @Override
    public void processElement(CrossingMessage message, Context context, Collector<Crossing> out) {
        if (message.crossing() == null) {
            context.output(reported, StreamOutput.malformed(message.malformed()));
            return;
        }
        // A stream that is not a topic (a file, a generator) is one partition per reader: its subtask.
        int partition = message.partition() >= 0 ? message.partition() : -1 - getRuntimeContext().getTaskInfo().getIndexOfThisSubtask();
        long at = message.crossing().at().toEpochMilli();
        Long before = greatest.get(partition);
        if (before != null && at <= before - latenessMillis - 1) {
            context.output(reported, StreamOutput.late(message.crossing()));
            return;
        }
        if (before == null || at > before) greatest.put(partition, at);
        out.collect(message.crossing());
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) throws Exception {
        checkpointed.clear();
        for (Map.Entry<Integer, Long> entry : greatest.entrySet()) checkpointed.add(new long[]{entry.getKey(), entry.getValue()});
    }

    @Override
    public void initializeState(FunctionInitializationContext context) throws Exception {
        checkpointed = context.getOperatorStateStore().getUnionListState(
                new ListStateDescriptor<>("greatest time read per partition", PrimitiveArrayTypeInfo.LONG_PRIMITIVE_ARRAY_TYPE_INFO));
        greatest = new HashMap<>();
        if (context.isRestored()) {
            for (long[] pair : checkpointed.get()) greatest.merge((int) pair[0], pair[1], Math::max);
        }
    }
}
