package org.orderly.border.crossing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Function;

/**
 * What the crossings of a traveller give rise to, in the ledger, at the desk and in the stream job alike; {@code at}
 * is the event time (the crossing's time, or for a raised alert the start of the first day of overstay, UTC).
 */
public sealed interface StayEvent {

    String traveller();

    Instant at();

    /**
     * The one dispatch over the family: one function per kind of event, so that a new kind changes this signature and
     * every use that does not handle it fails to compile (Java 17 cannot check a pattern switch over a sealed type).
     */
    <R> R match(
            Function<StayDecision, R> decision,
            Function<OverstayRaised, R> raised,
            Function<OverstayCleared, R> cleared,
            Function<ExitWithoutEntry, R> exitWithoutEntry,
            Function<EntryWithoutExit, R> entryWithoutExit);

    /** At an entry: the rule applied and the longest legal stay (null days and day when no limit applies). */
    record StayDecision(
            String traveller,
            Instant at,
            String crossingId,
            String nationality,
            String rule,
            LocalDate entryDay,
            Integer maxStayDays,
            LocalDate lastLegalDay)
            implements StayEvent {
        @Override
        public <R> R match(
                Function<StayDecision, R> decision,
                Function<OverstayRaised, R> raised,
                Function<OverstayCleared, R> cleared,
                Function<ExitWithoutEntry, R> exitWithoutEntry,
                Function<EntryWithoutExit, R> entryWithoutExit) {
            return decision.apply(this);
        }
    }

    /** The traveller is still in the territory past the last legal day (raised once per stay). */
    record OverstayRaised(
            String traveller,
            Instant at,
            String entryCrossingId,
            String nationality,
            String rule,
            LocalDate entryDay,
            LocalDate lastLegalDay)
            implements StayEvent {
        @Override
        public <R> R match(
                Function<StayDecision, R> decision,
                Function<OverstayRaised, R> raised,
                Function<OverstayCleared, R> cleared,
                Function<ExitWithoutEntry, R> exitWithoutEntry,
                Function<EntryWithoutExit, R> entryWithoutExit) {
            return raised.apply(this);
        }
    }

    /** The exit that ends an overstay, with the days stayed past the last legal day. */
    record OverstayCleared(
            String traveller,
            Instant at,
            String entryCrossingId,
            String exitCrossingId,
            String nationality,
            String rule,
            LocalDate exitDay,
            int overstayDays)
            implements StayEvent {
        @Override
        public <R> R match(
                Function<StayDecision, R> decision,
                Function<OverstayRaised, R> raised,
                Function<OverstayCleared, R> cleared,
                Function<ExitWithoutEntry, R> exitWithoutEntry,
                Function<EntryWithoutExit, R> entryWithoutExit) {
            return cleared.apply(this);
        }
    }

    /** An exit with no entry before it: kept and reported, not discarded. */
    record ExitWithoutEntry(String traveller, Instant at, String crossingId, String nationality) implements StayEvent {
        @Override
        public <R> R match(
                Function<StayDecision, R> decision,
                Function<OverstayRaised, R> raised,
                Function<OverstayCleared, R> cleared,
                Function<ExitWithoutEntry, R> exitWithoutEntry,
                Function<EntryWithoutExit, R> entryWithoutExit) {
            return exitWithoutEntry.apply(this);
        }
    }

    /** An entry followed by another entry with no exit between: kept, reported, and counted as its day of entry only. */
    record EntryWithoutExit(String traveller, Instant at, String crossingId, String nationality) implements StayEvent {
        @Override
        public <R> R match(
                Function<StayDecision, R> decision,
                Function<OverstayRaised, R> raised,
                Function<OverstayCleared, R> cleared,
                Function<ExitWithoutEntry, R> exitWithoutEntry,
                Function<EntryWithoutExit, R> entryWithoutExit) {
            return entryWithoutExit.apply(this);
        }
    }
}
