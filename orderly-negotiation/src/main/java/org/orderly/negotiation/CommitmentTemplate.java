package org.orderly.negotiation;

import org.orderly.regime.Commitment;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * What commitment an issue produces once an option is chosen: its kind, who grants it to whom,
 * and the fixed attributes (sector, standard, dataset, purposes, fields, rights, window days…);
 * the chosen option supplies the one varying parameter.
 */
public record CommitmentTemplate(Commitment.Kind kind, Set<String> grantors, Set<String> beneficiaries,
                                 Map<String, String> attributes) {
    public CommitmentTemplate {
        Objects.requireNonNull(kind, "commitment template kind");
        if (grantors == null || grantors.isEmpty()) throw new IllegalArgumentException("a commitment template needs a grantor");
        if (beneficiaries == null || beneficiaries.isEmpty()) throw new IllegalArgumentException("a commitment template needs a beneficiary");
        grantors = Set.copyOf(grantors);
        beneficiaries = Set.copyOf(beneficiaries);
        attributes = attributes == null ? Map.of() : Map.copyOf(new TreeMap<>(attributes));
    }

    /** An attribute's value, or the fallback when the template does not set it. */
    public String attribute(String name, String fallback) {
        return attributes.getOrDefault(name, fallback);
    }

    /** Every state named by the template, as grantor or beneficiary. */
    public Set<String> states() {
        var all = new java.util.TreeSet<>(grantors);
        all.addAll(beneficiaries);
        return all;
    }
}
