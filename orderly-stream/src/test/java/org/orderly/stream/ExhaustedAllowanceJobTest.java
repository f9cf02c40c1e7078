package org.orderly.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.orderly.border.crossing.Crossing;
import org.orderly.border.crossing.OverstayWatch;
import org.orderly.border.crossing.StayEvent;

/**
 * A traveller who used all 90 days of a 90/180 allowance and comes back within the window may stay no day: the alert
 * falls due at the entry itself (not at a day's start), here at an instant with nanoseconds that a timer in
 * milliseconds would round down. The job raises it at once, as the embedded replay does, and clears it at the exit.
 */
class ExhaustedAllowanceJobTest {
    private static Crossing crossing(String id, Crossing.Direction direction, String at) {
        return new Crossing(
                id,
                "Z",
                direction,
                Instant.parse(at),
                "DEU",
                "FRA-T1",
                "P-Z",
                "USA",
                "USA",
                direction == Crossing.Direction.ENTRY ? "90/180" : null);
    }

    @Test
    void aReEntryWithNoDayLeftRaisesItsAlertAtTheEntry() throws Exception {
        List<Crossing> crossings = List.of(
                crossing("in-1", Crossing.Direction.ENTRY, "2020-01-01T10:00:00Z"),
                // 1 January to 30 March 2020: 90 days.
                crossing("out-1", Crossing.Direction.EXIT, "2020-03-30T10:00:00Z"),
                crossing("in-2", Crossing.Direction.ENTRY, "2020-04-02T10:00:00.000000500Z"),
                crossing("out-2", Crossing.Direction.EXIT, "2020-04-05T10:00:00Z"));
        List<StreamOutput> out = new ArrayList<>();
        try (CloseableIterator<StreamOutput> results = OverstayJob.build(
                        InProcessFlink.environment(1).fromData(crossings).setParallelism(1), Duration.ofHours(6))
                .executeAndCollect()) {
            results.forEachRemaining(out::add);
        }
        List<StayEvent> events = out.stream()
                .filter(o -> o.event() != null)
                .map(StreamOutput::event)
                .toList();
        assertThat(events).containsExactlyElementsOf(OverstayWatch.replay(crossings, Instant.MAX));
        assertThat(events)
                .filteredOn(e ->
                        e instanceof StayEvent.StayDecision d && d.crossingId().equals("in-2"))
                .singleElement()
                .satisfies(e ->
                        assertThat(((StayEvent.StayDecision) e).maxStayDays()).isZero());
        assertThat(events)
                .filteredOn(e -> e instanceof StayEvent.OverstayRaised)
                .singleElement()
                .satisfies(e -> assertThat(((StayEvent.OverstayRaised) e).entryCrossingId())
                        .isEqualTo("in-2"));
        assertThat(events).anyMatch(e -> e instanceof StayEvent.OverstayCleared);
    }
}
