package org.orderly.border.crossing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class OverstayWatchTest {
    static Crossing entry(String id, String traveller, String at) {
        return new Crossing(id, traveller, Crossing.Direction.ENTRY, Instant.parse(at), "DEU", "FRA-AIRPORT", "C01X00T47", "USA", "USA", "90/180");
    }

    static Crossing exit(String id, String traveller, String at) {
        return new Crossing(id, traveller, Crossing.Direction.EXIT, Instant.parse(at), "DEU", "FRA-AIRPORT", "C01X00T47", "USA", "USA", null);
    }

    @Test
    void anOverstayIsRaisedOnceAtTheStartOfTheFirstIllegalDayAndClearedByTheExit() {
        List<StayEvent> events = OverstayWatch.replay(List.of(entry("1", "A", "2025-01-01T10:00:00Z"),
                exit("2", "A", "2025-04-05T18:00:00Z")), Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(events).hasSize(3);
        StayEvent.StayDecision decision = (StayEvent.StayDecision) events.get(0);
        assertThat(decision.maxStayDays()).isEqualTo(90);
        assertThat(decision.lastLegalDay()).isEqualTo(LocalDate.parse("2025-03-31"));
        StayEvent.OverstayRaised raised = (StayEvent.OverstayRaised) events.get(1);
        assertThat(raised.at()).isEqualTo(Instant.parse("2025-04-01T00:00:00Z"));
        StayEvent.OverstayCleared cleared = (StayEvent.OverstayCleared) events.get(2);
        assertThat(cleared.overstayDays()).isEqualTo(5);
    }

    @Test
    void anExitOnTheLastLegalDayRaisesNothing() {
        List<StayEvent> events = OverstayWatch.replay(List.of(entry("1", "A", "2025-01-01T10:00:00Z"),
                exit("2", "A", "2025-03-31T23:59:00Z")), Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(events).hasSize(1).first().isInstanceOf(StayEvent.StayDecision.class);
    }

    @Test
    void anAlertIsNotRaisedBeforeItsTimeAndTheOrderOfArrivalDoesNotMatter() {
        List<Crossing> crossings = List.of(exit("3", "B", "2025-02-01T00:00:00Z"), entry("1", "A", "2025-01-01T10:00:00Z"),
                entry("2", "A", "2025-01-05T10:00:00Z"));
        List<StayEvent> early = OverstayWatch.replay(crossings, Instant.parse("2025-03-31T23:00:00Z"));
        assertThat(early).noneMatch(e -> e instanceof StayEvent.OverstayRaised);
        assertThat(early).filteredOn(e -> e instanceof StayEvent.EntryWithoutExit).singleElement()
                .extracting(e -> ((StayEvent.EntryWithoutExit) e).crossingId()).isEqualTo("1");
        assertThat(early).filteredOn(e -> e instanceof StayEvent.ExitWithoutEntry).hasSize(1);
        // The unmatched entry counts as its day only: 1 + 90 days from 5 January, the last legal day 3 April... minus that day.
        StayEvent.StayDecision second = (StayEvent.StayDecision) early.stream()
                .filter(e -> e instanceof StayEvent.StayDecision d && d.crossingId().equals("2")).findFirst().orElseThrow();
        assertThat(second.maxStayDays()).isEqualTo(89);
        assertThat(OverstayWatch.replay(List.of(crossings.get(2), crossings.get(0), crossings.get(1)), Instant.parse("2025-03-31T23:00:00Z")))
                .containsExactlyInAnyOrderElementsOf(early);
    }
}
