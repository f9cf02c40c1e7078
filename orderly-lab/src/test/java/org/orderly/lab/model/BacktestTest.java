package org.orderly.lab.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.orderly.lab.LabFixtures;

class BacktestTest {

    @Test
    void theGravityModelBeatsCarryForwardOnTheLargestCorridorsHeldOut() {
        Observations observations = LabFixtures.observations();
        Policies policies = LabFixtures.policies();
        int last = observations.lastYear();
        for (Specification spec : Specification.ALL) {
            for (int through : new int[] {last - 10, last - 5}) {
                Backtest b = Backtest.run(observations, policies, spec, through, 1000);
                System.out.printf(
                        "%-18s fit ≤%d predict %d: model %.4f carry %.4f trend %.4f coverage %.3f growth obs %.4f model %.4f%n",
                        b.specification(),
                        b.fittedThrough(),
                        b.predicted(),
                        b.model(),
                        b.carryForward(),
                        b.trend(),
                        b.coverage(),
                        b.observedGrowth(),
                        b.modelGrowth());
            }
        }
        Backtest heldOut = Backtest.run(observations, policies, Specification.GRAVITY, last - 5, 1000);
        assertThat(heldOut.model()).isLessThan(heldOut.carryForward());
    }
}
