package org.orderly.negotiation.solver;

import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import com.google.ortools.sat.Literal;
import com.google.ortools.util.Domain;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The CP-SAT encoding of a negotiation: one Boolean per option of a discrete issue (exactly one per
 * issue), one integer variable (the option's position) per integer issue, norms as linear
 * implications, one literal per bundle (true exactly when the deal meets all its conditions; a
 * range on an integer issue is two threshold literals, shared between bundles), and each party's
 * utility as a linear expression over them.
 */
final class SatModel {
    final Compiled compiled;
    final CpModel model = new CpModel();
    /** Per discrete issue, one Boolean per option; null for integer issues. */
    final BoolVar[][] x;
    /** Per integer issue, the chosen option's position; null for discrete issues. */
    final IntVar[] index;

    final LinearExpr[] utility;
    private final IntVar[] gains;
    private final Map<Long, Literal> atLeast = new HashMap<>();
    private final Map<Long, Literal> equal = new HashMap<>();
    /** Integer issues with at most this many options get the order encoding. */
    private static final int ORDER_ENCODED = 256;

    /**
     * @param skipNorm  a norm index to leave out (-1 for none), to find which norm blocks every deal
     * @param allowed   per issue, which options may be chosen (null: all)
     * @param excluded  deals that must not be proposed again
     */
    SatModel(Compiled c, int skipNorm, boolean[][] allowed, List<int[]> excluded) {
        this.compiled = c;
        x = new BoolVar[c.issues][];
        index = new IntVar[c.issues];
        for (int i = 0; i < c.issues; i++) {
            if (c.integer[i]) {
                boolean[] permitted = allowed == null ? null : allowed[i];
                long[] values = java.util.stream.IntStream.range(0, c.options[i])
                        .filter(o -> permitted == null || permitted[o])
                        .asLongStream()
                        .toArray();
                index[i] = model.newIntVarFromDomain(Domain.fromValues(values), "n" + i);
                if (c.options[i] <= ORDER_ENCODED) orderEncode(i);
                continue;
            }
            x[i] = new BoolVar[c.options[i]];
            for (int o = 0; o < c.options[i]; o++) {
                x[i][o] = model.newBoolVar("x" + i + "_" + o);
                if (allowed != null && !allowed[i][o]) model.addEquality(x[i][o], 0);
            }
            model.addExactlyOne(x[i]);
        }
        for (int n = 0; n < c.normIssues.length; n++) {
            if (n == skipNorm) continue;
            int[] spec = c.normIssues[n];
            if (spec[0] == 0) {
                // Σ chosen "if" options ≤ Σ chosen "then" options: with one option per issue this is the implication.
                LinearExprBuilder left = LinearExpr.newBuilder();
                for (int o = 0; o < c.options[spec[1]]; o++) if (c.normIfMask[n][o]) left.addTerm(is(spec[1], o), 1);
                for (int o = 0; o < c.options[spec[2]]; o++) if (c.normThenMask[n][o]) left.addTerm(is(spec[2], o), -1);
                model.addLessOrEqual(left, 0);
            } else {
                for (int o = 0; o < c.options[spec[1]]; o++)
                    if (c.normIfMask[n][o]) model.addEquality(is(spec[1], o), 0);
            }
        }
        for (int[] deal : excluded) {
            Literal[] differs = new Literal[c.issues];
            for (int i = 0; i < c.issues; i++) differs[i] = is(i, deal[i]).not();
            model.addBoolOr(differs);
        }
        utility = new LinearExpr[c.parties];
        for (int p = 0; p < c.parties; p++) {
            LinearExprBuilder u = LinearExpr.newBuilder();
            for (int i = 0; i < c.issues; i++) {
                long[] values = c.value[p][i];
                if (c.integer[i]) {
                    long low = Long.MAX_VALUE;
                    long high = Long.MIN_VALUE;
                    for (long v : values) {
                        low = Math.min(low, v);
                        high = Math.max(high, v);
                    }
                    if (high == low) {
                        u.add(low);
                    } else {
                        IntVar v = model.newIntVar(low, high, "v" + p + "_" + i);
                        model.addElement(index[i], values, v);
                        u.add(v);
                    }
                    continue;
                }
                for (int o = 0; o < c.options[i]; o++) {
                    if (values[o] != 0) u.addTerm(x[i][o], values[o]);
                }
            }
            for (int b = 0; b < c.bundleValue[p].length; b++) {
                int size = c.bundleIssue[p][b].length;
                List<Literal> parts = new ArrayList<>(size);
                boolean never = false;
                for (int j = 0; j < size; j++) {
                    Literal part = member(c.bundleIssue[p][b][j], c.bundleMask[p][b][j]);
                    if (part == NEVER) never = true;
                    else if (part != ALWAYS) parts.add(part);
                }
                if (never) continue;
                if (parts.isEmpty()) {
                    u.add(c.bundleValue[p][b]);
                    continue;
                }
                BoolVar all = model.newBoolVar("bundle" + p + "_" + b);
                Literal[] clause = new Literal[parts.size() + 1];
                for (int j = 0; j < parts.size(); j++) {
                    model.addImplication(all, parts.get(j));
                    clause[j] = parts.get(j).not();
                }
                clause[parts.size()] = all;
                model.addBoolOr(clause);
                u.addTerm(all, c.bundleValue[p][b]);
            }
            utility[p] = u.build();
        }
        gains = new IntVar[c.parties];
    }

    private static final Literal ALWAYS = null;
    private final Literal NEVER = model.falseLiteral();

    /**
     * The order encoding of a small integer issue: literals "position ≥ t" for every t, each
     * implying the one below, summing to the position; a strong linear relaxation for ranges.
     */
    private void orderEncode(int i) {
        int n = compiled.options[i];
        LinearExprBuilder sum = LinearExpr.newBuilder();
        BoolVar previous = null;
        for (int t = 1; t < n; t++) {
            BoolVar ge = model.newBoolVar("n" + i + ">=" + t);
            atLeast.put(key(i, t), ge);
            sum.add(ge);
            if (previous != null) model.addImplication(ge, previous);
            previous = ge;
        }
        model.addEquality(sum, index[i]);
    }

    /** The literal "issue i takes option o". */
    Literal is(int i, int o) {
        if (!compiled.integer[i]) return x[i][o];
        return equal.computeIfAbsent(key(i, o), k -> {
            BoolVar eq = model.newBoolVar("n" + i + "=" + o);
            if (compiled.options[i] <= ORDER_ENCODED) {
                // position = o  ⇔  (position ≥ o) ∧ ¬(position ≥ o + 1)
                Literal low = atLeast(i, o);
                Literal high = atLeast(i, o + 1).not();
                model.addImplication(eq, low);
                model.addImplication(eq, high);
                model.addBoolOr(new Literal[] {low.not(), high.not(), eq});
                return eq;
            }
            model.addEquality(index[i], o).onlyEnforceIf(eq);
            model.addDifferent(index[i], o).onlyEnforceIf(eq.not());
            return eq;
        });
    }

    /** The literal "integer issue i takes an option at position t or later" (shared by every range that needs it). */
    private Literal atLeast(int i, int t) {
        if (t <= 0) return model.trueLiteral();
        if (t >= compiled.options[i]) return model.falseLiteral();
        return atLeast.computeIfAbsent(key(i, t), k -> {
            BoolVar ge = model.newBoolVar("n" + i + ">=" + t);
            model.addGreaterOrEqual(index[i], t).onlyEnforceIf(ge);
            model.addLessOrEqual(index[i], t - 1).onlyEnforceIf(ge.not());
            return ge;
        });
    }

    private static long key(int issue, int position) {
        return ((long) issue << 32) | (position & 0xffffffffL);
    }

    /**
     * A literal true exactly when issue i's option is in the mask: {@link #ALWAYS} (null) when every
     * option is, {@link #NEVER} when none is.
     */
    private Literal member(int i, boolean[] mask) {
        int first = -1;
        int last = -1;
        int count = 0;
        for (int o = 0; o < mask.length; o++) {
            if (!mask[o]) continue;
            if (first < 0) first = o;
            last = o;
            count++;
        }
        if (count == 0) return NEVER;
        if (count == mask.length) return ALWAYS;
        if (count == 1) return is(i, first);
        if (compiled.integer[i] && last - first + 1 == count) {
            if (first == 0) return atLeast(i, last + 1).not();
            if (last == mask.length - 1) return atLeast(i, first);
            BoolVar inside = model.newBoolVar("n" + i + "in" + first + ".." + last);
            Literal low = atLeast(i, first);
            Literal high = atLeast(i, last + 1).not();
            model.addImplication(inside, low);
            model.addImplication(inside, high);
            model.addBoolOr(new Literal[] {low.not(), high.not(), inside});
            return inside;
        }
        // Exactly one option is chosen, so the sum of the mask's option literals is the membership literal.
        BoolVar in = model.newBoolVar("n" + i + "in");
        LinearExprBuilder sum = LinearExpr.newBuilder();
        for (int o = 0; o < mask.length; o++) if (mask[o]) sum.add(is(i, o));
        model.addEquality(sum, in);
        return in;
    }

    /** Requires party p to gain at least {@code minimum} over its reservation. */
    void requireGain(int p, long minimum) {
        model.addGreaterOrEqual(utility[p], compiled.reservation[p] + minimum);
    }

    /** An integer variable equal to party p's gain over its reservation. */
    IntVar gain(int p) {
        if (gains[p] == null) {
            long r = compiled.reservation[p];
            gains[p] =
                    model.newIntVar(compiled.utilityLowerBound(p) - r, compiled.utilityUpperBound(p) - r, "gain" + p);
            model.addEquality(LinearExpr.newBuilder().add(utility[p]).add(-r), gains[p]);
        }
        return gains[p];
    }

    LinearExpr sumOfUtilities(boolean[] members) {
        LinearExprBuilder sum = LinearExpr.newBuilder();
        for (int p = 0; p < compiled.parties; p++) if (members == null || members[p]) sum.add(utility[p]);
        return sum.build();
    }

    void hint(int[] choice) {
        model.clearHints();
        for (int i = 0; i < compiled.issues; i++) {
            if (compiled.integer[i]) model.addHint(index[i], choice[i]);
            else for (int o = 0; o < compiled.options[i]; o++) model.addHint(x[i][o], choice[i] == o);
        }
    }

    /** One solver call's result; {@code choice} is null when no deal was found. */
    record Run(CpSolverStatus status, int[] choice, double objective, double bound, double seconds) {
        boolean found() {
            return choice != null;
        }

        boolean infeasible() {
            return status == CpSolverStatus.INFEASIBLE;
        }

        boolean optimal() {
            return status == CpSolverStatus.OPTIMAL;
        }
    }

    Run solve(SolverSettings settings) {
        CpSolver solver = new CpSolver();
        solver.getParameters()
                .setMaxTimeInSeconds(settings.timeLimitSeconds())
                .setNumWorkers(settings.workers())
                .setRandomSeed(7);
        CpSolverStatus status = solver.solve(model);
        if (status == CpSolverStatus.MODEL_INVALID) {
            throw new IllegalStateException("the CP-SAT model is invalid: " + model.validate());
        }
        int[] choice = null;
        if (status == CpSolverStatus.OPTIMAL || status == CpSolverStatus.FEASIBLE) {
            choice = new int[compiled.issues];
            for (int i = 0; i < compiled.issues; i++) {
                if (compiled.integer[i]) choice[i] = (int) solver.value(index[i]);
                else for (int o = 0; o < compiled.options[i]; o++) if (solver.booleanValue(x[i][o])) choice[i] = o;
            }
        }
        return new Run(status, choice, solver.objectiveValue(), solver.bestObjectiveBound(), solver.wallTime());
    }
}
