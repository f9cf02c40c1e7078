package org.orderly.negotiation.solver;

/**
 * A proven upper bound on Σ log(gain) over every individually rational deal, from the continuous
 * relaxation of the Nash problem, together with the party weights (1 / relaxed gain) that prove it.
 *
 * <p>Why the bound holds: log is concave, so for any weights λ &gt; 0 and any deal,
 * Σ log g<sub>p</sub> ≤ Σ (−log λ<sub>p</sub> − 1) + Σ λ<sub>p</sub> g<sub>p</sub>; the last sum is at most
 * its maximum over every choice of one option per issue, norms and reservations ignored (a larger
 * set), with each positive interaction counted as always present. That maximum splits issue by
 * issue, so the bound costs one pass over the table. Frank–Wolfe on the relaxed problem (a mixture
 * of options per issue) moves the weights towards the relaxation's optimum, where the bound is
 * tightest; every iterate's bound is valid, the smallest is kept.
 */
final class NashRelaxation {
    private final Compiled c;
    /** Per party: the relaxed gain's constant part (sum of positive interactions − reservation). */
    private final double[] offset;

    NashRelaxation(Compiled c) {
        this.c = c;
        offset = new double[c.parties];
        for (int p = 0; p < c.parties; p++) {
            double bonus = 0;
            for (long v : c.bundleValue[p]) bonus += Math.max(0, v);
            offset[p] = bonus - c.reservation[p];
        }
    }

    /** The bound for weights λ: Σ(−log λ − 1) + Σ λ·offset + Σ over issues of the best Σ λ·value. */
    double bound(double[] weights) {
        double total = 0;
        for (int p = 0; p < c.parties; p++) total += -Math.log(weights[p]) - 1 + weights[p] * offset[p];
        for (int i = 0; i < c.issues; i++) total += bestOption(i, weights)[1];
        return total;
    }

    private double[] bestOption(int i, double[] weights) {
        int best = 0;
        double bestValue = Double.NEGATIVE_INFINITY;
        for (int o = 0; o < c.options[i]; o++) {
            double sum = 0;
            for (int p = 0; p < c.parties; p++) sum += weights[p] * c.value[p][i][o];
            if (sum > bestValue) {
                bestValue = sum;
                best = o;
            }
        }
        return new double[] {best, bestValue};
    }

    /** The weights with the smallest bound found, that bound, and the last relaxed deal (a mixture of options per issue). */
    record Result(double[] weights, double upperBound, int iterations, double[][] mix) {}

    /**
     * Frank–Wolfe from a deal whose every gain is at least 1 (the logs must be finite), until the bound and the relaxed
     * objective meet within {@code tolerance}, or after {@code maxIterations}, or at the deadline.
     */
    Result solve(int[] start, double tolerance, int maxIterations, long deadlineNanos) {
        double[][] mix = new double[c.issues][];
        double[] gain = new double[c.parties];
        for (int i = 0; i < c.issues; i++) {
            mix[i] = new double[c.options[i]];
            mix[i][start[i]] = 1;
        }
        for (int p = 0; p < c.parties; p++) {
            gain[p] = offset[p];
            for (int i = 0; i < c.issues; i++) gain[p] += c.value[p][i][start[i]];
        }
        double[] weights = new double[c.parties];
        double[] bestWeights = null;
        double bestBound = Double.POSITIVE_INFINITY;
        double[] target = new double[c.parties];
        int[] vertex = new int[c.issues];
        int iteration = 0;
        for (; iteration < maxIterations; iteration++) {
            // At least one step, so that there is always a bound.
            if (iteration > 0 && (iteration & 63) == 0 && System.nanoTime() > deadlineNanos) break;
            double objective = 0;
            for (int p = 0; p < c.parties; p++) {
                weights[p] = 1 / gain[p];
                objective += Math.log(gain[p]);
            }
            // The vertex maximising the linearisation, and the bound it proves.
            for (int p = 0; p < c.parties; p++) target[p] = offset[p];
            for (int i = 0; i < c.issues; i++) {
                vertex[i] = (int) bestOption(i, weights)[0];
                for (int p = 0; p < c.parties; p++) target[p] += c.value[p][i][vertex[i]];
            }
            double bound = objective - c.parties;
            for (int p = 0; p < c.parties; p++) bound += target[p] * weights[p];
            if (bound < bestBound) {
                bestBound = bound;
                bestWeights = weights.clone();
            }
            if (bestBound - objective <= tolerance) break;
            double step = lineSearch(gain, target);
            if (step <= 0) break;
            for (int i = 0; i < c.issues; i++) {
                for (int o = 0; o < mix[i].length; o++) mix[i][o] *= 1 - step;
                mix[i][vertex[i]] += step;
            }
            for (int p = 0; p < c.parties; p++) gain[p] += step * (target[p] - gain[p]);
        }
        return new Result(bestWeights, bestBound, iteration, mix);
    }

    /** The step t ∈ [0, 1] maximising Σ log(gain + t·(target − gain)), by bisection on the derivative. */
    private static double lineSearch(double[] gain, double[] target) {
        double high = 1;
        for (int p = 0; p < gain.length; p++) {
            double d = target[p] - gain[p];
            if (d < 0) high = Math.min(high, -gain[p] / d * (1 - 1e-12));
        }
        if (derivative(gain, target, high) >= 0) return high;
        double low = 0;
        for (int k = 0; k < 60; k++) {
            double mid = (low + high) / 2;
            if (derivative(gain, target, mid) > 0) low = mid;
            else high = mid;
        }
        return low;
    }

    private static double derivative(double[] gain, double[] target, double t) {
        double sum = 0;
        for (int p = 0; p < gain.length; p++) {
            double d = target[p] - gain[p];
            sum += d / (gain[p] + t * d);
        }
        return sum;
    }
}
