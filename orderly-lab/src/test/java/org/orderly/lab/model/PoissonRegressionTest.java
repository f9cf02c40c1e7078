package org.orderly.lab.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PoissonRegressionTest {

    @Test
    void anInterceptAloneIsTheLogOfTheMeanWithTheSandwichInClosedForm() {
        double[] y = {0, 3, 7, 1, 0, 12, 4};
        double[][] x = new double[y.length][];
        int[] cluster = new int[y.length];
        for (int i = 0; i < y.length; i++) {
            x[i] = new double[] {1};
            cluster[i] = i;
        }
        PoissonRegression.Fit fit = PoissonRegression.fit(x, y, cluster);
        double n = y.length;
        double mean = java.util.Arrays.stream(y).average().orElseThrow();
        assertThat(fit.coefficients()[0]).isCloseTo(Math.log(mean), within(1e-10));
        // Var(β) = [N/(N−1)] · Σ(y − ȳ)² / (N ȳ)²: bread 1/(N ȳ), meat Σ(y − ȳ)², factor G/(G−1)·(N−1)/(N−K) with G =
        // N, K = 1.
        double squares =
                java.util.Arrays.stream(y).map(v -> (v - mean) * (v - mean)).sum();
        double variance = n / (n - 1) * squares / (n * mean * n * mean);
        assertThat(fit.standardErrors()[0]).isCloseTo(Math.sqrt(variance), within(1e-10));
    }

    @Test
    void aGroupDummyFitsEachGroupsMeanAndClustersPoolTheirScores() {
        double[] y = {2, 4, 6, 10, 20, 30};
        double[][] x = {{1, 0}, {1, 0}, {1, 0}, {1, 1}, {1, 1}, {1, 1}};
        PoissonRegression.Fit fit = PoissonRegression.fit(x, y, new int[] {0, 0, 1, 1, 2, 2});
        assertThat(fit.coefficients()[0]).isCloseTo(Math.log(4), within(1e-9));
        assertThat(fit.coefficients()[1]).isCloseTo(Math.log(20.0 / 4), within(1e-9));
        assertThat(fit.clusters()).isEqualTo(3);
        assertThat(fit.observations()).isEqualTo(6);
    }

    static Stream<Long> seeds() {
        return new SplittableRandom(20261206).longs(5).boxed();
    }

    /** At the fitted β the score X'(y − μ) vanishes: the Poisson likelihood's first-order condition, checked apart from the solver. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void theFitSolvesTheScoreEquationsAndRecoversTheCoefficientsOfSimulatedCounts(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int n = 4000;
        double[] truth = {1.0, 0.8, -0.5};
        double[][] x = new double[n][];
        double[] y = new double[n];
        int[] cluster = new int[n];
        for (int i = 0; i < n; i++) {
            x[i] = new double[] {1, random.nextDouble() * 2, random.nextInt(2)};
            double mu = Math.exp(truth[0] + truth[1] * x[i][1] + truth[2] * x[i][2]);
            y[i] = poisson(random, mu);
            cluster[i] = i / 2;
        }
        PoissonRegression.Fit fit = PoissonRegression.fit(x, y, cluster);
        for (int j = 0; j < truth.length; j++) {
            double score = 0;
            for (int i = 0; i < n; i++) score += x[i][j] * (y[i] - Math.exp(fit.linear(x[i])));
            assertThat(score).as("seed %d, score %d", seed, j).isCloseTo(0, within(1e-5 * n));
            assertThat(fit.coefficients()[j])
                    .as("seed %d, β%d", seed, j)
                    .isCloseTo(truth[j], within(5 * fit.standardErrors()[j]));
            assertThat(fit.standardErrors()[j]).as("seed %d", seed).isBetween(0.001, 0.1);
        }
    }

    @Test
    void collinearRegressorsAndNegativeCountsAreRefused() {
        double[][] x = {{1, 2}, {1, 2}, {1, 2}, {1, 2}};
        assertThatThrownBy(() -> PoissonRegression.fit(x, new double[] {1, 2, 3, 4}, new int[] {0, 1, 2, 3}))
                .hasMessageContaining("collinear");
        assertThatThrownBy(() ->
                        PoissonRegression.fit(new double[][] {{1}, {1}}, new double[] {1, -1}, new int[] {0, 1}))
                .hasMessageContaining("counts ≥ 0");
    }

    private static double poisson(SplittableRandom random, double mean) {
        double l = Math.exp(-mean);
        double p = 1;
        int k = 0;
        do {
            k++;
            p *= random.nextDouble();
        } while (p > l);
        return k - 1;
    }
}
