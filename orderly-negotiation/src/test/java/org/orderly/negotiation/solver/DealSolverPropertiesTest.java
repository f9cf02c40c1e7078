package org.orderly.negotiation.solver;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.orderly.negotiation.Norm;
import org.orderly.negotiation.Table;

import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class DealSolverPropertiesTest {
    private final DealSolver solver = new DealSolver();

    @Property(tries = 40)
    void jointGainEqualsEnumeration(@ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
        assertSameOptimum(RandomTables.table(seed), Objective.JOINT);
    }

    @Property(tries = 40)
    void nashProductEqualsEnumeration(@ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
        assertSameOptimum(RandomTables.table(seed), Objective.NASH);
    }

    @Property(tries = 40)
    void relaxationNashDealIsRationalAndItsBoundEnclosesTheEnumeratedOptimum(@ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
        Table table = RandomTables.table(seed);
        Compiled compiled = new Compiled(table);
        Outcome engine = solver.nashByRelaxation(compiled, Math.max(1, compiled.margin), System.nanoTime());
        Outcome baseline = Enumeration.propose(table, Objective.NASH);
        assertThat(engine.getClass()).isEqualTo(baseline.getClass());
        if (engine instanceof Outcome.Proposal e && baseline instanceof Outcome.Proposal b) {
            assertThat(table.individuallyRational(e.deal())).isTrue();
            assertThat(e.value()).isLessThanOrEqualTo(b.value() * (1 + 1e-9));
            assertThat(e.bound()).isGreaterThanOrEqualTo(b.value() * (1 - 1e-9));
            assertThat(e.gap()).isBetween(0.0, 1.0);
            if (e.proof() == Proof.OPTIMAL) assertThat(e.value()).isCloseTo(b.value(), within(1e-9 * b.value()));
        }
    }

    @Property(tries = 40)
    void maxminValueAndJointTieBreakEqualEnumeration(@ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
        Table table = RandomTables.table(seed);
        assertSameOptimum(table, Objective.MAXMIN);
        Outcome engine = solver.propose(table, Objective.MAXMIN);
        Outcome baseline = Enumeration.propose(table, Objective.MAXMIN);
        if (engine instanceof Outcome.Proposal e && baseline instanceof Outcome.Proposal b) {
            assertThat(sum(e)).isEqualTo(sum(b));
        }
    }

    @Property(tries = 40)
    void paretoFrontierEqualsEnumerationExactly(@ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
        Table table = RandomTables.table(seed);
        for (boolean rationalOnly : new boolean[]{false, true}) {
            ParetoFrontier engine = solver.paretoFrontier(table, rationalOnly, 10_000);
            ParetoFrontier baseline = Enumeration.paretoFrontier(table, rationalOnly);
            assertThat(engine.complete()).isTrue();
            assertThat(vectors(engine)).isEqualTo(vectors(baseline));
            assertThat(engine.size()).isEqualTo(baseline.size());
            engine.points().forEach(p -> assertThat(table.negotiation().admits(p.deal())).isTrue());
        }
    }

    @Property(tries = 40)
    void everyProposalMeetsEveryNormAndIsIndividuallyRational(@ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
        Table table = RandomTables.table(seed);
        for (Objective objective : Objective.values()) {
            if (solver.propose(table, objective) instanceof Outcome.Proposal p) {
                assertThat(p.norms()).hasSize(table.negotiation().norms().size()).allMatch(Norm.Check::met);
                assertThat(table.individuallyRational(p.deal())).isTrue();
                assertThat(p.proof()).isEqualTo(Proof.OPTIMAL);
            }
        }
    }

    private void assertSameOptimum(Table table, Objective objective) {
        Outcome engine = solver.propose(table, objective);
        Outcome baseline = Enumeration.propose(table, objective);
        assertThat(engine.getClass()).isEqualTo(baseline.getClass());
        if (engine instanceof Outcome.Proposal e && baseline instanceof Outcome.Proposal b) {
            assertThat(e.proof()).isEqualTo(Proof.OPTIMAL);
            assertThat(e.value()).isCloseTo(b.value(), within(1e-9));
            assertThat(table.individuallyRational(e.deal())).isTrue();
        }
    }

    private static long sum(Outcome.Proposal p) {
        return p.gains().values().stream().mapToLong(Long::longValue).sum();
    }

    private static Set<String> vectors(ParetoFrontier frontier) {
        return frontier.points().stream().map(p -> frontier.parties().stream().map(q -> String.valueOf(p.utilities().get(q)))
                .collect(Collectors.joining(","))).collect(Collectors.toSet());
    }
}
