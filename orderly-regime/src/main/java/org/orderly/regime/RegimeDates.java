package org.orderly.regime;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** The dates Orderly accepts anywhere (a question's date, a crossing's time): no instrument of the regime is older. */
public final class RegimeDates {
    /** The earliest date Orderly answers for: before it, no instrument of the regime existed. */
    public static final LocalDate EARLIEST = LocalDate.of(1800, 1, 1);
    /** The latest date Orderly answers for. */
    public static final LocalDate LATEST = LocalDate.of(2199, 12, 31);

    private RegimeDates() {
    }

    /**
     * The date itself when it lies within {@link #EARLIEST}–{@link #LATEST} (or is null).
     *
     * @throws IllegalArgumentException naming the field and the range
     */
    public static LocalDate requireSane(String field, LocalDate date) {
        if (date != null && (date.isBefore(EARLIEST) || date.isAfter(LATEST))) {
            throw new IllegalArgumentException(field + " " + date + " is outside the dates Orderly accepts (" + EARLIEST + " to " + LATEST + ")");
        }
        return date;
    }

    /** The instant itself when its day (UTC) lies within the accepted dates (or it is null). */
    public static Instant requireSane(String field, Instant at) {
        if (at != null && (at.isBefore(EARLIEST.atStartOfDay(ZoneOffset.UTC).toInstant())
                || !at.isBefore(LATEST.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()))) {
            throw new IllegalArgumentException(field + " " + at + " is outside the dates Orderly accepts (" + EARLIEST + " to " + LATEST + ")");
        }
        return at;
    }
}
