package org.orderly.negotiation.solver;

import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import com.google.ortools.sat.Literal;

import java.util.List;

/**
 * The CP-SAT encoding of a negotiation: one Boolean per issue option (exactly one per issue),
 * norms as linear implications, one Boolean per interaction bundle (true exactly when the deal
 * contains the whole bundle), and each party's utility as a linear expression over them.
 */
final class SatModel {
    final Compiled compiled;
    final CpModel model = new CpModel();
    final BoolVar[][] x;
    final LinearExpr[] utility;
    private final IntVar[] gains;

    /**
     * @param skipNorm  a norm index to leave out (-1 for none), to find which norm blocks every deal
     * @param allowed   per issue, which options may be chosen (null: all)
     * @param excluded  deals that must not be proposed again
     */
    SatModel(Compiled c, int skipNorm, boolean[][] allowed, List<int[]> excluded) {
        this.compiled = c;
        x = new BoolVar[c.issues][];
        for (int i = 0; i < c.issues; i++) {
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
                for (int o = 0; o < c.options[spec[1]]; o++) if (c.normIfMask[n][o]) left.addTerm(x[spec[1]][o], 1);
                for (int o = 0; o < c.options[spec[2]]; o++) if (c.normThenMask[n][o]) left.addTerm(x[spec[2]][o], -1);
                model.addLessOrEqual(left, 0);
            } else {
                for (int o = 0; o < c.options[spec[1]]; o++) if (c.normIfMask[n][o]) model.addEquality(x[spec[1]][o], 0);
            }
        }
        for (int[] deal : excluded) {
            Literal[] differs = new Literal[c.issues];
            for (int i = 0; i < c.issues; i++) differs[i] = x[i][deal[i]].not();
            model.addBoolOr(differs);
        }
        utility = new LinearExpr[c.parties];
        for (int p = 0; p < c.parties; p++) {
            LinearExprBuilder u = LinearExpr.newBuilder();
            for (int i = 0; i < c.issues; i++) {
                for (int o = 0; o < c.options[i]; o++) {
                    if (c.value[p][i][o] != 0) u.addTerm(x[i][o], c.value[p][i][o]);
                }
            }
            for (int b = 0; b < c.bundleValue[p].length; b++) {
                BoolVar all = model.newBoolVar("bundle" + p + "_" + b);
                int size = c.bundleIssue[p][b].length;
                Literal[] clause = new Literal[size + 1];
                for (int j = 0; j < size; j++) {
                    BoolVar part = x[c.bundleIssue[p][b][j]][c.bundleOption[p][b][j]];
                    model.addImplication(all, part);
                    clause[j] = part.not();
                }
                clause[size] = all;
                model.addBoolOr(clause);
                u.addTerm(all, c.bundleValue[p][b]);
            }
            utility[p] = u.build();
        }
        gains = new IntVar[c.parties];
    }

    /** Requires party p to gain at least {@code minimum} over its reservation. */
    void requireGain(int p, long minimum) {
        model.addGreaterOrEqual(utility[p], compiled.reservation[p] + minimum);
    }

    /** An integer variable equal to party p's gain over its reservation. */
    IntVar gain(int p) {
        if (gains[p] == null) {
            long r = compiled.reservation[p];
            gains[p] = model.newIntVar(compiled.utilityLowerBound(p) - r, compiled.utilityUpperBound(p) - r, "gain" + p);
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
            for (int o = 0; o < compiled.options[i]; o++) model.addHint(x[i][o], choice[i] == o);
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
        solver.getParameters().setMaxTimeInSeconds(settings.timeLimitSeconds()).setNumWorkers(settings.workers())
                .setRandomSeed(7);
        CpSolverStatus status = solver.solve(model);
        if (status == CpSolverStatus.MODEL_INVALID) {
            throw new IllegalStateException("the CP-SAT model is invalid: " + model.validate());
        }
        int[] choice = null;
        if (status == CpSolverStatus.OPTIMAL || status == CpSolverStatus.FEASIBLE) {
            choice = new int[compiled.issues];
            for (int i = 0; i < compiled.issues; i++) {
                for (int o = 0; o < compiled.options[i]; o++) if (solver.booleanValue(x[i][o])) choice[i] = o;
            }
        }
        return new Run(status, choice, solver.objectiveValue(), solver.bestObjectiveBound(), solver.wallTime());
    }
}
