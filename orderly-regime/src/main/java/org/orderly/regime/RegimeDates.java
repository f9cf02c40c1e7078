package org.orderly.regime;

import java.time.LocalDate;

/**
 * The dates Orderly answers for and records facts on, 1800-01-01 to 2199-12-31: before them no instrument of the regime
 * existed, after them a date is a typing slip (9999-12-31) that would otherwise compile a rulebook or stamp imported data
 * for a year no one means. The one check of a given date, for the API and the command line alike.
 */
public final class RegimeDates {
    /** The earliest date Orderly answers for: before it, no instrument of the regime existed. */
    public static final LocalDate EARLIEST = LocalDate.of(1800, 1, 1);
    /** The latest date Orderly answers for. */
    public static final LocalDate LATEST = LocalDate.of(2199, 12, 31);

    private RegimeDates() {
    }

    /**
     * The date itself when it lies within {@link #EARLIEST}–{@link #LATEST} (or is null: not given).
     *
     * @throws IllegalArgumentException naming the field, the date and the range
     */
    public static LocalDate requireWithin(String field, LocalDate date) {
        if (date != null && (date.isBefore(EARLIEST) || date.isAfter(LATEST))) {
            throw new IllegalArgumentException(field + " " + date + " is outside the dates Orderly accepts (" + EARLIEST + " to " + LATEST + ")");
        }
        return date;
    }
}
