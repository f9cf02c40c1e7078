package org.orderly.negotiation.solver;

import java.util.List;
import java.util.Map;
import org.orderly.negotiation.Deal;
import org.orderly.negotiation.Norm;

/** What the engine answers: a proposed deal, or no deal with the reason. */
public sealed interface Outcome permits Outcome.Proposal, Outcome.NoDeal {

    /** The one dispatch over the family: a deal or none (a new kind of outcome fails to compile where unhandled). */
    <R> R match(java.util.function.Function<Proposal, R> proposal, java.util.function.Function<NoDeal, R> noDeal);

    /**
     * A proposed deal with each party's utility and gain (points), the objective's value, how far
     * it is proven ({@code bound} is the solver's best bound on the objective, {@code gap} the
     * relative distance between value and bound: (bound − value) / bound for JOINT and MAXMIN,
     * 1 − (value / bound)^(1/parties) for NASH, i.e. on the geometric mean gain), how it was
     * computed (the {@code method} text restates the gap's definition), and each norm's check.
     */
    record Proposal(
            Objective objective,
            Deal deal,
            Map<String, Long> utilities,
            Map<String, Long> gains,
            double value,
            double bound,
            double gap,
            Proof proof,
            String method,
            List<Norm.Check> norms,
            double seconds)
            implements Outcome {
        @Override
        public <R> R match(
                java.util.function.Function<Proposal, R> proposal, java.util.function.Function<NoDeal, R> noDeal) {
            return proposal.apply(this);
        }

        public Proposal {
            utilities = Map.copyOf(utilities);
            gains = Map.copyOf(gains);
            norms = List.copyOf(norms);
        }

        public boolean proven() {
            return proof == Proof.OPTIMAL;
        }
    }

    /**
     * No individually rational deal exists (or none was found in time, when {@code proof} is
     * {@link Proof#TIME_LIMIT}); {@code blockers} say whose reservation blocks and by how much,
     * {@code blockingNorms} which norms, removed one at a time, would make a deal possible.
     */
    record NoDeal(String reason, List<Blocker> blockers, List<String> blockingNorms, Proof proof, double seconds)
            implements Outcome {
        @Override
        public <R> R match(
                java.util.function.Function<Proposal, R> proposal, java.util.function.Function<NoDeal, R> noDeal) {
            return noDeal.apply(this);
        }

        public NoDeal {
            blockers = List.copyOf(blockers);
            blockingNorms = List.copyOf(blockingNorms);
        }
    }

    /**
     * A party whose reservation blocks a deal: the most it can get while every other party is
     * satisfied ({@code null} if the others cannot all be satisfied at all), what it needs
     * (reservation + margin) and the shortfall (how much it would have to lower its reservation).
     */
    record Blocker(String party, Long bestUtility, long required, Long shortfall) {}
}
