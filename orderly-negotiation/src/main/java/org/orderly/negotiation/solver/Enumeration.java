package org.orderly.negotiation.solver;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.orderly.negotiation.Table;

/**
 * The baseline the automated-negotiation platforms use: visit every outcome, one after another.
 * Exact but exponential; it exists to check the CP-SAT engine and to measure the difference.
 */
public final class Enumeration {
    private Enumeration() {}

    /** The number of outcomes (deals before norms), saturating at {@code Long.MAX_VALUE}. */
    public static long outcomes(Table table) {
        long count = 1;
        for (var issue : table.negotiation().issues()) {
            count = Math.multiplyHigh(count, issue.options().size()) != 0
                    ? Long.MAX_VALUE
                    : count * issue.options().size();
            if (count < 0) return Long.MAX_VALUE;
        }
        return count;
    }

    /** Calls the visitor with every outcome in mixed-radix order (the array is reused). */
    private static void forEach(Compiled c, java.util.function.Consumer<int[]> visitor) {
        int[] choice = new int[c.issues];
        while (true) {
            visitor.accept(choice);
            int i = c.issues - 1;
            while (i >= 0 && ++choice[i] == c.options[i]) choice[i--] = 0;
            if (i < 0) return;
        }
    }

    /** The best individually rational deal for the objective, by visiting every outcome; ties keep the first. */
    public static Outcome propose(Table table, Objective objective) {
        long start = System.nanoTime();
        Compiled c = new Compiled(table);
        long minimum = objective == Objective.NASH ? Math.max(1, c.margin) : c.margin;
        int[][] best = new int[1][];
        double[] bestValue = {Double.NEGATIVE_INFINITY};
        long[] bestJoint = {Long.MIN_VALUE};
        long[] bestNum = {0};
        long[] bestDen = {1};
        boolean[] anyRational = {false};
        int[][] firstRational = new int[1][];
        long[] firstJoint = {Long.MIN_VALUE};
        forEach(c, choice -> {
            if (!c.meetsNorms(choice)) return;
            long joint = 0;
            long[] gains = new long[c.parties];
            for (int p = 0; p < c.parties; p++) {
                gains[p] = c.utility(p, choice) - c.reservation[p];
                if (gains[p] < c.margin) return;
                joint += gains[p];
            }
            anyRational[0] = true;
            if (joint > firstJoint[0]) {
                firstJoint[0] = joint;
                firstRational[0] = choice.clone();
            }
            if (objective == Objective.JOINT) {
                if (joint > bestJoint[0]) {
                    bestJoint[0] = joint;
                    best[0] = choice.clone();
                }
            } else if (objective == Objective.NASH) {
                double logSum = 0;
                for (long g : gains) {
                    if (g < minimum) return;
                    logSum += Math.log(g);
                }
                if (logSum > bestValue[0] + 1e-12) {
                    bestValue[0] = logSum;
                    best[0] = choice.clone();
                }
            } else {
                long num = gains[0];
                long den = 1;
                for (int p = 1; p < c.parties; p++) num = Math.min(num, gains[p]);
                long compare = best[0] == null ? 1 : Long.compare(num, bestNum[0]);
                if (compare > 0 || (compare == 0 && joint > bestJoint[0])) {
                    bestNum[0] = num;
                    bestDen[0] = den;
                    bestJoint[0] = joint;
                    best[0] = choice.clone();
                }
            }
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!anyRational[0]) {
            return new Outcome.NoDeal(
                    "no outcome is norm-respecting and individually rational",
                    List.of(),
                    List.of(),
                    Proof.OPTIMAL,
                    seconds);
        }
        String method = "exhaustive enumeration of " + outcomes(table) + " outcomes";
        double value;
        int[] choice;
        if (objective == Objective.JOINT) {
            choice = best[0];
            value = bestJoint[0];
        } else if (objective == Objective.NASH) {
            if (best[0] == null) {
                choice = firstRational[0];
                value = 0;
            } else {
                choice = best[0];
                value = DealSolver.product(c, choice);
            }
        } else {
            choice = best[0];
            value = (double) bestNum[0] / bestDen[0];
        }
        Map<String, Long> utilities = new LinkedHashMap<>();
        Map<String, Long> gains = new LinkedHashMap<>();
        for (int p = 0; p < c.parties; p++) {
            utilities.put(c.partyIds.get(p), c.utility(p, choice));
            gains.put(c.partyIds.get(p), c.utility(p, choice) - c.reservation[p]);
        }
        var deal = c.deal(choice);
        return new Outcome.Proposal(
                objective,
                deal,
                utilities,
                gains,
                value,
                value,
                0,
                Proof.OPTIMAL,
                method,
                c.negotiation.check(deal),
                seconds);
    }

    /** The exact Pareto frontier by visiting every outcome (one representative deal per efficient vector). */
    public static ParetoFrontier paretoFrontier(Table table, boolean individuallyRationalOnly) {
        long start = System.nanoTime();
        Compiled c = new Compiled(table);
        List<long[]> frontier = new ArrayList<>();
        List<int[]> deals = new ArrayList<>();
        forEach(c, choice -> {
            if (!c.meetsNorms(choice)) return;
            long[] u = c.utilities(choice);
            if (individuallyRationalOnly) {
                for (int p = 0; p < c.parties; p++) if (u[p] - c.reservation[p] < c.margin) return;
            }
            for (long[] f : frontier) if (weaklyDominates(f, u)) return;
            for (int k = frontier.size() - 1; k >= 0; k--) {
                if (weaklyDominates(u, frontier.get(k))) {
                    frontier.remove(k);
                    deals.remove(k);
                }
            }
            frontier.add(u);
            deals.add(choice.clone());
        });
        List<ParetoFrontier.Point> points = new ArrayList<>();
        for (int k = 0; k < frontier.size(); k++) {
            Map<String, Long> utilities = new LinkedHashMap<>();
            boolean rational = true;
            for (int p = 0; p < c.parties; p++) {
                utilities.put(c.partyIds.get(p), frontier.get(k)[p]);
                rational &= frontier.get(k)[p] - c.reservation[p] >= c.margin;
            }
            points.add(new ParetoFrontier.Point(utilities, c.deal(deals.get(k)), rational));
        }
        return new ParetoFrontier(
                c.partyIds, points, individuallyRationalOnly, true, (System.nanoTime() - start) / 1e9);
    }

    private static boolean weaklyDominates(long[] a, long[] b) {
        for (int p = 0; p < a.length; p++) if (a[p] < b[p]) return false;
        return true;
    }
}
