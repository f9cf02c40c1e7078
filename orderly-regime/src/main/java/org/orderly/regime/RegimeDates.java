package org.orderly.regime;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The dates Orderly answers for and records facts on, 1800-01-01 to 2199-12-31: before them no instrument of the regime
 * existed, after them a date is a typing slip (9999-12-31) that would otherwise compile a rulebook, stamp imported data
 * or record a crossing for a year no one means. The one check of a given date or instant, for the API, the command line
 * and the record intake alike.
 */
public final class RegimeDates {
    /** The earliest date Orderly answers for: before it, no instrument of the regime existed. */
    public static final LocalDate EARLIEST = LocalDate.of(1800, 1, 1);
    /** The latest date Orderly answers for. */
    public static final LocalDate LATEST = LocalDate.of(2199, 12, 31);

    private RegimeDates() {}

    /**
     * Today in UTC on this clock: the date a question without one is asked on, the one such date for the API, the pages,
     * the command line and the indicators (a date in UTC, so that a question asked at the same instant has one answer
     * everywhere, whatever zone the clock carries). The clock is the server's one {@code Clock} bean, or the one the
     * command line starts with, so that a test can fix it.
     */
    public static LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    /**
     * The date itself when it lies within {@link #EARLIEST}–{@link #LATEST} (or is null: not given).
     *
     * @throws IllegalArgumentException naming the field, the date and the range
     */
    public static LocalDate requireWithin(String field, LocalDate date) {
        if (date != null && (date.isBefore(EARLIEST) || date.isAfter(LATEST))) {
            throw outside(field, date.toString());
        }
        return date;
    }

    /** The instant itself when its day (UTC) lies within the accepted dates (or it is null: not given). */
    public static Instant requireWithin(String field, Instant at) {
        if (at != null
                && (at.isBefore(EARLIEST.atStartOfDay(ZoneOffset.UTC).toInstant())
                        || !at.isBefore(
                                LATEST.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()))) {
            throw outside(field, at.toString());
        }
        return at;
    }

    private static IllegalArgumentException outside(String field, String value) {
        return new IllegalArgumentException(
                field + " " + value + " is outside the dates Orderly accepts (" + EARLIEST + " to " + LATEST + ")");
    }
}
