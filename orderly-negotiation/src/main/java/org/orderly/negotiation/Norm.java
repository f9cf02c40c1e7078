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

    /**
     * The one dispatch over the family: one function per kind of norm, so that a new kind changes this signature and every
     * use that does not handle it fails to compile (Java 17 cannot check a pattern switch over a sealed type).
     */
    <R> R match(java.util.function.Function<Requires, R> requires, java.util.function.Function<Forbids, R> forbids);

    /** The outcome of checking one norm against one deal. */
    record Check(String normId, boolean met, String reason) {}

    /**
     * If the deal picks one of {@code ifOptions} on {@code ifIssue}, it must pick one of
     * {@code thenOptions} on {@code thenIssue} (labour access requires a rights floor; readmission
     * requires safeguards).
     */
    record Requires(
            String id,
            String description,
            String ifIssue,
            Set<String> ifOptions,
            String thenIssue,
            Set<String> thenOptions)
            implements Norm {
        @Override
        public <R> R match(
                java.util.function.Function<Requires, R> requires, java.util.function.Function<Forbids, R> forbids) {
            return requires.apply(this);
        }

        public Requires {
            Objects.requireNonNull(id, "norm id");
            Objects.requireNonNull(ifIssue, "norm " + id + " ifIssue");
            Objects.requireNonNull(thenIssue, "norm " + id + " thenIssue");
            if (ifOptions == null || ifOptions.isEmpty())
                throw new IllegalArgumentException("norm " + id + " has no ifOptions");
            if (thenOptions == null || thenOptions.isEmpty())
                throw new IllegalArgumentException("norm " + id + " has no thenOptions");
            ifOptions = Set.copyOf(ifOptions);
            thenOptions = Set.copyOf(thenOptions);
            description = description == null ? id : description;
        }

        @Override
        public Check check(Negotiation negotiation, Deal deal) {
            String chosen = deal.option(ifIssue);
            String ifTitle = title(negotiation, ifIssue);
            if (!ifOptions.contains(chosen)) {
                return new Check(id, true, "does not apply: " + ifTitle + " is " + label(negotiation, ifIssue, chosen));
            }
            String then = deal.option(thenIssue);
            boolean met = thenOptions.contains(then);
            return new Check(
                    id,
                    met,
                    ifTitle + " is " + label(negotiation, ifIssue, chosen) + ", so " + title(negotiation, thenIssue)
                            + " must be " + labels(negotiation, thenIssue, thenOptions) + ": it is "
                            + label(negotiation, thenIssue, then));
        }
    }

    /** The listed options can never be chosen (e.g. any option that trades away non-refoulement). */
    record Forbids(String id, String description, String issue, Set<String> options) implements Norm {
        @Override
        public <R> R match(
                java.util.function.Function<Requires, R> requires, java.util.function.Function<Forbids, R> forbids) {
            return forbids.apply(this);
        }

        public Forbids {
            Objects.requireNonNull(id, "norm id");
            Objects.requireNonNull(issue, "norm " + id + " issue");
            if (options == null || options.isEmpty())
                throw new IllegalArgumentException("norm " + id + " forbids no option");
            options = Set.copyOf(options);
            description = description == null ? id : description;
        }

        @Override
        public Check check(Negotiation negotiation, Deal deal) {
            String chosen = deal.option(issue);
            boolean met = !options.contains(chosen);
            return new Check(
                    id,
                    met,
                    title(negotiation, issue) + " is " + label(negotiation, issue, chosen)
                            + (met ? ", not " : ", which is forbidden: never ") + labels(negotiation, issue, options));
        }
    }

    /** An issue's title, for reasons in words (the id when the negotiation does not have it). */
    private static String title(Negotiation negotiation, String issueId) {
        return negotiation.issue(issueId).map(Issue::title).orElse(issueId);
    }

    /** An option's label, quoted, e.g. "“7 days, accelerated”". */
    private static String label(Negotiation negotiation, String issueId, String optionId) {
        return "“"
                + negotiation
                        .issue(issueId)
                        .flatMap(i -> i.option(optionId))
                        .map(Option::label)
                        .orElse(optionId) + "”";
    }

    /** Several options' labels in the issue's order, joined with "or". */
    private static String labels(Negotiation negotiation, String issueId, Set<String> optionIds) {
        List<String> labels = negotiation
                .issue(issueId)
                .map(i -> i.options().stream()
                        .filter(o -> optionIds.contains(o.id()))
                        .map(o -> label(negotiation, issueId, o.id()))
                        .toList())
                .orElse(optionIds.stream().sorted().toList());
        if (labels.size() == 1) return labels.get(0);
        return String.join(", ", labels.subList(0, labels.size() - 1)) + " or " + labels.get(labels.size() - 1);
    }
}
