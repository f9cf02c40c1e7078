package org.orderly.negotiation;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * One party's private valuation, in whole points: an additive value for each issue option (missing
 * options are worth 0), bundles (a gain or loss that counts only when several choices come
 * together: issue linkage), and the reservation value (what the party has with no deal).
 */
public record Valuation(String party, Map<String, Map<String, Long>> values, List<Bundle> bundles, long reservation) {
    public Valuation {
        Objects.requireNonNull(party, "valuation party");
        Map<String, Map<String, Long>> copy = new TreeMap<>();
        if (values != null) values.forEach((issue, options) -> copy.put(issue, Map.copyOf(options)));
        values = Map.copyOf(copy);
        bundles = bundles == null ? List.of() : List.copyOf(bundles);
    }

    /**
     * A gain or loss of {@code value} points that counts when the deal meets every condition at once
     * (a state values labour access only together with a readmission deadline it can meet).
     */
    public record Bundle(List<Condition> conditions, long value) {
        public Bundle {
            if (conditions == null || conditions.isEmpty())
                throw new IllegalArgumentException("a bundle needs at least one condition");
            conditions = List.copyOf(conditions);
        }

        /** A bundle of exact choices (issue → option). */
        public static Bundle of(Map<String, String> choices, long value) {
            if (choices == null || choices.isEmpty())
                throw new IllegalArgumentException("a bundle needs at least one condition");
            return new Bundle(
                    new TreeMap<>(choices)
                            .entrySet().stream()
                                    .map(e -> (Condition) new Condition.OneOf(e.getKey(), Set.of(e.getValue())))
                                    .toList(),
                    value);
        }

        public boolean appliesTo(Negotiation negotiation, Deal deal) {
            return conditions.stream().allMatch(c -> c.holds(negotiation, deal));
        }
    }

    /** One condition of a bundle, on one issue. */
    public sealed interface Condition permits Condition.OneOf, Condition.Between {
        String issue();

        /** Whether the deal's choice on the issue meets the condition. */
        boolean holds(Negotiation negotiation, Deal deal);

        /** The one dispatch over the family: one function per kind of condition (a new kind fails to compile where unhandled). */
        <R> R match(java.util.function.Function<OneOf, R> oneOf, java.util.function.Function<Between, R> between);

        /** Whether an option of the issue meets the condition. */
        boolean admits(Option option);

        /** The chosen option is one of these. */
        record OneOf(String issue, Set<String> options) implements Condition {
            @Override
            public <R> R match(
                    java.util.function.Function<OneOf, R> oneOf, java.util.function.Function<Between, R> between) {
                return oneOf.apply(this);
            }

            public OneOf {
                Objects.requireNonNull(issue, "condition issue");
                if (options == null || options.isEmpty())
                    throw new IllegalArgumentException("a condition on " + issue + " names no option");
                options = Set.copyOf(options);
            }

            @Override
            public boolean holds(Negotiation negotiation, Deal deal) {
                return options.contains(deal.choices().get(issue));
            }

            @Override
            public boolean admits(Option option) {
                return options.contains(option.id());
            }
        }

        /** The chosen option's value (an integer issue's number, a quota, a deadline) lies in [min, max]. */
        record Between(String issue, long min, long max) implements Condition {
            @Override
            public <R> R match(
                    java.util.function.Function<OneOf, R> oneOf, java.util.function.Function<Between, R> between) {
                return between.apply(this);
            }

            public Between {
                Objects.requireNonNull(issue, "condition issue");
                if (max < min)
                    throw new IllegalArgumentException("the range on " + issue + " is empty: " + min + " > " + max);
            }

            @Override
            public boolean holds(Negotiation negotiation, Deal deal) {
                String chosen = deal.choices().get(issue);
                return chosen != null
                        && negotiation
                                .issue(issue)
                                .flatMap(i -> i.option(chosen))
                                .map(this::admits)
                                .orElse(false);
            }

            @Override
            public boolean admits(Option option) {
                if (option.value() == null) return false;
                return option.value().compareTo(java.math.BigDecimal.valueOf(min)) >= 0
                        && option.value().compareTo(java.math.BigDecimal.valueOf(max)) <= 0;
            }
        }
    }

    /** The value of one option of one issue (0 when the valuation does not mention it). */
    public long value(String issueId, String optionId) {
        return values.getOrDefault(issueId, Map.of()).getOrDefault(optionId, 0L);
    }

    /** The party's utility from a deal: the sum of its option values plus the bundles it contains. */
    public long utility(Negotiation negotiation, Deal deal) {
        long total = 0;
        for (var choice : deal.choices().entrySet()) total += value(choice.getKey(), choice.getValue());
        for (Bundle bundle : bundles) {
            if (bundle.appliesTo(negotiation, deal)) total += bundle.value();
        }
        return total;
    }

    /** A copy with another reservation value. */
    public Valuation withReservation(long newReservation) {
        return new Valuation(party, values, bundles, newReservation);
    }
}
