package org.orderly.negotiation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.orderly.negotiation.format.NegotiationJson;
import org.orderly.negotiation.solver.DealSolver;
import org.orderly.negotiation.solver.Objective;
import org.orderly.negotiation.solver.Outcome;

class NoDealTest {
    private final Table demo = NegotiationJson.demo();
    private final DealSolver solver = new DealSolver();

    @Test
    void namesThePartyWhoseReservationBlocksAndByHowMuch() {
        Table greedy = demo.with(demo.valuation("MAR").withReservation(200));
        Outcome outcome = solver.propose(greedy, Objective.JOINT);
        assertThat(outcome).isInstanceOf(Outcome.NoDeal.class);
        Outcome.NoDeal noDeal = (Outcome.NoDeal) outcome;
        Outcome.Blocker mar = noDeal.blockers().stream()
                .filter(b -> b.party().equals("MAR"))
                .findFirst()
                .orElseThrow();
        assertThat(mar.required()).isEqualTo(201);
        assertThat(mar.shortfall()).isEqualTo(201 - mar.bestUtility()).isPositive();
        assertThat(noDeal.reason()).contains("MAR");
        Table lowered = demo.with(demo.valuation("MAR").withReservation(200 - mar.shortfall()));
        assertThat(solver.propose(lowered, Objective.JOINT)).isInstanceOf(Outcome.Proposal.class);
    }

    @Test
    void namesTheNormThatMakesEveryDealImpossible() {
        Negotiation n = demo.negotiation();
        List<Norm> norms = new ArrayList<>(n.norms());
        norms.add(new Norm.Forbids(
                "no-safeguards", "an impossible norm for the test", "return-safeguards", Set.of("none", "yes")));
        Table impossible = new Table(
                new Negotiation(n.id(), n.title(), n.parties(), n.issues(), norms, n.margin()), demo.valuations());
        Outcome.NoDeal noDeal = (Outcome.NoDeal) solver.propose(impossible, Objective.NASH);
        assertThat(noDeal.blockingNorms()).containsExactly("no-safeguards");
        assertThat(noDeal.reason()).contains("norms exclude every deal");
    }
}
