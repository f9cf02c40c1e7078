package org.orderly.stream;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.orderly.border.crossing.Crossing;
import org.orderly.border.crossing.OverstayWatch;
import org.orderly.border.crossing.StayAreas;
import org.orderly.border.crossing.StayEvent;
import org.orderly.border.crossing.TravellerStays;

/**
 * The traveller's state machine ({@link OverstayWatch}) as keyed state: crossings are held until the watermark passes
 * their time and then applied in event-time order (ties in arrival order); an event-time timer at the start of the
 * first day past the last legal day raises the overstay alert. Crossings judged late where they were read (and any
 * behind the watermark on arrival) come out as late, messages that are not crossings as malformed: every output of the
 * job leaves here.
 */
final class OverstayFunction extends KeyedProcessFunction<String, Arrival, StreamOutput> {
    @java.io.Serial
    private static final long serialVersionUID = 1L;

    private transient ValueState<TravellerStays> stays;
    private transient MapState<Long, List<Crossing>> pending;

    @Override
    public void open(OpenContext context) {
        // Flink's own serializers, field by field (RecordTypes): never Kryo, and state written before a class gains a
        // field restores.
        stays = getRuntimeContext().getState(new ValueStateDescriptor<>("stays", RecordTypes.of(TravellerStays.class)));
        pending = getRuntimeContext()
                .getMapState(
                        new MapStateDescriptor<>("pending", Types.LONG, Types.LIST(RecordTypes.of(Crossing.class))));
    }

    @Override
    public void processElement(Arrival arrival, Context context, Collector<StreamOutput> out) throws Exception {
        if (arrival.crossing() == null) {
            out.collect(StreamOutput.malformed(arrival.malformed()));
            return;
        }
        Crossing crossing = arrival.crossing();
        long at = crossing.at().toEpochMilli();
        if (arrival.late() || at <= context.timerService().currentWatermark()) {
            out.collect(StreamOutput.late(crossing));
            return;
        }
        // The list in state is never changed in place (RocksDB would not see it): a crossing joining others replaces
        // it.
        List<Crossing> waiting = pending.get(at);
        List<Crossing> next;
        if (waiting == null) {
            next = List.of(crossing);
        } else {
            next = new ArrayList<>(waiting);
            next.add(crossing);
        }
        pending.put(at, next);
        context.timerService().registerEventTimeTimer(at);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext context, Collector<StreamOutput> out) throws Exception {
        TravellerStays before = stays.value();
        TravellerStays state = before == null ? TravellerStays.NONE : before;
        List<Crossing> due = pending.get(timestamp);
        if (due != null) {
            pending.remove(timestamp);
            for (Crossing crossing : due) {
                Instant alertBefore = alertDue(state);
                OverstayWatch.Step step = OverstayWatch.onCrossing(state, crossing);
                state = emit(step, out);
                if (alertBefore != null && !alertBefore.equals(step.due()))
                    forget(alertBefore.toEpochMilli(), timestamp, context);
                if (step.due() != null)
                    context.timerService().registerEventTimeTimer(step.due().toEpochMilli());
            }
        }
        // The traveller is cut from the key only when an alert falls due (OverstayWatch.onTime changes nothing
        // otherwise).
        Instant alert = alertDue(state);
        if (alert != null && alert.toEpochMilli() <= timestamp) {
            state = emit(
                    OverstayWatch.onTime(
                            state, StayAreas.traveller(context.getCurrentKey()), Instant.ofEpochMilli(timestamp)),
                    out);
        }
        if (state != before) stays.update(state);
    }

    private static Instant alertDue(TravellerStays state) {
        return new OverstayWatch.Step(state, List.of()).due();
    }

    /**
     * The alert timer of a stay that ended or was replaced before its alert fell due would fire for nothing later; it
     * is deleted, unless a crossing waits for the same instant (timers of a key are one per instant).
     */
    private void forget(long alertAt, long now, OnTimerContext context) throws Exception {
        if (alertAt > now && !pending.contains(alertAt)) context.timerService().deleteEventTimeTimer(alertAt);
    }

    private static TravellerStays emit(OverstayWatch.Step step, Collector<StreamOutput> out) {
        for (StayEvent event : step.events()) out.collect(StreamOutput.of(event));
        return step.state();
    }
}
