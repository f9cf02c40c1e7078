package org.orderly.border.crossing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.orderly.border.stay.Stay;
import org.orderly.border.stay.StayAccounting;
import org.orderly.border.stay.StayControl;
import org.orderly.border.stay.StayHistory;
import org.orderly.border.stay.StayRule;

class OverstayWatchTest {
    static Crossing entry(String id, String traveller, String at) {
        return new Crossing(
                id,
                traveller,
                Crossing.Direction.ENTRY,
                Instant.parse(at),
                "DEU",
                "FRA-AIRPORT",
                "C01X00T47",
                "USA",
                "USA",
                "90/180");
    }

    static Crossing exit(String id, String traveller, String at) {
        return new Crossing(
                id,
                traveller,
                Crossing.Direction.EXIT,
                Instant.parse(at),
                "DEU",
                "FRA-AIRPORT",
                "C01X00T47",
                "USA",
                "USA",
                null);
    }

    /**
     * The UTC day of an instant and the first instant of a day, by epoch-day arithmetic, are java.time's with the UTC
     * offset: around midnight, before 1970, and at a leap day, and over a spread of random instants.
     */
    @Test
    void daysAreReckonedInUtcAsJavaTimeReckonsThem() {
        java.util.List<Instant> instants = new java.util.ArrayList<>(List.of(
                Instant.parse("2025-03-31T23:59:59.999999Z"),
                Instant.parse("2025-04-01T00:00:00Z"),
                Instant.parse("1969-12-31T23:59:59Z"),
                Instant.parse("1900-01-01T00:00:00Z"),
                Instant.parse("2024-02-29T12:00:00Z"),
                Instant.EPOCH));
        java.util.Random random = new java.util.Random(17);
        for (int i = 0; i < 10_000; i++)
            instants.add(Instant.ofEpochSecond(
                    random.nextLong(-5_000_000_000L, 5_000_000_000L), random.nextInt(1_000_000_000)));
        for (Instant at : instants) {
            LocalDate day = LocalDate.ofInstant(at, java.time.ZoneOffset.UTC);
            assertThat(Crossing.dayOf(at)).as("%s", at).isEqualTo(day);
            assertThat(Crossing.startOf(day))
                    .as("%s", day)
                    .isEqualTo(day.atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
        }
    }

    @Test
    void anOverstayIsRaisedOnceAtTheStartOfTheFirstIllegalDayAndClearedByTheExit() {
        List<StayEvent> events = OverstayWatch.replay(
                List.of(entry("1", "A", "2025-01-01T10:00:00Z"), exit("2", "A", "2025-04-05T18:00:00Z")),
                Instant.parse("2026-01-01T00:00:00Z"));
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
        List<StayEvent> events = OverstayWatch.replay(
                List.of(entry("1", "A", "2025-01-01T10:00:00Z"), exit("2", "A", "2025-03-31T23:59:00Z")),
                Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(events).hasSize(1).first().isInstanceOf(StayEvent.StayDecision.class);
    }

    @Test
    void anAlertIsNotRaisedBeforeItsTimeAndTheOrderOfArrivalDoesNotMatter() {
        List<Crossing> crossings = List.of(
                exit("3", "B", "2025-02-01T00:00:00Z"),
                entry("1", "A", "2025-01-01T10:00:00Z"),
                entry("2", "A", "2025-01-05T10:00:00Z"));
        List<StayEvent> early = OverstayWatch.replay(crossings, Instant.parse("2025-03-31T23:00:00Z"));
        assertThat(early).noneMatch(e -> e instanceof StayEvent.OverstayRaised);
        assertThat(early)
                .filteredOn(e -> e instanceof StayEvent.EntryWithoutExit)
                .singleElement()
                .extracting(e -> ((StayEvent.EntryWithoutExit) e).crossingId())
                .isEqualTo("1");
        assertThat(early)
                .filteredOn(e -> e instanceof StayEvent.ExitWithoutEntry)
                .hasSize(1);
        // The unmatched entry counts as its day only: 1 + 90 days from 5 January, the last legal day 3 April... minus
        // that day.
        StayEvent.StayDecision second = (StayEvent.StayDecision) early.stream()
                .filter(e ->
                        e instanceof StayEvent.StayDecision d && d.crossingId().equals("2"))
                .findFirst()
                .orElseThrow();
        assertThat(second.maxStayDays()).isEqualTo(89);
        assertThat(OverstayWatch.replay(
                        List.of(crossings.get(2), crossings.get(0), crossings.get(1)),
                        Instant.parse("2025-03-31T23:00:00Z")))
                .containsExactlyInAnyOrderElementsOf(early);
    }

    /** Free movement from 1 January, left on 1 March and re-entered that day under 90/180: the scenario every path is tested on. */
    public static List<Crossing> notCountedThenShortStay(String traveller, String document) {
        return List.of(
                new Crossing(
                        traveller + "-fm-in",
                        traveller,
                        Crossing.Direction.ENTRY,
                        Instant.parse("2020-01-01T10:00:00Z"),
                        "DEU",
                        "FRA-T1",
                        document,
                        "USA",
                        null,
                        "not-counted:free_movement"),
                new Crossing(
                        traveller + "-fm-out",
                        traveller,
                        Crossing.Direction.EXIT,
                        Instant.parse("2020-03-01T08:00:00Z"),
                        "DEU",
                        "FRA-T1",
                        document,
                        "USA",
                        null,
                        null),
                new Crossing(
                        traveller + "-in",
                        traveller,
                        Crossing.Direction.ENTRY,
                        Instant.parse("2020-03-01T12:00:00Z"),
                        "DEU",
                        "FRA-T1",
                        document,
                        "USA",
                        null,
                        "90/180"));
    }

    @Test
    void aStayUnderFreeMovementKeepsItsTitleAndIsNotCountedAgainstTheShortStayThatFollowsIt() {
        List<Crossing> crossings = notCountedThenShortStay("F", "C01X00T47");
        StayHistory stays = OverstayWatch.stays(crossings);
        assertThat(stays.stays())
                .containsExactly(
                        new Stay(
                                LocalDate.parse("2020-01-01"), LocalDate.parse("2020-02-29"), Stay.Title.FREE_MOVEMENT),
                        new Stay(LocalDate.parse("2020-03-01"), null, Stay.Title.SHORT_STAY));
        StayControl control =
                StayAccounting.control(StayRule.RollingWindow.SCHENGEN, stays, LocalDate.parse("2020-04-09"));
        assertThat(control.daysUsed())
                .as("1 March to 9 April, the free movement not counted")
                .isEqualTo(40);
        assertThat(control.overstayDays()).isZero();
        List<StayEvent> events = OverstayWatch.replay(crossings, Instant.parse("2020-05-01T00:00:00Z"));
        assertThat(events).noneMatch(e -> e instanceof StayEvent.OverstayRaised);
        assertThat(events)
                .filteredOn(e ->
                        e instanceof StayEvent.StayDecision d && d.crossingId().equals("F-in"))
                .singleElement()
                .satisfies(e -> assertThat(((StayEvent.StayDecision) e).lastLegalDay())
                        .isEqualTo(LocalDate.parse("2020-05-29")));
    }

    @Test
    void aDaySharedByAShortStayAndAStayNotCountedIsADayOfShortStay() {
        List<Stay> stays = new java.util.ArrayList<>();
        OverstayWatch.append(stays, Stay.of(LocalDate.parse("2020-01-01"), LocalDate.parse("2020-01-10")));
        OverstayWatch.append(
                stays,
                new Stay(LocalDate.parse("2020-01-10"), LocalDate.parse("2020-02-01"), Stay.Title.RESIDENCE_PERMIT));
        OverstayWatch.append(stays, Stay.of(LocalDate.parse("2020-02-01"), LocalDate.parse("2020-02-03")));
        OverstayWatch.append(stays, Stay.of(LocalDate.parse("2020-02-03"), null));
        assertThat(stays)
                .containsExactly(
                        Stay.of(LocalDate.parse("2020-01-01"), LocalDate.parse("2020-01-10")),
                        new Stay(
                                LocalDate.parse("2020-01-11"),
                                LocalDate.parse("2020-01-31"),
                                Stay.Title.RESIDENCE_PERMIT),
                        Stay.of(LocalDate.parse("2020-02-01"), null));
    }
}
