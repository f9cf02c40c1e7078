package org.orderly.regime;

import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Who owes a commitment to whom. The grantor is the state that acts (waives visas, readmits,
 * sends data, opens its labour market); the beneficiary is the state whose nationals or
 * authorities benefit.
 */
public sealed interface Scope extends java.io.Serializable permits Scope.Reciprocal, Scope.Directed {

    /** Stands, in a {@link Directed} scope, for every state bound by the instrument on the date. */
    String PARTIES = "PARTIES";

    /**
     * Stands, among a {@link Directed} scope's beneficiaries, for every state: a state's own policy open to any
     * nationality (a national skilled-worker route) owes it to all.
     */
    String ANY = "ANY";

    /**
     * The one dispatch over the family: one function per kind of scope, so that a new kind changes this signature and every
     * use that does not handle it fails to compile (Java 17 cannot check a pattern switch over a sealed type).
     */
    <R> R match(Function<Reciprocal, R> reciprocal, Function<Directed, R> directed);

    /** Whether every bound state owes the commitment to every other one (no lists of grantors and beneficiaries). */
    default boolean isReciprocal() {
        return match(reciprocal -> true, directed -> false);
    }

    /** Every state bound by the instrument owes the commitment to every other one. */
    record Reciprocal() implements Scope {
        @Override
        public <R> R match(Function<Reciprocal, R> reciprocal, Function<Directed, R> directed) {
            return reciprocal.apply(this);
        }
    }

    /** Listed grantors owe the commitment to listed beneficiaries; either list may hold {@link #PARTIES}, beneficiaries {@link #ANY}. */
    record Directed(Set<String> grantors, Set<String> beneficiaries) implements Scope {
        public Directed {
            Objects.requireNonNull(grantors, "grantors");
            Objects.requireNonNull(beneficiaries, "beneficiaries");
            if (grantors.isEmpty() || beneficiaries.isEmpty()) {
                throw new IllegalArgumentException("a directed scope needs at least one grantor and one beneficiary");
            }
            if (grantors.contains(ANY))
                throw new IllegalArgumentException(
                        "a grantor must be named: " + ANY + " stands only for beneficiaries");
            grantors = Set.copyOf(grantors);
            beneficiaries = Set.copyOf(beneficiaries);
        }

        @Override
        public <R> R match(Function<Reciprocal, R> reciprocal, Function<Directed, R> directed) {
            return directed.apply(this);
        }
    }

    static Scope reciprocal() {
        return new Reciprocal();
    }

    static Scope directed(Set<String> grantors, Set<String> beneficiaries) {
        return new Directed(grantors, beneficiaries);
    }

    static Scope bilateral(String grantor, String beneficiary) {
        return new Directed(Set.of(grantor), Set.of(beneficiary));
    }
}
