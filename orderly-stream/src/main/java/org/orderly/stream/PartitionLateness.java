package org.orderly.stream;

import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Where a crossing is judged in time or late, as it is read: by {@link Lateness}'s rule applied to its own partition's
 * order of arrival (late: at or behind the greatest time read before it in that partition, less the lateness allowed,
 * less one millisecond). The verdict thus depends only on each partition's content, never on how the readers
 * interleave the partitions, nor on a restart: each partition's greatest time is kept in checkpointed state (every
 * reader restores every partition's, so a partition read by another reader after a restart keeps its history).
 * Every message goes on as an {@link Arrival}: a crossing in time, a late crossing or a malformed message (the last two
 * reported by the overstays, never dropped).
 */
final class PartitionLateness extends ProcessFunction<CrossingMessage, Arrival> implements CheckpointedFunction {
    @java.io.Serial
    private static final long serialVersionUID = 1L;

    private final long latenessMillis;
    /** Per partition, the greatest time read: held in an array of one, so that a crossing further on boxes nothing. */
    private transient Map<Integer, long[]> greatest;

    private transient ListState<long[]> checkpointed;
    /** The partition of a stream that is not a topic (a file, a generator): one per reader, its subtask. */
    private transient int unpartitioned;

    PartitionLateness(long latenessMillis) {
        this.latenessMillis = latenessMillis;
    }

    @Override
    public void open(OpenContext context) {
        unpartitioned = -1 - getRuntimeContext().getTaskInfo().getIndexOfThisSubtask();
    }

    @Override
    public void processElement(CrossingMessage message, Context context, Collector<Arrival> out) {
        if (message.crossing() == null) {
            out.collect(Arrival.malformed(message.malformed()));
            return;
        }
        int partition = message.partition() >= 0 ? message.partition() : unpartitioned;
        long at = message.crossing().at().toEpochMilli();
        long[] before = greatest.get(partition);
        if (before == null) {
            greatest.put(partition, new long[] {at});
        } else if (at <= before[0] - latenessMillis - 1) {
            out.collect(Arrival.late(message.crossing()));
            return;
        } else if (at > before[0]) {
            before[0] = at;
        }
        out.collect(Arrival.inTime(message.crossing()));
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) throws Exception {
        checkpointed.clear();
        for (Map.Entry<Integer, long[]> entry : greatest.entrySet())
            checkpointed.add(new long[] {entry.getKey(), entry.getValue()[0]});
    }

    @Override
    public void initializeState(FunctionInitializationContext context) throws Exception {
        checkpointed = context.getOperatorStateStore()
                .getUnionListState(new ListStateDescriptor<>(
                        "greatest time read per partition", PrimitiveArrayTypeInfo.LONG_PRIMITIVE_ARRAY_TYPE_INFO));
        greatest = new HashMap<>();
        if (context.isRestored()) {
            for (long[] pair : checkpointed.get()) {
                long[] before = greatest.get((int) pair[0]);
                if (before == null) greatest.put((int) pair[0], new long[] {pair[1]});
                else before[0] = Math.max(before[0], pair[1]);
            }
        }
    }
}
