package org.orderly.travel.requirement;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import org.orderly.regime.Source;

/**
 * How far the data behind an answer lie from the date asked: the oldest source's as-of date against that date, counted to
 * a day. Data more than a year before (or after) the date asked are stale: entry policies change, and a traveller should
 * confirm them. Measured from the date asked, not from today, so an answer about 2022 from a 2022 snapshot is not stale.
 */
public record DataAge(LocalDate asOf, LocalDate date) {
    /** The age of the oldest of the sources against the date asked; empty when there are none. */
    public static Optional<DataAge> of(List<Source> sources, LocalDate date) {
        return sources.stream().map(Source::asOf).min(LocalDate::compareTo).map(d -> new DataAge(d, date));
    }

    public boolean stale() {
        return asOf.plusYears(1).isBefore(date) || date.plusYears(1).isBefore(asOf);
    }

    /** Whether the data describe a later day than the one asked about. */
    public boolean after() {
        return asOf.isAfter(date);
    }

    /** The distance in words: "1 year and 10 months", "3 months", "12 days". */
    public String describe() {
        Period age = after() ? Period.between(date, asOf) : Period.between(asOf, date);
        if (age.getYears() > 0) {
            return plural(age.getYears(), "year")
                    + (age.getMonths() > 0 ? " and " + plural(age.getMonths(), "month") : "");
        }
        if (age.getMonths() > 0) return plural(age.getMonths(), "month");
        return plural(age.getDays(), "day");
    }

    /** The distance with its side: "1 year and 10 months before the date asked", "13 years after the date asked". */
    public String relative() {
        return describe() + (after() ? " after" : " before") + " the date asked";
    }

    private static String plural(int n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
