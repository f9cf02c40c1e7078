package org.orderly.negotiation.explanation;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.orderly.negotiation.Deal;
import org.orderly.negotiation.Issue;
import org.orderly.negotiation.Norm;
import org.orderly.negotiation.Option;
import org.orderly.negotiation.Table;
import org.orderly.negotiation.Valuation;
import org.orderly.negotiation.solver.Objective;
import org.orderly.negotiation.solver.Outcome;

/**
 * What a deal means for one party: the commitments it gives and gets (with their value to it),
 * its gain over its reservation value, and how it would fare under the other candidate deals.
 */
public record Explanation(
        String party,
        List<Line> gives,
        List<Line> gets,
        List<Line> settles,
        List<BundleLine> bundles,
        long utility,
        long reservation,
        long gain,
        boolean acceptable,
        Map<Objective, Long> gainUnderCandidates,
        List<Norm.Check> norms) {
    public Explanation {
        bundles = List.copyOf(bundles);
        gives = List.copyOf(gives);
        gets = List.copyOf(gets);
        settles = List.copyOf(settles);
        gainUnderCandidates = Map.copyOf(gainUnderCandidates);
        norms = List.copyOf(norms);
    }

    /** One issue as settled by the deal and what that option is worth to the party (points). */
    public record Line(String issueId, String issue, String optionId, String option, long value) {}

    /**
     * One of the party's bundles (issue linkage) in words, e.g. "Labour access … (1,000 a year, 5,000 a
     * year or 10,000 a year) together with Readmission … (30 days or 14 days)", its value and whether
     * this deal contains it (then its value is part of the utility).
     */
    public record BundleLine(String text, long value, boolean inDeal) {}

    /** A change that would make a rejected package acceptable: a norm that blocks it, or a party's shortfall. */
    public record Change(String party, String normId, long amount, String text) {}

    /**
     * Explains a deal to one party; {@code candidates} are the deals the other objectives propose
     * (pass an empty map if none), so the party sees what it would gain under each.
     */
    public static Explanation of(Table table, String party, Deal deal, Map<Objective, Outcome> candidates) {
        Valuation valuation = table.valuation(party);
        table.negotiation().requireComplete(deal);
        List<Line> gives = new ArrayList<>();
        List<Line> gets = new ArrayList<>();
        List<Line> settles = new ArrayList<>();
        for (Issue issue : table.negotiation().issues()) {
            Option option = issue.option(deal.option(issue.id())).orElseThrow();
            Line line = new Line(
                    issue.id(), issue.title(), option.id(), option.label(), valuation.value(issue.id(), option.id()));
            if (issue.template() == null) settles.add(line);
            else if (option.isNone()) continue;
            else if (issue.template().grantors().contains(party)) gives.add(line);
            else if (issue.template().beneficiaries().contains(party)) gets.add(line);
            else settles.add(line);
        }
        Map<Objective, Long> others = new EnumMap<>(Objective.class);
        candidates.forEach((objective, outcome) -> {
            if (outcome instanceof Outcome.Proposal p) others.put(objective, table.gain(party, p.deal()));
        });
        List<BundleLine> bundles = new ArrayList<>();
        for (Valuation.Bundle bundle : valuation.bundles()) {
            bundles.add(
                    new BundleLine(words(table, bundle), bundle.value(), bundle.appliesTo(table.negotiation(), deal)));
        }
        long utility = table.utility(party, deal);
        long gain = utility - valuation.reservation();
        return new Explanation(
                party,
                gives,
                gets,
                settles,
                bundles,
                utility,
                valuation.reservation(),
                gain,
                gain >= table.negotiation().margin(),
                others,
                table.negotiation().check(deal));
    }

    /** A bundle in words: each condition as the issue's title and the options (their labels) that meet it. */
    public static String words(Table table, Valuation.Bundle bundle) {
        List<String> parts = new ArrayList<>();
        for (Valuation.Condition condition : bundle.conditions()) {
            Issue issue = table.negotiation().issue(condition.issue()).orElseThrow();
            List<String> labels = issue.options().stream()
                    .filter(condition::admits)
                    .map(Option::label)
                    .toList();
            String options = labels.size() == 1
                    ? labels.get(0)
                    : String.join(", ", labels.subList(0, labels.size() - 1)) + " or " + labels.get(labels.size() - 1);
            parts.add(issue.title() + " (" + options + ")");
        }
        return String.join(" together with ", parts);
    }

    /**
     * For a package that is not acceptable, what would have to change: each norm it breaks, and for
     * each party below its reservation plus margin the smallest change (raise its valuation of the
     * package, or lower its reservation, by the shortfall). Empty when the package is acceptable.
     */
    public static List<Change> whatWouldHaveToChange(Table table, Deal deal) {
        table.negotiation().requireComplete(deal);
        List<Change> changes = new ArrayList<>();
        for (Norm.Check check : table.negotiation().check(deal)) {
            if (!check.met())
                changes.add(new Change(
                        null, check.normId(), 0, "norm " + check.normId() + " blocks the package: " + check.reason()));
        }
        long margin = table.negotiation().margin();
        for (String party : table.negotiation().parties()) {
            long gain = table.gain(party, deal);
            if (gain < margin) {
                long shortfall = margin - gain;
                long reservation = table.valuation(party).reservation();
                changes.add(new Change(
                        party,
                        null,
                        shortfall,
                        party + " is short by " + shortfall + " points: it would accept if it valued the package "
                                + shortfall + " points more, or lowered its reservation from " + reservation + " to "
                                + (reservation - shortfall)));
            }
        }
        return changes;
    }
}
