package org.orderly.negotiation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The negotiation together with every party's private valuation, as only the mediating engine
 * sees it; {@code pointsPerUnit} converts points back to the source's scale (1 for Orderly files,
 * 1,000,000 for GENIUS profiles, whose utilities lie in [0, 1]).
 */
public record Table(Negotiation negotiation, Map<String, Valuation> valuations, long pointsPerUnit) {
    public Table {
        Objects.requireNonNull(negotiation, "negotiation");
        if (pointsPerUnit <= 0) throw new IllegalArgumentException("points per unit must be positive");
        Map<String, Valuation> ordered = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (String party : negotiation.parties()) {
            Valuation valuation = valuations.get(party);
            if (valuation == null) problems.add("party " + party + " has no valuation");
            else ordered.put(party, valuation);
        }
        for (var entry : valuations.entrySet()) {
            if (!negotiation.parties().contains(entry.getKey()))
                problems.add("valuation of " + entry.getKey() + ", who is not a party");
            Valuation valuation = entry.getValue();
            valuation.values().forEach((issueId, options) -> {
                var issue = negotiation.issue(issueId);
                if (issue.isEmpty())
                    problems.add("valuation of " + valuation.party() + " values unknown issue " + issueId);
                else
                    options.keySet().stream()
                            .filter(o -> issue.get().option(o).isEmpty())
                            .forEach(o -> problems.add("valuation of " + valuation.party() + " values unknown option "
                                    + o + " of issue " + issueId));
            });
            for (Valuation.Bundle bundle : valuation.bundles()) {
                for (Valuation.Condition condition : bundle.conditions()) {
                    var issue = negotiation.issue(condition.issue());
                    if (issue.isEmpty()) {
                        problems.add("valuation of " + valuation.party() + " has a bundle on unknown issue "
                                + condition.issue());
                    } else {
                        condition.match(
                                oneOf -> {
                                    oneOf.options().stream()
                                            .filter(o -> issue.get().option(o).isEmpty())
                                            .forEach(o -> problems.add("valuation of " + valuation.party()
                                                    + " has a bundle on unknown choice " + condition.issue() + "="
                                                    + o));
                                    return oneOf;
                                },
                                between -> {
                                    if (issue.get().options().stream().allMatch(o -> o.value() == null)) {
                                        problems.add("valuation of " + valuation.party() + " has a range on issue "
                                                + condition.issue() + ", whose options have no values");
                                    }
                                    return between;
                                });
                    }
                }
            }
        }
        if (!problems.isEmpty())
            throw new IllegalArgumentException("negotiation " + negotiation.id() + ": " + String.join("; ", problems));
        valuations = java.util.Collections.unmodifiableMap(ordered);
    }

    public Table(Negotiation negotiation, Map<String, Valuation> valuations) {
        this(negotiation, valuations, 1);
    }

    public Valuation valuation(String party) {
        Valuation valuation = valuations.get(party);
        if (valuation == null) throw new IllegalArgumentException(party + " is not a party to " + negotiation.id());
        return valuation;
    }

    /** A party's utility from a deal, in points. */
    public long utility(String party, Deal deal) {
        return valuation(party).utility(negotiation, deal);
    }

    /** A party's gain from a deal over its reservation value, in points. */
    public long gain(String party, Deal deal) {
        return utility(party, deal) - valuation(party).reservation();
    }

    /** Whether every party gains at least the margin and the deal meets every norm. */
    public boolean individuallyRational(Deal deal) {
        return negotiation.admits(deal)
                && negotiation.parties().stream().allMatch(p -> gain(p, deal) >= negotiation.margin());
    }

    /** A copy in which one party's valuation is replaced. */
    public Table with(Valuation valuation) {
        Map<String, Valuation> copy = new LinkedHashMap<>(valuations);
        copy.put(valuation.party(), valuation);
        return new Table(negotiation, copy, pointsPerUnit);
    }
}
