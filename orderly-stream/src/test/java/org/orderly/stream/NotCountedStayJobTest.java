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
 * Free movement from 1 January, left on 1 March and re-entered that day under 90/180, one day short of a 90/180 overstay
 * if the free movement counted (issue 27 item 2): the job keeps the stays' titles in its state and decides as the ledger.
 */
class NotCountedStayJobTest {
    private static Crossing crossing(String id, Crossing.Direction direction, String at, String rule) {
        return new Crossing(id, "F", direction, Instant.parse(at), "DEU", "FRA-T1", "P-F", "USA", "USA", rule);
    }

    @Test
    void aStayUnderFreeMovementDoesNotCountAgainstTheShortStayThatFollows() throws Exception {
        List<Crossing> crossings = List.of(
                crossing("fm-in", Crossing.Direction.ENTRY, "2020-01-01T10:00:00Z", "not-counted:free_movement"),
                crossing("fm-out", Crossing.Direction.EXIT, "2020-03-01T08:00:00Z", null),
                crossing("in", Crossing.Direction.ENTRY, "2020-03-01T12:00:00Z", "90/180"),
                crossing("out", Crossing.Direction.EXIT, "2020-05-20T12:00:00Z", null));
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
        assertThat(events).noneMatch(e -> e instanceof StayEvent.OverstayRaised);
        assertThat(events)
                .filteredOn(e ->
                        e instanceof StayEvent.StayDecision d && d.crossingId().equals("in"))
                .singleElement()
                .satisfies(e ->
                        assertThat(((StayEvent.StayDecision) e).maxStayDays()).isEqualTo(90));
    }
}
