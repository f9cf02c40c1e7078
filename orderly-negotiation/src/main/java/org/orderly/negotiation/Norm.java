package org.orderly.negotiation;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A regime norm that restricts which deals may be proposed. Norms are data, listed with the
 * negotiation, and every proposal shows for each one that it is met.
 */
public sealed interface Norm permits Norm.Requires, Norm.Forbids {
    String id();

    /** The norm in plain words, e.g. "labour access comes with a rights floor". */
    String description();

    /** Whether the deal meets the norm, with the reason in plain words. */
    Check check(Negotiation negotiation, Deal deal);

    /** The outcome of checking one norm against one deal. */
    record Check(String normId, boolean met, String reason) {
    }

    /**
     * If the deal picks one of {@code ifOptions} on {@code ifIssue}, it must pick one of
     * {@code thenOptions} on {@code thenIssue} (labour access requires a rights floor; readmission
     * requires safeguards).
     */
    record Requires(String id, String description, String ifIssue, Set<String> ifOptions,
                    String thenIssue, Set<String> thenOptions) implements Norm {
        public Requires {
            Objects.requireNonNull(id, "norm id");
            Objects.requireNonNull(ifIssue, "norm " + id + " ifIssue");
            Objects.requireNonNull(thenIssue, "norm " + id + " thenIssue");
            if (ifOptions == null || ifOptions.isEmpty()) throw new IllegalArgumentException("norm " + id + " has no ifOptions");
            if (thenOptions == null || thenOptions.isEmpty()) throw new IllegalArgumentException("norm " + id + " has no thenOptions");
            ifOptions = Set.copyOf(ifOptions);
            thenOptions = Set.copyOf(thenOptions);
            description = description == null ? id : description;
        }

        @Override
        public Check check(Negotiation negotiation, Deal deal) {
            String chosen = deal.option(ifIssue);
            if (!ifOptions.contains(chosen)) {
                return new Check(id, true, "not triggered: " + ifIssue + " is " + chosen);
            }
            String then = deal.option(thenIssue);
            boolean met = thenOptions.contains(then);
            return new Check(id, met, ifIssue + " is " + chosen + ", so " + thenIssue + " must be one of "
                    + sorted(thenOptions) + ": it is " + then);
        }
    }

    /** The listed options can never be chosen (e.g. any option that trades away non-refoulement). */
    record Forbids(String id, String description, String issue, Set<String> options) implements Norm {
        public Forbids {
            Objects.requireNonNull(id, "norm id");
            Objects.requireNonNull(issue, "norm " + id + " issue");
            if (options == null || options.isEmpty()) throw new IllegalArgumentException("norm " + id + " forbids no option");
            options = Set.copyOf(options);
            description = description == null ? id : description;
        }

        @Override
        public Check check(Negotiation negotiation, Deal deal) {
            String chosen = deal.option(issue);
            boolean met = !options.contains(chosen);
            return new Check(id, met, issue + " is " + chosen + (met ? ", not one of the forbidden " : ", which is forbidden: ")
                    + sorted(options));
        }
    }

    private static List<String> sorted(Set<String> set) {
        return set.stream().sorted().toList();
    }
}
