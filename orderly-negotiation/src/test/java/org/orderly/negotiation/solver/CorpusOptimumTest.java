package org.orderly.negotiation.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.orderly.negotiation.Table;
import org.orderly.negotiation.format.AnacCorpus;
import org.orderly.negotiation.format.GeniusReader;

/**
 * The engine's optimum against exhaustive enumeration on every enumerable ANAC scenario (all but the
 * 2014 non-linear ones, whose 10¹⁰ and 10³⁰ outcomes cannot be visited), for every objective, in one run.
 */
class CorpusOptimumTest {
    static final long ENUMERABLE = 5_000_000;

    @Test
    void engineEqualsEnumerationOnEveryEnumerableScenario() {
        DealSolver solver = new DealSolver();
        List<String> differences = new ArrayList<>();
        int compared = 0;
        for (Path folder : AnacCorpus.scenarios()) {
            Table table = GeniusReader.readFolder(folder).table();
            if (Enumeration.outcomes(table) > ENUMERABLE) continue;
            compared++;
            for (Objective objective : Objective.values()) {
                Outcome engine = solver.propose(table, objective);
                Outcome baseline = Enumeration.propose(table, objective);
                String difference = difference(table, objective, engine, baseline);
                if (difference != null)
                    differences.add(AnacCorpus.ROOT.relativize(folder) + " " + objective + ": " + difference);
            }
        }
        assertThat(compared).isGreaterThanOrEqualTo(100);
        assertThat(differences).isEmpty();
    }

    /** Null when the engine's answer is the enumerated optimum (and proven); otherwise what differs. */
    static String difference(Table table, Objective objective, Outcome engine, Outcome baseline) {
        if (engine.getClass() != baseline.getClass())
            return "engine " + engine.getClass().getSimpleName() + ", enumeration "
                    + baseline.getClass().getSimpleName();
        if (!(engine instanceof Outcome.Proposal e) || !(baseline instanceof Outcome.Proposal b)) return null;
        if (!table.individuallyRational(e.deal())) return "the engine's deal is not individually rational";
        if (e.proof() != Proof.OPTIMAL)
            return String.format(
                    Locale.ROOT,
                    "not proven (%s, gap %.3g); value %.9g, enumeration %.9g",
                    e.proof(),
                    e.gap(),
                    e.value(),
                    b.value());
        double tolerance = objective == Objective.NASH ? 1e-9 * Math.abs(b.value()) : 0;
        if (Math.abs(e.value() - b.value()) > tolerance)
            return String.format(Locale.ROOT, "value %.9g, enumeration %.9g", e.value(), b.value());
        return null;
    }
}
