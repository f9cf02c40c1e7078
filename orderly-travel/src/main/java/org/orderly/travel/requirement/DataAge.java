package org.orderly.travel.requirement;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import org.orderly.regime.Source;

/**
 * How old the data behind an answer is: the oldest source's as-of date, counted to a day.
 * Data older than a year is stale: entry policies change, and a traveller should confirm it.
 */
public record DataAge(LocalDate asOf, LocalDate today) {
    /** The age of the oldest of the sources; empty when there are none. */
    public static Optional<DataAge> of(List<Source> sources, LocalDate today) {
        return sources.stream().map(Source::asOf).min(LocalDate::compareTo).map(d -> new DataAge(d, today));
    }

    public boolean stale() {
        return asOf.plusYears(1).isBefore(today);
    }

    /** The age in words: "1 year and 10 months", "3 months", "12 days"; "not yet" for a date after today. */
    public String describe() {
        if (asOf.isAfter(today)) return "dated after today";
        Period age = Period.between(asOf, today);
        if (age.getYears() > 0) {
            return plural(age.getYears(), "year") + (age.getMonths() > 0 ? " and " + plural(age.getMonths(), "month") : "");
        }
        if (age.getMonths() > 0) return plural(age.getMonths(), "month");
        return plural(age.getDays(), "day");
    }

    private static String plural(int n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
