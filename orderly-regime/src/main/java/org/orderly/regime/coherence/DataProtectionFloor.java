package org.orderly.regime.coherence;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.orderly.regime.Source;

/**
 * What an instrument allows the states it binds to do with a personal dataset: the only purposes it may serve and the
 * longest it may be kept ({@code data-protection-floors.csv} in the reference data, each row with its source).
 */
public record DataProtectionFloor(
        String instrumentId, String dataset, Set<String> purposes, int retentionDays, Source source) {
    public DataProtectionFloor {
        Objects.requireNonNull(instrumentId, "floor instrument");
        Objects.requireNonNull(source, "floor source");
        if (dataset == null || dataset.isBlank()) throw new IllegalArgumentException("floor dataset is missing");
        if (purposes == null || purposes.isEmpty())
            throw new IllegalArgumentException("a floor needs the purposes it allows");
        if (retentionDays <= 0)
            throw new IllegalArgumentException("floor retention days must be positive, was " + retentionDays);
        Set<String> normal = new TreeSet<>();
        purposes.forEach(p -> normal.add(normal(p)));
        purposes = Set.copyOf(normal);
    }

    /** Whether the floor speaks of this dataset (API, PNR…; case does not matter). */
    public boolean covers(String sharedDataset) {
        return dataset.equalsIgnoreCase(sharedDataset.strip());
    }

    /** Whether the floor allows a purpose, compared in lower case without surrounding spaces. */
    public boolean allows(String purpose) {
        return purposes.contains(normal(purpose));
    }

    private static String normal(String purpose) {
        return purpose.strip().toLowerCase(Locale.ROOT);
    }
}
