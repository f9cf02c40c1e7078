package org.orderly.lab.model;

import java.util.List;
import java.util.Locale;

/** A named list of terms: which regressors a model has. */
public record Specification(String name, String description, List<Term> terms) {

    /**
     * Orderly's model: dynamic gravity. Networks (the diaspora five years before), the two populations, the refugee share of
     * the diaspora, and the registry's policy variables: changes of the visa requirement and the opening of free movement
     * during the step (a deal's lever), free movement in force, its transitional form without work, and pairs with no rule.
     */
    public static final Specification GRAVITY = new Specification(
            "gravity",
            "network, populations, refugee share and the registry's policy variables",
            List.of(
                    Term.INTERCEPT,
                    Term.NETWORK,
                    Term.NEW_CORRIDOR,
                    Term.ORIGIN_POPULATION,
                    Term.DESTINATION_POPULATION,
                    Term.REFUGEE_SHARE,
                    Term.VISA_LIFTED,
                    Term.VISA_IMPOSED,
                    Term.FREE_MOVEMENT_OPENED,
                    Term.WORK_RESTRICTIONS_LIFTED,
                    Term.FREE_MOVEMENT,
                    Term.FREE_MOVEMENT_WITHOUT_WORK,
                    Term.POLICY_NOT_RECORDED));

    /** The same with the growth of the last five years carried forward (corridor, destination and origin momentum). */
    public static final Specification GRAVITY_WITH_MOMENTUM = new Specification(
            "gravity+momentum",
            "the gravity model plus the last five years' growth of the corridor, the destination and the origin",
            java.util.stream.Stream.concat(
                            GRAVITY.terms().stream(),
                            java.util.stream.Stream.of(Term.MOMENTUM, Term.DESTINATION_MOMENTUM, Term.ORIGIN_MOMENTUM))
                    .toList());

    public static final List<Specification> ALL = List.of(GRAVITY, GRAVITY_WITH_MOMENTUM);

    public Specification {
        terms = List.copyOf(terms);
        if (terms.isEmpty() || terms.get(0) != Term.INTERCEPT)
            throw new IllegalArgumentException("a specification starts with the intercept");
    }

    /** A specification by name. */
    public static Specification named(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        return ALL.stream()
                .filter(s -> s.name().equals(key))
                .findFirst()
                .orElseThrow(
                        () -> new IllegalArgumentException("no model specification '" + name + "' (expected one of "
                                + ALL.stream().map(Specification::name).toList() + ")"));
    }

    /** Whether the terms need the stock ten years before. */
    public boolean needsTwoLags() {
        return terms.contains(Term.MOMENTUM)
                || terms.contains(Term.DESTINATION_MOMENTUM)
                || terms.contains(Term.ORIGIN_MOMENTUM);
    }
}
