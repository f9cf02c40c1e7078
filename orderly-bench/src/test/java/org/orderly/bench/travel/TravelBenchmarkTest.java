package org.orderly.bench.travel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.orderly.regime.Registry;
import org.orderly.regime.Rulebook;
import org.orderly.travel.requirement.TravelRules;

/** The benchmark's baseline must answer what the compiled rules answer, or the ratio means nothing. */
class TravelBenchmarkTest {
    @Test
    void baselineAndCompiledRulesAgreeOnEveryPair() {
        LocalDate on = LocalDate.of(2026, 11, 23);
        Registry registry = TravelBenchmark.registry();
        TravelRules rules = TravelRules.compile(Rulebook.compile(registry, on));
        TravelBenchmark.UncompiledTravelRules baseline = new TravelBenchmark.UncompiledTravelRules(registry, on);
        int n = rules.rulebook().size();
        for (int p = 0; p < n; p++) {
            for (int d = 0; d < n; d++) {
                String passport = rules.rulebook().codeAt(p);
                String destination = rules.rulebook().codeAt(d);
                assertThat(baseline.category(passport, destination))
                        .as(passport + " → " + destination)
                        .isEqualTo(rules.requirement(p, d).category());
            }
        }
    }
}
