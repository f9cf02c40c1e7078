package org.orderly.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.orderly.border.crossing.Crossing;
import org.orderly.border.crossing.CrossingIntake;
import org.orderly.border.crossing.StayAreas;
import org.orderly.regime.reference.ReferenceData;
import org.orderly.store.crossing.CrossingFile;
import org.orderly.store.crossing.CrossingStore;

class CrossingStoreTest {

    /** A clock the test moves. */
    static final class TestClock extends Clock {
        final AtomicReference<Instant> now = new AtomicReference<>();

        TestClock(String at) {
            now.set(Instant.parse(at));
        }

        void set(String at) {
            now.set(Instant.parse(at));
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }

    static Crossing entry(String id, String document, String at) {
        return new Crossing(
                id,
                null,
                Crossing.Direction.ENTRY,
                Instant.parse(at),
                "DEU",
                "FRA-T1",
                document,
                "USA",
                "USA",
                "90/180");
    }

    static Crossing exit(String id, String document, String at) {
        return new Crossing(
                id, null, Crossing.Direction.EXIT, Instant.parse(at), "DEU", "FRA-T1", document, "USA", "USA", null);
    }

    static Crossing at(String id, String state, Crossing.Direction direction, String at) {
        return new Crossing(
                id,
                "T1",
                direction,
                Instant.parse(at),
                state,
                state + "-1",
                "P1",
                "USA",
                "USA",
                direction == Crossing.Direction.ENTRY ? "90/180" : null);
    }

    private static CrossingStore emptyLedger(TestClock clock) {
        return emptyLedger(clock, StayAreas.NONE);
    }

    private static CrossingStore emptyLedger(TestClock clock, StayAreas areas) {
        OrderlyDatabase database = TestDatabase.get();
        new RegistryStore(database.dataSource())
                .jdbc()
                .sql("truncate unmatched_crossing, overstay_alert, traveller_stay, crossing")
                .update();
        return new CrossingStore(database.dataSource(), clock, () -> areas);
    }

    /** The stay areas of Orderly's reference registry: Schengen, with each state's dates. */
    private static final StayAreas REFERENCE_AREAS = StayAreas.of(ReferenceData.load());

    @Test
    void anotherStatesExitEndsNoStayAndClearsNoAlert() {
        TestClock clock = new TestClock("2025-06-01T00:00:00Z");
        CrossingStore ledger = emptyLedger(clock, REFERENCE_AREAS);
        ledger.record(at("de-in", "DEU", Crossing.Direction.ENTRY, "2025-01-01T10:00:00Z"));
        ledger.record(at("us-out", "USA", Crossing.Direction.EXIT, "2025-05-01T10:00:00Z"));
        assertThat(ledger.alerts("DEU", true, 10)).singleElement().satisfies(a -> {
            assertThat(a.entryCrossingId()).isEqualTo("de-in");
            assertThat(a.state()).isEqualTo("DEU");
            assertThat(a.clearedAt()).isNull();
        });
        assertThat(ledger.alerts("USA", false, 10)).isEmpty();
        assertThat(ledger.unmatched("USA", 10))
                .singleElement()
                .satisfies(u -> assertThat(u.kind()).isEqualTo("EXIT_WITHOUT_ENTRY"));
        assertThat(ledger.unmatched("DEU", 10)).isEmpty();
        assertThat(ledger.crossings("T1", "DEU")).extracting(Crossing::id).containsExactly("de-in");
    }

    @Test
    void withinTheSchengenAreaAnotherMembersExitEndsTheStay() {
        TestClock clock = new TestClock("2025-06-01T00:00:00Z");
        CrossingStore ledger = emptyLedger(clock, REFERENCE_AREAS);
        ledger.record(at("de-in", "DEU", Crossing.Direction.ENTRY, "2025-01-01T10:00:00Z"));
        ledger.record(at("fr-out", "FRA", Crossing.Direction.EXIT, "2025-05-01T10:00:00Z"));
        // 2025-01-01 to 2025-05-01 is 121 days of one Schengen stay: an overstay, raised and cleared by the French
        // exit.
        assertThat(ledger.alerts("DEU", false, 10)).singleElement().satisfies(a -> {
            assertThat(a.exitCrossingId()).isEqualTo("fr-out");
            assertThat(a.overstayDays()).isEqualTo(31);
        });
        assertThat(ledger.unmatched("FRA", 10)).isEmpty();
        assertThat(ledger.unmatched("DEU", 10)).isEmpty();
        assertThat(ledger.crossingsInStaysOf("T1", "DEU"))
                .extracting(Crossing::id)
                .containsExactly("de-in", "fr-out");
    }

