package org.orderly.lab.negotiation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.orderly.lab.Lab;
import org.orderly.lab.model.Assumptions;
import org.orderly.lab.scenario.DraftDeal;
import org.orderly.lab.scenario.ScenarioResult;
import org.orderly.lab.scenario.StateEffect;
import org.orderly.negotiation.Deal;
import org.orderly.negotiation.Issue;
import org.orderly.negotiation.Negotiation;
import org.orderly.negotiation.Option;
import org.orderly.negotiation.conclusion.Conclusion;
import org.orderly.regime.Commitment;
import org.orderly.regime.Instrument;
import org.orderly.regime.Participation;
import org.orderly.regime.Source;

/**
 * A negotiation seen through the lab: a package (or one option alone) becomes a draft deal among the parties, run against
 * no deal; from that, each party's projected effects of a proposed package, and a seed for a party's valuation: points
 * per option in proportion to the option's projected effect on the chosen measure, shown as such and entered only when
 * the negotiator enters them.
 */
public final class NegotiationScenarios {
    /** The largest seeded value, in points: the option with the largest effect gets it, the others their share. */
    public static final long SEED_SCALE = 10;

    private NegotiationScenarios() {}

    /** The draft deal that a set of choices makes, in force from {@code inForce}, among the negotiation's parties. */
    public static DraftDeal draft(Negotiation negotiation, Map<String, String> choices, String id, LocalDate inForce) {
        Source source = new Source(
                "Scenario of negotiation " + negotiation.id() + " (not concluded)",
                "/negotiations/" + negotiation.id(),
                inForce);
        List<Commitment> commitments = Conclusion.commitmentsOf(negotiation, choices, id, source);
        boolean bilateral = negotiation.parties().size() == 2;
        Instrument instrument = new Instrument(
                id,
                negotiation.title() + " (scenario)",
                bilateral ? Instrument.Kind.BILATERAL_AGREEMENT : Instrument.Kind.REGIONAL_AGREEMENT,
                bilateral ? Instrument.Level.BILATERAL : Instrument.Level.REGIONAL,
                true,
                inForce,
                inForce,
                EnumSet.noneOf(org.orderly.regime.Pillar.class),
                source);
        List<Participation> participations = negotiation.parties().stream()
                .map(p -> new Participation(p, id, Participation.Status.RATIFIED, inForce, null, List.of(), source))
                .toList();
        return new DraftDeal(instrument, commitments, participations);
    }

    /** Each party's projected effects of a package in {@code year} (the deal in force from {@link #start}). */
    public static Map<String, StateEffect> effects(Lab lab, Negotiation negotiation, Deal deal, int year) {
        ScenarioResult result = lab.scenario(
                draft(negotiation, deal.choices(), scenarioId(negotiation, "package"), start(lab, year)),
                year,
                Assumptions.DEFAULT);
        Map<String, StateEffect> effects = new LinkedHashMap<>();
        for (String party : negotiation.parties()) effects.put(party, result.state(party));
        return effects;
    }

    /** One option's projected effect on a party, and the points it is seeded with. */
    public record SeedRow(
            String issue, String issueTitle, String option, String optionLabel, double effect, long points) {}

    /**
     * A party's valuation seeded from projections: each option with a commitment run alone (every other issue at no
     * commitment) against no deal; its effect on the measure for the party; points = round(10 × effect / largest |effect|).
     *
     * @param perPoint how much of the measure one point stands for (0 when no option moves it: every seed is then 0)
     */
    public record Seed(
            String party, int year, Measure measure, double perPoint, List<SeedRow> rows, List<String> assumptions) {

        /** The seeded points of an option, or null when the option is not seeded. */
        public Long points(String issue, String option) {
            return rows.stream()
                    .filter(r -> r.issue().equals(issue) && r.option().equals(option))
                    .map(SeedRow::points)
                    .findFirst()
                    .orElse(null);
        }
    }

    public static Seed seed(Lab lab, Negotiation negotiation, String party, int year, Measure measure) {
        if (!negotiation.parties().contains(party))
            throw new IllegalArgumentException(party + " is not a party to negotiation " + negotiation.id());
        List<double[]> effects = new ArrayList<>();
        List<String[]> keys = new ArrayList<>();
        double largest = 0;
        for (Issue issue : negotiation.issues()) {
            for (Option option : issue.options()) {
                double effect = 0;
                if (issue.template() != null && !option.isNone()) {
                    DraftDeal deal = draft(
                            negotiation,
                            Map.of(issue.id(), option.id()),
                            scenarioId(negotiation, issue.id() + "-" + option.id()),
                            start(lab, year));
                    effect = measure.of(
                            lab.scenario(deal, year, Assumptions.DEFAULT).state(party));
                }
                effects.add(new double[] {effect});
                keys.add(new String[] {issue.id(), issue.title(), option.id(), option.label()});
                largest = Math.max(largest, Math.abs(effect));
            }
        }
        double perPoint = largest / SEED_SCALE;
        List<SeedRow> rows = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            double effect = effects.get(i)[0];
            long points = perPoint == 0 ? 0 : Math.round(effect / perPoint);
            rows.add(new SeedRow(keys.get(i)[0], keys.get(i)[1], keys.get(i)[2], keys.get(i)[3], effect, points));
        }
        return new Seed(
                party,
                year,
                measure,
                perPoint,
                rows,
                Assumptions.DEFAULT.statements(lab.observations().lastYear()));
    }

    /**
     * A package studied for year Y is taken to enter into force on 2 July of Y − 5, the day after the date the step ending
     * in Y − 5 is read on (and not before the year after the data), so that exactly the five-year step ending in Y holds it,
     * whatever today's date.
     */
    public static LocalDate start(Lab lab, int year) {
        return year - 5 > lab.observations().lastYear()
                ? LocalDate.of(year - 5, 7, 2)
                : LocalDate.of(lab.observations().lastYear() + 1, 1, 1);
    }

    private static String scenarioId(Negotiation negotiation, String what) {
        return "SCENARIO-" + negotiation.id() + "-" + what;
    }
}
