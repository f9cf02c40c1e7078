package org.orderly.regime;

import java.util.Objects;

/**
 * A state's unilateral rule for admitting holders of one passport (from national law or a visa
 * matrix): the category and, for visa-free entry, the days of stay. Commitments take precedence.
 */
public record EntryPolicy(
        String destination, String passport, TravelCategory category, Integer stayDays, Source source) {
    /**
     * Whether {@code candidate}'s snapshot lies nearer the date than {@code held}'s (on a tie, the later one): the one choice
     * of the visa snapshot that speaks for a date, for travel answers and coherence checks alike.
     */
    public static boolean nearer(EntryPolicy candidate, EntryPolicy held, java.time.LocalDate date) {
        long a = Math.abs(
                java.time.temporal.ChronoUnit.DAYS.between(candidate.source().asOf(), date));
        long b = Math.abs(
                java.time.temporal.ChronoUnit.DAYS.between(held.source().asOf(), date));
        return a < b
                || (a == b && candidate.source().asOf().isAfter(held.source().asOf()));
    }

    public EntryPolicy {
        Objects.requireNonNull(destination, "entry policy destination");
        Objects.requireNonNull(passport, "entry policy passport");
        Objects.requireNonNull(category, "entry policy category");
        Objects.requireNonNull(source, "entry policy source");
        if (stayDays != null && stayDays <= 0) {
            throw new IllegalArgumentException("entry policy stay days must be positive, was " + stayDays);
        }
    }
}