    @Test
    void aStateCountsInTheSchengenStayOnlyFromTheDayItsParticipationBindsIt() {
        TestClock clock = new TestClock("2024-01-01T00:00:00Z");
        CrossingStore ledger = emptyLedger(clock, REFERENCE_AREAS);
        // Croatia applies the Schengen acquis in full from 2023-01-01 (reference participations): before, its stays are
        // its own.
        ledger.record(new Crossing(
                "hr-in-2022",
                "T2",
                Crossing.Direction.ENTRY,
                Instant.parse("2022-06-01T10:00:00Z"),
                "HRV",
                "HRV-1",
                "P2",
                "USA",
                "USA",
                "90/180"));
        ledger.record(new Crossing(
                "de-out-2022",
                "T2",
                Crossing.Direction.EXIT,
                Instant.parse("2022-06-10T10:00:00Z"),
                "DEU",
                "DEU-1",
                "P2",
                "USA",
                "USA",
                null));
        assertThat(ledger.unmatched("DEU", 10))
                .singleElement()
                .satisfies(u -> assertThat(u.crossing().id()).isEqualTo("de-out-2022"));
        assertThat(ledger.alerts("HRV", true, 10))
                .singleElement()
                .satisfies(a -> assertThat(a.entryCrossingId()).isEqualTo("hr-in-2022"));
        ledger.recordAll(List.of(
                new Crossing(
                        "hr-in-2023",
                        "T3",
                        Crossing.Direction.ENTRY,
                        Instant.parse("2023-06-01T10:00:00Z"),
                        "HRV",
                        "HRV-1",
                        "P3",
                        "USA",
                        "USA",
                        "90/180"),
                new Crossing(
                        "de-out-2023",
                        "T3",
                        Crossing.Direction.EXIT,
                        Instant.parse("2023-06-10T10:00:00Z"),
                        "DEU",
                        "DEU-1",
                        "P3",
                        "USA",
                        "USA",
                        null)));
        assertThat(ledger.unmatched("DEU", 10))
                .extracting(u -> u.crossing().id())
                .containsExactly("de-out-2022");
        assertThat(ledger.alerts("HRV", false, 10))
                .extracting(CrossingStore.Alert::entryCrossingId)
                .containsExactly("hr-in-2022");
    }

    @Test
    void crossingsRecordedBeforeStayAreasGetTheirAreaAndAreReplayed() {
        TestClock clock = new TestClock("2025-06-01T00:00:00Z");
        CrossingStore ledger = emptyLedger(clock, REFERENCE_AREAS);
        ledger.recordAll(List.of(
                at("de-in", "DEU", Crossing.Direction.ENTRY, "2025-01-01T10:00:00Z"),
                at("fr-out", "FRA", Crossing.Direction.EXIT, "2025-02-01T10:00:00Z")));
        // As migration V65 leaves the crossings of an earlier version: no stay area, no stay state.
        var jdbc = new RegistryStore(TestDatabase.get().dataSource()).jdbc();
        jdbc.sql("truncate unmatched_crossing, overstay_alert, traveller_stay").update();
        jdbc.sql("update crossing set stay_area = null").update();
        assertThat(ledger.assignStayAreas()).isEqualTo(2);
        assertThat(ledger.unmatched("FRA", 10)).isEmpty();
        assertThat(ledger.alerts("DEU", false, 10)).isEmpty();
        assertThat(ledger.assignStayAreas()).isZero();
    }

    @Test
    void anOverstayIsRaisedOnceWhenItFallsDueAndClearedByTheExit() {
        TestClock clock = new TestClock("2025-01-01T12:00:00Z");
        CrossingStore ledger = emptyLedger(clock);
        ledger.record(entry("e1", "P1", "2025-01-01T10:00:00Z"));
        assertThat(ledger.sweep()).isZero();
        clock.set("2025-03-31T23:59:59Z");
        assertThat(ledger.sweep()).isZero();
        assertThat(ledger.alerts("DEU", true, 10)).isEmpty();
        clock.set("2025-04-01T00:00:00Z");
        assertThat(ledger.sweep()).isEqualTo(1);
        assertThat(ledger.sweep()).isZero();
        clock.set("2025-04-02T00:00:00Z");
        ledger.record(entry("other", "P2", "2025-04-01T08:00:00Z"));
        assertThat(ledger.alerts("DEU", true, 10)).singleElement().satisfies(a -> {
            assertThat(a.entryCrossingId()).isEqualTo("e1");
            assertThat(a.raisedAt()).isEqualTo(Instant.parse("2025-04-01T00:00:00Z"));
        });
        ledger.record(exit("x1", "P1", "2025-04-05T09:00:00Z"));
        assertThat(ledger.alerts("DEU", true, 10)).isEmpty();
        assertThat(ledger.alerts("DEU", false, 10)).singleElement().satisfies(a -> {
            assertThat(a.exitCrossingId()).isEqualTo("x1");
            assertThat(a.overstayDays()).isEqualTo(5);
        });
        assertThat(ledger.alertCounts("DEU")).singleElement().satisfies(c -> {
            assertThat(c.nationality()).isEqualTo("USA");
            assertThat(c.rule()).isEqualTo("90/180");
            assertThat(c.raised()).isEqualTo(1);
            assertThat(c.open()).isZero();
        });
    }

