package org.orderly.negotiation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.orderly.negotiation.explanation.Explanation;
import org.orderly.negotiation.format.NegotiationJson;
import org.orderly.negotiation.solver.DealSolver;
import org.orderly.negotiation.solver.Enumeration;
import org.orderly.negotiation.solver.Objective;
import org.orderly.negotiation.solver.Outcome;

class DemonstrationNegotiationTest {
    private final Table demo = NegotiationJson.demo();
    private final DealSolver solver = new DealSolver();

    @Test
    void demonstrationIsLabelledIllustrativeAndNamesDestinationAndOrigin() {
        assertThat(demo.negotiation().title()).contains("ILLUSTRATIVE");
        assertThat(demo.negotiation().parties()).containsExactly("DEU", "MAR");
    }

    @Test
    void everyObjectiveProposesAProvenNormRespectingDealEqualToEnumeration() {
        Map<Objective, Outcome> all = solver.proposeAll(demo);
        for (Objective objective : Objective.values()) {
            Outcome.Proposal proposal = (Outcome.Proposal) all.get(objective);
            Outcome.Proposal baseline = (Outcome.Proposal) Enumeration.propose(demo, objective);
            assertThat(proposal.proven()).isTrue();
            assertThat(proposal.value()).isCloseTo(baseline.value(), within(1e-9));
            assertThat(proposal.norms()).hasSize(3).allMatch(Norm.Check::met);
            assertThat(proposal.deal().option("readmission")).isNotEqualTo("r7-accelerated");
            proposal.gains()
                    .values()
                    .forEach(gain -> assertThat(gain)
                            .isGreaterThanOrEqualTo(demo.negotiation().margin()));
        }
    }

    @Test
    void explanationSplitsWhatEachPartyGivesAndGets() {
        Map<Objective, Outcome> all = solver.proposeAll(demo);
        Deal deal = ((Outcome.Proposal) all.get(Objective.NASH)).deal();
        Explanation morocco = Explanation.of(demo, "MAR", deal, all);
        Explanation germany = Explanation.of(demo, "DEU", deal, all);
        assertThat(morocco.gain()).isEqualTo(demo.gain("MAR", deal));
        assertThat(morocco.gainUnderCandidates()).containsKeys(Objective.JOINT, Objective.MAXMIN);
        morocco.gives()
                .forEach(line -> assertThat(demo.negotiation()
                                .issue(line.issueId())
                                .orElseThrow()
                                .template()
                                .grantors())
                        .contains("MAR"));
        germany.gives()
                .forEach(line -> assertThat(demo.negotiation()
                                .issue(line.issueId())
                                .orElseThrow()
                                .template()
                                .grantors())
                        .contains("DEU"));
        assertThat(morocco.gets().size()).isEqualTo(germany.gives().size());
        // The explanation accounts for every point of the utility: what it gives, gets and settles, and the bundles in
        // the deal.
        for (Explanation explanation : List.of(morocco, germany)) {
            long lines = java.util.stream.Stream.of(explanation.gives(), explanation.gets(), explanation.settles())
                    .flatMap(List::stream)
                    .mapToLong(Explanation.Line::value)
                    .sum();
            long bundles = explanation.bundles().stream()
                    .filter(Explanation.BundleLine::inDeal)
                    .mapToLong(Explanation.BundleLine::value)
                    .sum();
            assertThat(lines + bundles).as(explanation.party()).isEqualTo(explanation.utility());
        }
    }

    @Test
    void germanysLinkedPackageIsExplainedInWordsAndCountsOnlyWhenTheDealHoldsIt() {
        Map<String, String> choices =
                new java.util.LinkedHashMap<>(Deal.noDeal(demo.negotiation()).choices());
        Deal none = new Deal(choices);
        choices.put("labour-care", "q5000");
        choices.put("readmission", "r30");
        Deal linked = new Deal(choices);
        choices.put("readmission", "r60");
        Deal tooSlow = new Deal(choices);

        Explanation.BundleLine line = Explanation.of(demo, "DEU", linked, Map.of()).bundles().stream()
                .filter(b -> b.text().startsWith("A legal channel"))
                .findFirst()
                .orElseThrow();
        assertThat(line.text())
                .isEqualTo(
                        "A legal channel into Germany's care sector for Moroccan nationals (annual quota) (1,000 a year, 5,000 a year or"
                                + " 10,000 a year) together with Readmission by Morocco of its nationals: answer deadline (30 days, 14 days or 7 days, accelerated,"
                                + " without individual assessment)");
        assertThat(line.inDeal()).isTrue();
        assertThat(Explanation.of(demo, "DEU", tooSlow, Map.of()).bundles())
                .filteredOn(b -> b.text().startsWith("A legal channel"))
                .singleElement()
                .extracting(Explanation.BundleLine::inDeal)
                .isEqualTo(false);
        Valuation deu = demo.valuation("DEU");
        long separately = deu.value("labour-care", "q5000") + deu.value("readmission", "r30");
        assertThat(demo.utility("DEU", linked) - demo.utility("DEU", none))
                .isEqualTo(separately
                        - deu.value("readmission", "none")
                        - deu.value("labour-care", "none")
                        + line.value());
        assertThat(demo.utility("DEU", tooSlow) - demo.utility("DEU", none))
                .isEqualTo(deu.value("labour-care", "q5000")
                        + deu.value("readmission", "r60")
                        - deu.value("readmission", "none")
                        - deu.value("labour-care", "none"));
    }

    @Test
    void rejectedPackageNamesTheBlockingNormAndEachShortfall() {
        Map<String, String> choices =
                new java.util.LinkedHashMap<>(Deal.noDeal(demo.negotiation()).choices());
        choices.put("readmission", "r7-accelerated");
        choices.put("return-safeguards", "yes");
        var changes = Explanation.whatWouldHaveToChange(demo, new Deal(choices));
        assertThat(changes).anyMatch(c -> "non-refoulement".equals(c.normId()));
        long marShortfall = demo.negotiation().margin() - demo.gain("MAR", new Deal(choices));
        assertThat(changes).anyMatch(c -> "MAR".equals(c.party()) && c.amount() == marShortfall);
    }

    @Test
    void jsonRoundTripKeepsTheSameOptimum() {
        Table again = NegotiationJson.read(NegotiationJson.write(demo), "round-trip.json");
        assertThat(again.negotiation()).isEqualTo(demo.negotiation());
        assertThat(again.valuations()).isEqualTo(demo.valuations());
    }
}
