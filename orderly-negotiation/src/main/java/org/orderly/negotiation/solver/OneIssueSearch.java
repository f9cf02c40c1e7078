package org.orderly.negotiation.solver;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Improves a deal by changing one issue at a time (the best change per issue, sweeping until no
 * single change helps), keeping every norm, every party's minimum gain and the excluded deals out;
 * deals are compared by a score read lexicographically (higher is better).
 */
final class OneIssueSearch {
    private OneIssueSearch() {}

    /** The Nash score: Σ log(gain). */
    static Function<int[], double[]> nash(Compiled c) {
        return choice -> new double[] {DealSolver.logProduct(c, choice)};
    }

    static int[] improve(
            Compiled c,
            int[] start,
            long minimum,
            List<int[]> excluded,
            Function<int[], double[]> score,
            long deadlineNanos) {
        int[] choice = start.clone();
        double[] current = admissibleScore(c, choice, minimum, excluded, score);
        if (current == null) return choice;
        boolean improved = true;
        for (int sweep = 0; improved && sweep < 200 && System.nanoTime() < deadlineNanos; sweep++) {
            improved = false;
            for (int i = 0; i < c.issues; i++) {
                int kept = choice[i];
                int bestOption = kept;
                double[] best = current;
                for (int o = 0; o < c.options[i]; o++) {
                    if (o == kept) continue;
                    choice[i] = o;
                    double[] value = admissibleScore(c, choice, minimum, excluded, score);
                    if (value != null && better(value, best)) {
                        best = value;
                        bestOption = o;
                    }
                }
                choice[i] = bestOption;
                if (bestOption != kept) {
                    current = best;
                    improved = true;
                }
            }
        }
        return choice;
    }

    /** Whether {@code a} beats {@code b} lexicographically by more than rounding noise. */
    static boolean better(double[] a, double[] b) {
        for (int k = 0; k < a.length; k++) {
            if (a[k] > b[k] + 1e-12) return true;
            if (a[k] < b[k] - 1e-12) return false;
        }
        return false;
    }

    /** The score, or null when the deal breaks a norm, leaves a party below the minimum or was excluded. */
    static double[] admissibleScore(
            Compiled c, int[] choice, long minimum, List<int[]> excluded, Function<int[], double[]> score) {
        if (!c.meetsNorms(choice)) return null;
        for (int[] deal : excluded) if (Arrays.equals(deal, choice)) return null;
        for (int p = 0; p < c.parties; p++) if (c.utility(p, choice) - c.reservation[p] < minimum) return null;
        return score.apply(choice);
    }
}
