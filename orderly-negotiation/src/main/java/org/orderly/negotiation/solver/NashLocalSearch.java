package org.orderly.negotiation.solver;

import java.util.Arrays;
import java.util.List;

/**
 * Improves a deal's exact Nash product by changing one issue at a time (first improvement, until
 * no single change helps), keeping every norm, every party's minimum gain and the excluded deals out.
 */
final class NashLocalSearch {
    private NashLocalSearch() {
    }

    static int[] improve(Compiled c, int[] start, long minimum, List<int[]> excluded, long deadlineNanos) {
        int[] choice = start.clone();
        double current = admissibleLogProduct(c, choice, minimum, excluded);
        if (current == Double.NEGATIVE_INFINITY) return choice;
        boolean improved = true;
        for (int sweep = 0; improved && sweep < 200 && System.nanoTime() < deadlineNanos; sweep++) {
            improved = false;
            for (int i = 0; i < c.issues; i++) {
                int kept = choice[i];
                int bestOption = kept;
                double best = current;
                for (int o = 0; o < c.options[i]; o++) {
                    if (o == kept) continue;
                    choice[i] = o;
                    double value = admissibleLogProduct(c, choice, minimum, excluded);
                    if (value > best + 1e-12) {
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

    /** Σ log(gain), or −∞ when the deal breaks a norm, leaves a party below the minimum or was excluded. */
    static double admissibleLogProduct(Compiled c, int[] choice, long minimum, List<int[]> excluded) {
        if (!c.meetsNorms(choice)) return Double.NEGATIVE_INFINITY;
        for (int[] deal : excluded) if (Arrays.equals(deal, choice)) return Double.NEGATIVE_INFINITY;
        double sum = 0;
        for (int p = 0; p < c.parties; p++) {
            long gain = c.utility(p, choice) - c.reservation[p];
            if (gain < minimum) return Double.NEGATIVE_INFINITY;
            sum += Math.log(gain);
        }
        return sum;
    }
}
