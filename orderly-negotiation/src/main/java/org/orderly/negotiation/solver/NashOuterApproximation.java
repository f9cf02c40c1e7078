package org.orderly.negotiation.solver;

import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Proves a Nash deal optimal when the product of gains is too large for CP-SAT's 64-bit product.
 *
 * <p>Each party's log-gain is bounded by tangent lines of log (integers scaled by 10⁹): for every
 * tangent point a, a·Lₚ ≤ a·S·log a − S·a + S·gₚ, so Lₚ ≥ ⌊S·log gₚ⌋ is feasible for every deal and
 * Σ Lₚ over-estimates S·Σ log gₚ minus at most one unit per party. CP-SAT is asked for a deal, other
 * than those already compared, whose Σ Lₚ reaches S·(the best deal's Σ log) minus that rounding:
 * any deal with a larger product must qualify. Each deal found is compared exactly (products as
 * big integers), excluded, and its gains become new tangent points; an INFEASIBLE answer proves the
 * best deal optimal. The maximised Σ Lₚ also gives a valid upper bound when time runs out.
 */
final class NashOuterApproximation {
    private static final long SCALE = 1_000_000_000L;
    private static final int GRID = 96;
    private static final long FLOATING_POINT_ROOM = 64;
    /** Beyond this gain a·L could overflow 64 bits; such tables are left with the relaxation's bound. */
    private static final long LARGEST_GAIN = 100_000_000L;

    record Result(int[] best, boolean proven, double upperLog, int deals) {}

    private NashOuterApproximation() {}

    /**
     * @param maxGain    each party's largest possible gain (its ideal utility, or a proven bound on it, minus its reservation)
     * @param jointUpper a proven upper bound on Σ utilities (from the joint-gain solve), a cut that makes the search far smaller
     */
    static Result prove(
            Compiled c,
            int[] incumbent,
            long minimum,
            long[] maxGain,
            long jointUpper,
            List<int[]> excluded,
            double upperLog,
            SolverSettings settings,
            long deadline) {
        int[] best = incumbent.clone();
        for (long g : maxGain) if (g > LARGEST_GAIN) return new Result(best, false, upperLog, 1);
        BigInteger bestProduct = product(c, best);
        // A deal beats the best only if each gain gₚ > best product / Π_{q≠p} maxGain_q: search only there.
        double bestLog0 = DealSolver.logProduct(c, best);
        double logMaxSum = 0;
        for (long g : maxGain) logMaxSum += Math.log(Math.max(1, g));
        long[] low = new long[c.parties];
        List<TreeSet<Long>> points = new ArrayList<>();
        for (int p = 0; p < c.parties; p++) {
            double needed = Math.exp(bestLog0 - (logMaxSum - Math.log(Math.max(1, maxGain[p]))));
            low[p] = Math.max(minimum, Math.min(maxGain[p], (long) Math.floor(needed * (1 - 1e-9)) - 1));
            TreeSet<Long> grid = new TreeSet<>();
            double ratio = Math.pow((double) maxGain[p] / low[p], 1.0 / GRID);
            for (int k = 0; k <= GRID; k++)
                grid.add(Math.max(low[p], Math.min(maxGain[p], Math.round(low[p] * Math.pow(ratio, k)))));
            points.add(grid);
        }
        List<int[]> seen = new ArrayList<>(excluded);
        seen.add(best.clone());
        addTangents(c, points, best);
        double bound = upperLog;
        int compared = 1;
        while (System.nanoTime() < deadline) {
            SatModel m = new SatModel(c, -1, null, seen);
            LinearExprBuilder sum = LinearExpr.newBuilder();
            for (int p = 0; p < c.parties; p++) {
                m.requireGain(p, low[p]);
                m.model.addLessOrEqual(m.utility[p], c.reservation[p] + maxGain[p]);
                IntVar gain = m.gain(p);
                IntVar log = m.model.newIntVar(
                        (long) Math.floor(SCALE * Math.log(low[p])) - 1,
                        (long) Math.ceil(SCALE * Math.log(maxGain[p])) + 1,
                        "log" + p);
                for (long a : points.get(p)) {
                    // a·L ≤ a·S·log a − S·a + S·g, the right side rounded up with room for floating-point error (≈ 10¹⁶
                    // · 2⁻⁵²).
                    long right = (long) Math.ceil(a * (SCALE * Math.log(a)) - (double) SCALE * a) + FLOATING_POINT_ROOM;
                    m.model.addLessOrEqual(
                            LinearExpr.newBuilder().addTerm(log, a).addTerm(gain, -SCALE), right);
                }
                sum.add(log);
            }
            m.model.addLessOrEqual(m.sumOfUtilities(null), jointUpper);
            double bestLog = DealSolver.logProduct(c, best);
            long threshold = (long) Math.floor(SCALE * bestLog) - c.parties - 2;
            m.model.addGreaterOrEqual(sum, threshold);
            m.model.maximize(sum);
            SatModel.Run run = m.solve(settings.withTimeLimit(Math.max(0.05, (deadline - System.nanoTime()) / 1e9)));
            if (run.infeasible()) return new Result(best, true, bestLog, compared);
            if (!run.found()) {
                // No deal within the time, but the bound on Σ Lₚ still holds for every deal that could beat the best.
                if (Double.isFinite(run.bound()))
                    bound = Math.min(
                            bound,
                            Math.max(bestLog + (c.parties + 2.0) / SCALE, (run.bound() + c.parties + 2) / SCALE));
                break;
            }
            bound = Math.min(bound, (run.bound() + c.parties + 2) / SCALE);
            int[] deal = run.choice();
            compared++;
            seen.add(deal.clone());
            BigInteger candidate = product(c, deal);
            if (candidate.compareTo(bestProduct) > 0) {
                best = deal.clone();
                bestProduct = candidate;
            }
            addTangents(c, points, deal);
        }
        return new Result(best, false, Math.max(bound, DealSolver.logProduct(c, best)), compared);
    }

    private static void addTangents(Compiled c, List<TreeSet<Long>> points, int[] deal) {
        for (int p = 0; p < c.parties; p++) points.get(p).add(c.utility(p, deal) - c.reservation[p]);
    }

    /** The exact product of the deal's gains over reservation. */
    static BigInteger product(Compiled c, int[] deal) {
        BigInteger product = BigInteger.ONE;
        for (int p = 0; p < c.parties; p++)
            product = product.multiply(BigInteger.valueOf(c.utility(p, deal) - c.reservation[p]));
        return product;
    }
}
