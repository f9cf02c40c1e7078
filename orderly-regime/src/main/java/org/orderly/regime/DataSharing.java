package org.orderly.regime;

import java.util.Set;

/**
 * Grantors send a personal dataset (API, PNR, watchlist hits…) to beneficiaries, only for the
 * listed purposes, only the listed fields, kept no longer than {@code retentionDays}.
 */
public record DataSharing(
        String instrumentId,
        Scope scope,
        Term term,
        String dataset,
        Set<String> purposes,
        Set<String> fields,
        int retentionDays,
        Source source)
        implements Commitment {

    public DataSharing {
        Checks.common(instrumentId, scope, term, source);
        Checks.text("data sharing dataset", dataset);
        Checks.positive("data sharing retention days", retentionDays);
        if (purposes == null || purposes.isEmpty())
            throw new IllegalArgumentException("data sharing needs at least one purpose");
        if (fields == null || fields.isEmpty())
            throw new IllegalArgumentException("data sharing needs at least one field");
        purposes = Set.copyOf(purposes);
        fields = Set.copyOf(fields);
    }

    @Override
    public Kind kind() {
        return Kind.DATA_SHARING;
    }

    @Override
    public String describe() {
        return "sharing of " + dataset + " for "
                + String.join(", ", purposes.stream().sorted().toList()) + ", kept at most " + retentionDays + " days";
    }
}
