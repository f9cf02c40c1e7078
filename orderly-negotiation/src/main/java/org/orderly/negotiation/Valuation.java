package org.orderly.negotiation;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One party's private valuation, in whole points: an additive value for each issue option (missing
 * options are worth 0), interaction terms for bundles worth more or less than their parts, and the
 * reservation value (what the party has with no deal).
 */
public record Valuation(String party, Map<String, Map<String, Long>> values, List<Interaction> interactions,
                        long reservation) {
    public Valuation {
        Objects.requireNonNull(party, "valuation party");
        Map<String, Map<String, Long>> copy = new TreeMap<>();
        if (values != null) values.forEach((issue, options) -> copy.put(issue, Map.copyOf(options)));
        values = Map.copyOf(copy);
        interactions = interactions == null ? List.of() : List.copyOf(interactions);
    }

    /** A bundle of choices (issue → option) that adds {@code value} when the deal contains all of them. */
    public record Interaction(Map<String, String> bundle, long value) {
        public Interaction {
            if (bundle == null || bundle.size() < 2) throw new IllegalArgumentException("an interaction term needs at least two choices");
            bundle = Map.copyOf(bundle);
        }

        public boolean appliesTo(Deal deal) {
            return bundle.entrySet().stream().allMatch(e -> e.getValue().equals(deal.choices().get(e.getKey())));
        }
    }

    /** The value of one option of one issue (0 when the valuation does not mention it). */
    public long value(String issueId, String optionId) {
        return values.getOrDefault(issueId, Map.of()).getOrDefault(optionId, 0L);
    }

    /** The party's utility from a deal: the sum of its option values plus the interactions it contains. */
    public long utility(Deal deal) {
        long total = 0;
        for (var choice : deal.choices().entrySet()) total += value(choice.getKey(), choice.getValue());
        for (Interaction interaction : interactions) {
            if (interaction.appliesTo(deal)) total += interaction.value();
        }
        return total;
    }

    /** A copy with another reservation value. */
    public Valuation withReservation(long newReservation) {
        return new Valuation(party, values, interactions, newReservation);
    }
}
