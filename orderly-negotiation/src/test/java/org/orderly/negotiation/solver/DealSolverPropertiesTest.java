package org.orderly.negotiation.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.orderly.negotiation.Norm;
import org.orderly.negotiation.Table;

/** The CP-SAT engine against exhaustive enumeration on random tables (seeded; each case's seed is printed on failure). */
class DealSolverPropertiesTest {
    private static final int CASES = 40;
    private final DealSolver solver = new DealSolver();

    static LongStream seeds() {
        return Seeds.cases(CASES);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void jointGainEqualsEnumeration(long seed) {
        Seeds.check(seed, () -> RandomTables.table(seed), () -> {
            assertSameOptimum(RandomTables.table(seed), Objective.JOINT);
        });
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void nashProductEqualsEnumeration(long seed) {
        Seeds.check(seed, () -> RandomTables.table(seed), () -> {
            assertSameOptimum(RandomTables.table(seed), Objective.NASH);
        });
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void relaxationNashDealIsRationalAndItsBoundEnclosesTheEnumeratedOptimum(long seed) {
        Seeds.check(seed, () -> RandomTables.table(seed), () -> {
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
        });
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void maxminValueAndJointTieBreakEqualEnumeration(long seed) {
        Seeds.check(seed, () -> RandomTables.table(seed), () -> {
            Table table = RandomTables.table(seed);
            assertSameOptimum(table, Objective.MAXMIN);
            Outcome engine = solver.propose(table, Objective.MAXMIN);
            Outcome baseline = Enumeration.propose(table, Objective.MAXMIN);
            if (engine instanceof Outcome.Proposal e && baseline instanceof Outcome.Proposal b) {
                assertThat(sum(e)).isEqualTo(sum(b));
            }
        });
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void paretoFrontierEqualsEnumerationExactly(long seed) {
        Seeds.check(seed, () -> RandomTables.table(seed), () -> {
            Table table = RandomTables.table(seed);
            for (boolean rationalOnly : new boolean[] {false, true}) {
                ParetoFrontier engine = solver.paretoFrontier(table, rationalOnly, 10_000);
                ParetoFrontier baseline = Enumeration.paretoFrontier(table, rationalOnly);
                assertThat(engine.complete()).isTrue();
                assertThat(vectors(engine)).isEqualTo(vectors(baseline));
                assertThat(engine.size()).isEqualTo(baseline.size());
                engine.points()
                        .forEach(p ->
                                assertThat(table.negotiation().admits(p.deal())).isTrue());
            }
        });
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void everyProposalMeetsEveryNormAndIsIndividuallyRational(long seed) {
        Seeds.check(seed, () -> RandomTables.table(seed), () -> {
            Table table = RandomTables.table(seed);
            for (Objective objective : Objective.values()) {
                if (solver.propose(table, objective) instanceof Outcome.Proposal p) {
                    assertThat(p.norms())
                            .hasSize(table.negotiation().norms().size())
                            .allMatch(Norm.Check::met);
                    assertThat(table.individuallyRational(p.deal())).isTrue();
                    assertThat(p.proof()).isEqualTo(Proof.OPTIMAL);
                }
            }
        });
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
        return frontier.points().stream()
                .map(p -> frontier.parties().stream()
                        .map(q -> String.valueOf(p.utilities().get(q)))
                        .collect(Collectors.joining(",")))
                .collect(Collectors.toSet());
    }
}
