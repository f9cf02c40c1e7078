package org.orderly.lab.negotiation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.orderly.lab.Lab;
import org.orderly.lab.LabFixtures;
import org.orderly.lab.scenario.StateEffect;
import org.orderly.negotiation.Deal;
import org.orderly.negotiation.Negotiation;
import org.orderly.negotiation.format.NegotiationJson;

class NegotiationScenariosTest {
    private static final Negotiation DEMO = NegotiationJson.demo().negotiation();

    @Test
    void aSeedGivesEachOptionPointsInProportionToItsProjectedEffectOnTheMeasure() {
        Lab lab = LabFixtures.lab();
        NegotiationScenarios.Seed seed = NegotiationScenarios.seed(lab, DEMO, "MAR", 2030, Measure.NET_REMITTANCES);
        assertThat(seed.points("labour-care", "none")).isZero();
        long q1000 = seed.points("labour-care", "q1000");
        long q5000 = seed.points("labour-care", "q5000");
        long q10000 = seed.points("labour-care", "q10000");
        assertThat(q1000).isPositive().isLessThan(q5000);
        assertThat(q5000).isLessThan(q10000);
        assertThat(seed.rows().stream()
                        .mapToLong(r -> Math.abs(r.points()))
                        .max()
                        .orElseThrow())
                .isEqualTo(NegotiationScenarios.SEED_SCALE);
        assertThat(seed.points("remittances", "p3"))
                .as("a lower cost target saves more fees")
                .isGreaterThan(seed.points("remittances", "p5"));
        assertThat(seed.points("readmission", "r30"))
                .as("readmission moves no one in the model")
                .isZero();
        assertThat(seed.points("visa-short-stay", "v90"))
                .as("no visa was lifted in the fitted years: no estimated effect")
                .isZero();
        NegotiationScenarios.SeedRow largest = seed.rows().stream()
                .filter(r -> r.points() == NegotiationScenarios.SEED_SCALE)
                .findFirst()
                .orElseThrow();
        assertThat(largest.effect() / seed.perPoint()).isEqualTo(10.0);
        assertThat(seed.assumptions()).isNotEmpty();
    }

    @Test
    void aPackagesEffectsAreGivenForEveryParty() {
        Lab lab = LabFixtures.lab();
        Deal deal = new Deal(Map.of(
                "labour-care",
                "q5000",
                "rights-floor",
                "yes",
                "readmission",
                "r30",
                "return-safeguards",
                "yes",
                "documents",
                "y2028",
                "api-data",
                "d30",
                "remittances",
                "p3",
                "visa-short-stay",
                "v90"));
        Map<String, StateEffect> effects = NegotiationScenarios.effects(lab, DEMO, deal, 2030);
        assertThat(effects).containsOnlyKeys("DEU", "MAR");
        assertThat(effects.get("MAR").emigrantsChange()).isEqualTo(5000 * 5);
        assertThat(effects.get("DEU").immigrantsChange()).isEqualTo(5000 * 5);
        assertThat(effects.get("MAR").netRemittancesChange()).isPositive();
    }
}
