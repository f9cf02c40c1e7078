package org.orderly.regime;

import java.util.Objects;

/**
 * A state's unilateral rule for admitting holders of one passport (from national law or a visa
 * matrix): the category and, for visa-free entry, the days of stay. Commitments take precedence.
 */
public record EntryPolicy(String destination, String passport, TravelCategory category, Integer stayDays, Source source) {
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