    @Test
    void unmatchedCrossingsAreKeptAndReportedAndALateEntryMatchesThem() {
        TestClock clock = new TestClock("2025-02-01T00:00:00Z");
        CrossingStore ledger = emptyLedger(clock);
        ledger.record(exit("x1", "P1", "2025-01-20T09:00:00Z"));
        assertThat(ledger.unmatched("DEU", 10))
                .singleElement()
                .satisfies(u -> assertThat(u.kind()).isEqualTo("EXIT_WITHOUT_ENTRY"));
        ledger.record(entry("e1", "P1", "2025-01-10T09:00:00Z"));
        assertThat(ledger.unmatched("DEU", 10)).isEmpty();
        assertThat(ledger.crossings("USA:P1", "DEU")).extracting(Crossing::id).containsExactly("e1", "x1");
    }

    @Test
    void aRecordedIdIsIdempotentAndADifferentCrossingUnderItIsRefusedWithNothingRecorded() {
        CrossingStore ledger = emptyLedger(new TestClock("2025-02-01T00:00:00Z"));
        assertThat(ledger.record(entry("e1", "P1", "2025-01-10T09:00:00Z")).recorded())
                .isEqualTo(1);
        assertThat(ledger.record(entry("e1", "P1", "2025-01-10T09:00:00Z")).alreadyRecorded())
                .isEqualTo(1);
        assertThatThrownBy(() -> ledger.recordAll(
                        List.of(exit("x9", "P9", "2025-01-11T09:00:00Z"), entry("e1", "P1", "2025-01-11T09:00:00Z"))))
                .hasMessage("crossing 'e1' is already recorded with other details");
        assertThat(ledger.count()).isEqualTo(1);
    }

    @Test
    void aRestartLosesNoCrossingAndRaisesNoAlertTwice() throws IOException {
        Path home = Files.createTempDirectory("orderly-crossings-restart");
        DatabaseSettings settings = new DatabaseSettings(home, null, null, null, false, false);
        TestClock clock = new TestClock("2025-06-01T00:00:00Z");
        try {
            try (OrderlyDatabase first = OrderlyDatabase.open(settings)) {
                CrossingStore ledger = new CrossingStore(first.dataSource(), clock);
                ledger.recordAll(List.of(
                        entry("a", "P1", "2025-01-01T10:00:00Z"),
                        entry("b", "P2", "2025-05-01T10:00:00Z"),
                        exit("c", "P3", "2025-05-02T10:00:00Z")));
                assertThat(ledger.alerts("DEU", false, 10)).hasSize(1);
            }
            try (OrderlyDatabase second = OrderlyDatabase.open(settings)) {
                CrossingStore ledger = new CrossingStore(second.dataSource(), clock);
                assertThat(ledger.count()).isEqualTo(3);
                assertThat(ledger.sweep()).isZero();
                ledger.record(entry("b", "P2", "2025-05-01T10:00:00Z"));
                assertThat(ledger.alerts("DEU", false, 10))
                        .singleElement()
                        .satisfies(a -> assertThat(a.entryCrossingId()).isEqualTo("a"));
                clock.set("2025-08-01T00:00:00Z");
                assertThat(ledger.sweep()).isEqualTo(1);
                assertThat(ledger.alerts("DEU", false, 10))
                        .extracting(CrossingStore.Alert::entryCrossingId)
                        .containsExactlyInAnyOrder("a", "b");
                assertThat(ledger.unmatched("DEU", 10)).hasSize(1);
            }
        } finally {
            try (Stream<Path> files = Files.walk(home)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void aCrossingFileIsReadWholeAndABadCellNamesFileLineAndColumn() throws IOException {
        Path file = Files.createTempFile("crossings", ".csv");
        Files.writeString(file, """
                id,direction,at,state,crossing_point,document_number,issuing_state,rule
                e1,entry,2025-01-10T09:00:00Z,DEU,FRA-T1,P1,USA,90/180
                x1,exit,2025-01-12T09:00:00Z,DEU,FRA-T1,P1,USA,
                """);
        assertThat(CrossingFile.read(file, CrossingIntake.reference()))
                .extracting(Crossing::id)
                .containsExactly("e1", "x1");
        Files.writeString(file, """
                id,direction,at,state,crossing_point,document_number,issuing_state,rule
                e1,entry,2025-01-10T09:00:00Z,DEU,FRA-T1,P1,USA,90/180
                x1,exit,2025-01-12 09:00,DEU,FRA-T1,P1,USA,
                """);
        assertThatThrownBy(() -> CrossingFile.read(file, CrossingIntake.reference()))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("line 3")
                .hasMessageContaining("at")
                .hasMessageContaining("is not an ISO-8601 instant");
        Files.writeString(file, """
                id,direction,at,state,crossing_point,document_number,issuing_state,rule
                e1,entry,2025-01-10T09:00:00Z,DEU,FRA-T1,P1,AFG,
                """);
        assertThatThrownBy(() -> CrossingFile.read(file, CrossingIntake.reference()))
                .hasMessageContaining("line 2")
                .hasMessageContaining("rule is missing, and the rulebook sets no stay limit for AFG nationals");
        Files.delete(file);
    }
}
