package org.orderly.negotiation.solver;

import com.google.ortools.Loader;
import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import com.google.ortools.sat.Literal;
import org.orderly.negotiation.Issue;
import org.orderly.negotiation.Table;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds individually rational package deals with Google OR-Tools CP-SAT, by joint gain, Nash
 * product or max-min normalised gain, and says whether the answer is proven optimal.
 *
 * <p>Methods, so that the proofs can be checked:
 * <ul>
 * <li>JOINT: one CP-SAT maximisation of Σ utilities; OPTIMAL status is a proof.</li>
 * <li>MAXMIN: normalised gain = gain / (the party's best utility over all norm-respecting deals −
 *     its reservation). Starting deals: the joint optimum and the rounded relaxed Nash deal, each
 *     improved one issue at a time (smallest normalised gains first). A CP-SAT call hinted with the
 *     better one maximises t/10⁶ ≤ every normalised gain (its bound is the proven upper bound);
 *     then the engine asks CP-SAT for a deal whose every normalised gain is strictly higher than
 *     the best deal's exact (rational) minimum — over all deals while CP-SAT answers within a
 *     second (an INFEASIBLE answer proves optimality), else in neighbourhoods (a few issues that
 *     matter to the worst-off parties free, the others held) — and a last call maximises the joint
 *     gain among deals at that minimum. Exact when proven; the refinement shares one time limit
 *     and otherwise ends TIME_LIMIT with gap (bound − value) / bound.</li>
 * <li>NASH: every gain must be ≥ max(margin, 1). When the product of the parties' largest
 *     possible gains fits in 62 bits, CP-SAT maximises the exact product (a multiplication
 *     constraint): exact. Otherwise (many parties) the deal is a CP-SAT deal improved one issue at
 *     a time, and the proven upper bound on Σ log(gain) is the smaller of the continuous
 *     relaxation's Lagrangian bound ({@link NashRelaxation}) and CP-SAT's bound on the weighted
 *     joint gain at the relaxation's weights. For NASH the reported gap is
 *     1 − (product / bound)^(1/parties): how far the deal's geometric mean gain may be below the best.</li>
 * </ul>
 */
public final class DealSolver {
    static {
        Loader.loadNativeLibraries();
    }

    private static final long MAXMIN_SCALE = 1_000_000;
    private static final double WEIGHT_SCALE = 1_000_000;
    private static final int ROUNDINGS = 64;
    private static final int FIRST_CALL_SHARE = 8;
    private static final long GLOBAL_CALL_NANOS = 1_000_000_000L;
    private static final long NEIGHBOURHOOD_CALL_NANOS = 300_000_000L;
    private static final int NEIGHBOURHOOD_PARTIES = 8;
    private static final int NEIGHBOURHOOD_ISSUES_PER_PARTY = 3;

    private final SolverSettings settings;

    public DealSolver(SolverSettings settings) {
        this.settings = settings;
    }

    public DealSolver() {
        this(SolverSettings.DEFAULT);
    }

    public SolverSettings settings() {
        return settings;
    }

    /** The best individually rational, norm-respecting deal for the objective, or why there is none. */
    public Outcome propose(Table table, Objective objective) {
        long start = System.nanoTime();
        Compiled c = new Compiled(table);
        Outcome outcome;
        if (objective == Objective.JOINT) outcome = joint(c, null, start);
        else if (objective == Objective.MAXMIN) outcome = maxmin(c, start);
        else outcome = nash(c, start);
        return outcome;
    }

    /** The proposal (or no-deal answer) for every objective, in the order JOINT, NASH, MAXMIN. */
    public Map<Objective, Outcome> proposeAll(Table table) {
        Map<Objective, Outcome> all = new EnumMap<>(Objective.class);
        for (Objective objective : Objective.values()) all.put(objective, propose(table, objective));
        return all;
    }

    private SatModel model(Compiled c, boolean[] members, long minimumGain) {
        List<int[]> excluded = settings.excluded().stream().map(c::choice).toList();
        SatModel m = new SatModel(c, -1, allowedFor(c, members), excluded);
        for (int p = 0; p < c.parties; p++) if (members == null || members[p]) m.requireGain(p, minimumGain);
        return m;
    }

    /** For a coalition, issues naming an outsider are held at their "none" option. */
    private static boolean[][] allowedFor(Compiled c, boolean[] members) {
        if (members == null) return null;
        boolean[][] allowed = new boolean[c.issues][];
        List<String> inside = c.members(members);
        for (int i = 0; i < c.issues; i++) {
            Issue issue = c.negotiation.issues().get(i);
            allowed[i] = new boolean[c.options[i]];
            boolean outsider = issue.template() != null && !inside.containsAll(issue.template().states());
            int none = issue.noneOption().map(o -> issue.indexOf(o.id())).orElse(-1);
            for (int o = 0; o < c.options[i]; o++) allowed[i][o] = !outsider || none < 0 || o == none;
        }
        return allowed;
    }

    private Outcome joint(Compiled c, boolean[] members, long start) {
        SatModel m = model(c, members, c.margin);
        m.model.maximize(m.sumOfUtilities(members));
        SatModel.Run run = m.solve(settings);
        if (!run.found()) return noDeal(c, run, start);
        long reservations = 0;
        for (int p = 0; p < c.parties; p++) if (members == null || members[p]) reservations += c.reservation[p];
        double value = run.objective() - reservations;
        double bound = run.bound() - reservations;
        return proposal(c, Objective.JOINT, run.choice(), value, bound, run.optimal() ? Proof.OPTIMAL : Proof.TIME_LIMIT,
                "CP-SAT maximises the sum of utilities", start);
    }

    /** Each party's best utility over all norm-respecting deals (its ideal point), or the solver's bound on it. */
    long[] idealUtilities(Compiled c) {
        long[] ideal = new long[c.parties];
        for (int p = 0; p < c.parties; p++) {
            SatModel m = new SatModel(c, -1, null, List.of());
            m.model.maximize(m.utility[p]);
            SatModel.Run run = m.solve(settings);
            // Utilities are whole points: round the optimum, floor the bound (ceil turned 26.000…01 into 27).
            ideal[p] = !run.found() ? c.reservation[p]
                    : run.optimal() ? Math.round(run.objective()) : (long) Math.floor(run.bound() + 1e-6);
        }
        return ideal;
    }

    private Outcome maxmin(Compiled c, long start) {
        long[] range = new long[c.parties];
        long[] ideal = idealUtilities(c);
        for (int p = 0; p < c.parties; p++) range[p] = Math.max(1, ideal[p] - c.reservation[p]);
        // One time limit for the whole refinement, counted from here, so that many parties cannot multiply it.
        long deadline = System.nanoTime() + (long) (settings.timeLimitSeconds() * 1e9);
        List<int[]> excluded = settings.excluded().stream().map(c::choice).toList();
        var score = OneIssueSearch.maxmin(c, range);
        // A first deal to start from: the joint optimum, improved one issue at a time for the max-min score.
        SatModel seed = model(c, null, c.margin);
        seed.model.maximize(seed.sumOfUtilities(null));
        SatModel.Run seedRun = seed.solve(remaining(deadline));
        if (!seedRun.found()) return noDeal(c, seedRun, start);
        int[] best = OneIssueSearch.improve(c, seedRun.choice(), c.margin, excluded, score, deadline);
        long[] floor = minimumRatio(c, best, range);
        // A second start: the relaxed Nash deal (scale-free, so it balances normalised gains too), rounded and improved.
        boolean positive = true;
        for (int p = 0; p < c.parties; p++) positive &= c.utility(p, best) - c.reservation[p] >= 1;
        if (positive) {
            NashRelaxation.Result relaxed = new NashRelaxation(c).solve(best, 1e-4, 2_000, deadline);
            int[] balanced = rounded(c, relaxed.mix(), best, c.margin, excluded, score, deadline);
            if (beats(c, balanced, best, range)) best = balanced;
        }
        floor = minimumRatio(c, best, range);
        SatModel first = model(c, null, c.margin);
        IntVar t = first.model.newIntVar(Math.floorDiv(MAXMIN_SCALE * floor[0], floor[1]), MAXMIN_SCALE, "t");
        for (int p = 0; p < c.parties; p++) {
            // 10⁶·(u − r) ≥ range·t  ⇔  every normalised gain ≥ t / 10⁶
            first.model.addGreaterOrEqual(LinearExpr.newBuilder().addTerm(first.utility[p], MAXMIN_SCALE).addTerm(t, -range[p]),
                    MAXMIN_SCALE * c.reservation[p]);
        }
        first.model.maximize(t);
        first.hint(best);
        // A quarter of the time for the bound; the rest for strictly better deals, which CP-SAT finds faster.
        SatModel.Run run = first.solve(remaining(System.nanoTime() + (deadline - System.nanoTime()) / FIRST_CALL_SHARE));
        // t is a whole number ≤ 10⁶·(smallest normalised gain), so the optimum lies below (bound + 1) / 10⁶.
        double upper = run.found() || run.optimal() ? (run.bound() + 1) / MAXMIN_SCALE : 1;
        if (run.found() && beats(c, run.choice(), best, range)) {
            best = OneIssueSearch.improve(c, run.choice(), c.margin, excluded, score, deadline);
        }
        boolean proven = false;
        boolean global = true;
        java.util.Random random = new java.util.Random(7);
        while (System.nanoTime() < deadline) {
            // Globally while CP-SAT answers quickly (it proves optimality on small domains); else in
            // neighbourhoods: all issues but a few held at the best deal's options.
            boolean[][] allowed = global ? null : neighbourhood(c, best, range, random);
            SatModel better = new SatModel(c, -1, allowed, excluded);
            long[] ratio = minimumRatio(c, best, range);
            for (int p = 0; p < c.parties; p++) {
                better.requireGain(p, c.margin);
                // (u − r)·den ≥ num·range + 1: strictly better than the current exact minimum num/den
                better.model.addGreaterOrEqual(LinearExpr.term(better.utility[p], ratio[1]),
                        ratio[0] * range[p] + 1 + ratio[1] * c.reservation[p]);
            }
            better.hint(best);
            long callDeadline = Math.min(deadline, System.nanoTime() + (global ? GLOBAL_CALL_NANOS : NEIGHBOURHOOD_CALL_NANOS));
            SatModel.Run next = better.solve(remaining(callDeadline));
            if (next.found()) {
                best = OneIssueSearch.improve(c, next.choice(), c.margin, excluded, score, deadline);
            } else if (global && next.infeasible()) {
                proven = true;
                break;
            } else {
                global = false;
            }
        }
        long[] ratio = minimumRatio(c, best, range);
        SatModel tie = model(c, null, c.margin);
        for (int p = 0; p < c.parties; p++) {
            tie.model.addGreaterOrEqual(LinearExpr.term(tie.utility[p], ratio[1]), ratio[0] * range[p] + ratio[1] * c.reservation[p]);
        }
        tie.model.maximize(tie.sumOfUtilities(null));
        tie.hint(best);
        SatModel.Run tieRun = tie.solve(remaining(deadline));
        if (tieRun.found()) best = tieRun.choice();
        proven = proven && tieRun.optimal();
        double value = (double) ratio[0] / ratio[1];
        return proposal(c, Objective.MAXMIN, best, value, proven ? value : Math.max(value, upper),
                proven ? Proof.OPTIMAL : Proof.TIME_LIMIT,
                "starting from the joint optimum and the relaxed Nash deal improved one issue at a time, CP-SAT maximises"
                        + " the smallest normalised gain (gain / (ideal utility − reservation)), searches for deals beating its exact"
                        + " rational value (whole table, then neighbourhoods), and maximises the joint gain at that value" + (proven ? "" : "; gap = (bound − value) / bound, time limit reached"),
                start);
    }

    /**
     * Which options a neighbourhood search may change: a few issues that matter most to the worst-off
     * parties plus a few at random are free, every other issue keeps the best deal's option.
     */
    private static boolean[][] neighbourhood(Compiled c, int[] best, long[] range, java.util.Random random) {
        boolean[] free = new boolean[c.issues];
        Integer[] parties = new Integer[c.parties];
        double[] ratio = new double[c.parties];
        for (int p = 0; p < c.parties; p++) {
            parties[p] = p;
            ratio[p] = (double) (c.utility(p, best) - c.reservation[p]) / range[p] + 1e-9 * random.nextDouble();
        }
        java.util.Arrays.sort(parties, java.util.Comparator.comparingDouble(p -> ratio[p]));
        Integer[] order = new Integer[c.issues];
        for (int k = 0; k < Math.min(c.parties, NEIGHBOURHOOD_PARTIES); k++) {
            int party = parties[k];
            // This party's issues with the most room to gain, a few drawn among the best ones.
            for (int i = 0; i < c.issues; i++) order[i] = i;
            java.util.Arrays.sort(order, java.util.Comparator.comparingLong(i -> {
                long top = Long.MIN_VALUE;
                for (long v : c.value[party][i]) top = Math.max(top, v);
                return -(top - c.value[party][i][best[i]]);
            }));
            for (int j = 0; j < NEIGHBOURHOOD_ISSUES_PER_PARTY; j++) free[order[random.nextInt(Math.min(c.issues, 2 * NEIGHBOURHOOD_ISSUES_PER_PARTY))]] = true;
        }
        for (int j = 0; j < NEIGHBOURHOOD_ISSUES_PER_PARTY; j++) free[random.nextInt(c.issues)] = true;
        boolean[][] allowed = new boolean[c.issues][];
        for (int i = 0; i < c.issues; i++) {
            allowed[i] = new boolean[c.options[i]];
            for (int o = 0; o < c.options[i]; o++) allowed[i][o] = free[i] || o == best[i];
        }
        return allowed;
    }

    /** Whether deal a has a strictly larger smallest normalised gain than deal b (exact). */
    private static boolean beats(Compiled c, int[] a, int[] b, long[] range) {
        long[] x = minimumRatio(c, a, range);
        long[] y = minimumRatio(c, b, range);
        return Math.multiplyExact(x[0], y[1]) > Math.multiplyExact(y[0], x[1]);
    }

    /** The smallest normalised gain of a deal as an exact fraction {numerator, denominator}. */
    private static long[] minimumRatio(Compiled c, int[] choice, long[] range) {
        long num = 0;
        long den = 1;
        boolean first = true;
        for (int p = 0; p < c.parties; p++) {
            long gain = c.utility(p, choice) - c.reservation[p];
            if (first || Math.multiplyExact(gain, den) < Math.multiplyExact(num, range[p])) {
                num = gain;
                den = range[p];
                first = false;
            }
        }
        return new long[]{num, den};
    }

    private Outcome nash(Compiled c, long start) {
        long minimum = Math.max(c.margin, 1);
        long[] ideal = idealUtilities(c);
        long[] maxGain = new long[c.parties];
        double log2 = 0;
        boolean positive = true;
        for (int p = 0; p < c.parties; p++) {
            maxGain[p] = ideal[p] - c.reservation[p];
            if (maxGain[p] < minimum) positive = false;
            log2 += Math.log(Math.max(1, maxGain[p])) / Math.log(2);
        }
        if (!positive) return nashWithoutPositiveGains(c, start);
        SatModel m = model(c, null, minimum);
        IntVar[] g = new IntVar[c.parties];
        if (log2 < 62) {
            long product = 1;
            for (int p = 0; p < c.parties; p++) {
                g[p] = m.model.newIntVar(minimum, maxGain[p], "g" + p);
                m.model.addEquality(LinearExpr.newBuilder().add(m.utility[p]).add(-c.reservation[p]), g[p]);
                product *= maxGain[p];
            }
            IntVar nashProduct = m.model.newIntVar(0, product, "product");
            m.model.addMultiplicationEquality(nashProduct, g);
            m.model.maximize(nashProduct);
            SatModel.Run run = m.solve(settings);
            if (!run.found()) return run.infeasible() ? nashWithoutPositiveGains(c, start) : noDeal(c, run, start);
            double value = product(c, run.choice());
            double bound = Math.max(value, run.bound());
            boolean optimal = run.optimal();
            return new Finisher(c, start).proposal(Objective.NASH, run.choice(), value, bound,
                    optimal ? 0 : 1 - Math.pow(value / bound, 1.0 / c.parties), optimal ? Proof.OPTIMAL : Proof.TIME_LIMIT,
                    "CP-SAT maximises the exact product of gains (multiplication constraint)"
                            + (optimal ? "" : "; gap = 1 - (product / bound)^(1/" + c.parties + "), on the geometric mean gain"));
        }
        return nashByRelaxation(c, minimum, start);
    }

    /**
     * Nash for many parties: a deal from CP-SAT, improved one issue at a time, against the bound of
     * {@link NashRelaxation}; then CP-SAT maximises the gains weighted by the relaxation's weights
     * (a deal near the relaxed optimum, and, from its own bound, a tighter proven bound), and the best
     * deal is improved again. The whole refinement shares one time limit.
     */
    Outcome nashByRelaxation(Compiled c, long minimum, long start) {
        long deadline = start + (long) (settings.timeLimitSeconds() * 1e9);
        List<int[]> excluded = settings.excluded().stream().map(c::choice).toList();
        SatModel first = model(c, null, minimum);
        first.model.maximize(first.sumOfUtilities(null));
        SatModel.Run run = first.solve(remaining(deadline));
        if (!run.found()) return run.infeasible() ? nashWithoutPositiveGains(c, start) : noDeal(c, run, start);
        int[] best = OneIssueSearch.improve(c, run.choice(), minimum, excluded, OneIssueSearch.nash(c), deadline);
        NashRelaxation relaxation = new NashRelaxation(c);
        NashRelaxation.Result relaxed = relaxation.solve(best, 1e-6, 20_000, deadline);
        double upper = relaxed.upperBound();
        best = rounded(c, relaxed.mix(), best, minimum, excluded, OneIssueSearch.nash(c), deadline);
        double[] weights = relaxed.weights();
        boolean exhaustive = true;
        for (int round = 0; round < 2 && System.nanoTime() < deadline; round++) {
            // Integer weights k = ⌈S·λ⌉ ≥ 1: the bound below is valid for any positive weights.
            double maxWeight = 0;
            for (double w : weights) maxWeight = Math.max(maxWeight, w);
            double scale = WEIGHT_SCALE / maxWeight;
            long[] k = new long[c.parties];
            LinearExprBuilder objective = LinearExpr.newBuilder();
            SatModel weighted = model(c, null, minimum);
            double constant = 0;
            for (int p = 0; p < c.parties; p++) {
                k[p] = Math.max(1, (long) Math.ceil(scale * weights[p]));
                objective.addTerm(weighted.gain(p), k[p]);
                constant += -Math.log(k[p] / scale) - 1;
            }
            weighted.model.maximize(objective);
            weighted.hint(best);
            SatModel.Run w = weighted.solve(remaining(deadline));
            exhaustive &= w.optimal() || w.infeasible();
            if (w.infeasible()) upper = Math.min(upper, logProduct(c, best));
            if (w.found()) {
                upper = Math.min(upper, constant + w.bound() / scale);
                int[] candidate = OneIssueSearch.improve(c, w.choice(), minimum, excluded, OneIssueSearch.nash(c), deadline);
                if (logProduct(c, candidate) > logProduct(c, best)) best = candidate;
            }
            // Next round: weights at the incumbent's gains, where the tangent bound is tight for the deal itself.
            weights = new double[c.parties];
            for (int p = 0; p < c.parties; p++) weights[p] = 1.0 / (c.utility(p, best) - c.reservation[p]);
        }
        double lower = logProduct(c, best);
        upper = Math.max(lower, upper);
        double gap = upper - lower < 1e-9 ? 0 : -Math.expm1((lower - upper) / c.parties);
        return new Finisher(c, start).proposal(Objective.NASH, best, Math.exp(lower), Math.exp(upper), gap,
                upper - lower < 1e-9 ? Proof.OPTIMAL : Proof.WITHIN_GAP,
                "the product of gains is too large for an exact CP-SAT product: a CP-SAT deal improved one issue at a time,"
                        + " against a proven upper bound from the continuous relaxation (Frank-Wolfe, " + relaxed.iterations()
                        + " steps) and CP-SAT weighted joint gains; gap = 1 - (product / bound)^(1/" + c.parties
                        + "), the relative gap on the geometric mean gain" + (exhaustive ? "" : " (time limit reached)"));
    }

    /**
     * The relaxed deal rounded to whole options (most weighted option per issue, then random draws
     * by weight, seeded), each improved one issue at a time; the best admissible deal, or {@code best}.
     */
    private static int[] rounded(Compiled c, double[][] mix, int[] best, long minimum, List<int[]> excluded,
                                 java.util.function.Function<int[], double[]> score, long deadline) {
        java.util.Random random = new java.util.Random(7);
        double[] bestValue = OneIssueSearch.admissibleScore(c, best, minimum, excluded, score);
        for (int draw = 0; draw < ROUNDINGS && System.nanoTime() < deadline; draw++) {
            int[] choice = new int[c.issues];
            for (int i = 0; i < c.issues; i++) {
                double u = draw == 0 ? -1 : random.nextDouble();
                int pick = 0;
                for (int o = 0; o < mix[i].length; o++) {
                    if (draw == 0 ? mix[i][o] > mix[i][pick] : (u -= mix[i][o]) < 0) {
                        pick = o;
                        if (draw != 0) break;
                    }
                }
                choice[i] = pick;
            }
            int[] improved = OneIssueSearch.improve(c, choice, minimum, excluded, score, deadline);
            double[] value = OneIssueSearch.admissibleScore(c, improved, minimum, excluded, score);
            if (value != null && (bestValue == null || OneIssueSearch.better(value, bestValue))) {
                bestValue = value;
                best = improved;
            }
        }
        return best;
    }

    private SolverSettings remaining(long deadline) {
        return settings.withTimeLimit(Math.max(0.05, (deadline - System.nanoTime()) / 1e9));
    }

    private Outcome nashWithoutPositiveGains(Compiled c, long start) {
        Outcome joint = joint(c, null, start);
        if (!(joint instanceof Outcome.Proposal p)) return joint;
        return new Outcome.Proposal(Objective.NASH, p.deal(), p.utilities(), p.gains(), 0, 0, 0, p.proof(),
                "no deal gives every party a positive gain, so the Nash product is 0 for every deal; the joint gain decides",
                p.norms(), seconds(start));
    }

    static double product(Compiled c, int[] choice) {
        double product = 1;
        for (int p = 0; p < c.parties; p++) product *= c.utility(p, choice) - c.reservation[p];
        return product;
    }

    static double logProduct(Compiled c, int[] choice) {
        double sum = 0;
        for (int p = 0; p < c.parties; p++) sum += Math.log(c.utility(p, choice) - c.reservation[p]);
        return sum;
    }

    private Outcome.Proposal proposal(Compiled c, Objective objective, int[] choice, double value, double bound, Proof proof,
                                      String method, long start) {
        double gap = Math.abs(bound - value) / Math.max(1e-9, Math.abs(bound));
        return new Finisher(c, start).proposal(objective, choice, value, bound, proof == Proof.OPTIMAL ? 0 : gap, proof, method);
    }

    /** Builds proposals from solver choices. */
    private record Finisher(Compiled c, long start) {
        Outcome.Proposal proposal(Objective objective, int[] choice, double value, double bound, double gap, Proof proof,
                                  String method) {
            var deal = c.deal(choice);
            Map<String, Long> utilities = new LinkedHashMap<>();
            Map<String, Long> gains = new LinkedHashMap<>();
            for (int p = 0; p < c.parties; p++) {
                long u = c.utility(p, choice);
                utilities.put(c.partyIds.get(p), u);
                gains.put(c.partyIds.get(p), u - c.reservation[p]);
            }
            return new Outcome.Proposal(objective, deal, utilities, gains, value, bound, gap, proof, method,
                    c.negotiation.check(deal), seconds(start));
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private Outcome noDeal(Compiled c, SatModel.Run run, long start) {
        if (!run.infeasible()) {
            return new Outcome.NoDeal("no deal was found before the time limit of " + settings.timeLimitSeconds()
                    + " s; none is proven impossible either", List.of(), List.of(), Proof.TIME_LIMIT, seconds(start));
        }
        return diagnose(c, start);
    }

    /** Why no individually rational deal exists: which norms exclude every deal, or whose reservation blocks and by how much. */
    public Outcome.NoDeal diagnose(Table table) {
        return diagnose(new Compiled(table), System.nanoTime());
    }

    private Outcome.NoDeal diagnose(Compiled c, long start) {
        List<int[]> excluded = settings.excluded().stream().map(c::choice).toList();
        SatModel any = new SatModel(c, -1, null, excluded);
        SatModel.Run anyRun = any.solve(settings);
        if (!anyRun.found()) {
            List<String> blocking = new ArrayList<>();
            for (int n = 0; n < c.normIssues.length; n++) {
                if (new SatModel(c, n, null, excluded).solve(settings).found()) blocking.add(c.negotiation.norms().get(n).id());
            }
            String reason = anyRun.infeasible()
                    ? "the norms" + (excluded.isEmpty() ? "" : " and the rejected deals") + " exclude every deal"
                    + (blocking.isEmpty() ? "" : "; dropping any one of " + blocking + " would allow some deal")
                    : "no norm-respecting deal was found before the time limit";
            return new Outcome.NoDeal(reason, List.of(), blocking, anyRun.infeasible() ? Proof.OPTIMAL : Proof.TIME_LIMIT, seconds(start));
        }
        List<Outcome.Blocker> blockers = new ArrayList<>();
        boolean proven = true;
        for (int p = 0; p < c.parties; p++) {
            SatModel m = new SatModel(c, -1, null, excluded);
            for (int q = 0; q < c.parties; q++) if (q != p) m.requireGain(q, c.margin);
            m.model.maximize(m.utility[p]);
            SatModel.Run run = m.solve(settings);
            long required = c.reservation[p] + c.margin;
            proven &= run.optimal() || run.infeasible();
            if (run.found()) {
                long best = Math.round(run.optimal() ? run.objective() : run.bound());
                blockers.add(new Outcome.Blocker(c.partyIds.get(p), best, required, Math.max(0, required - best)));
            } else {
                blockers.add(new Outcome.Blocker(c.partyIds.get(p), null, required, null));
            }
        }
        List<String> alone = blockers.stream().filter(b -> b.shortfall() != null && b.shortfall() > 0)
                .map(b -> b.party() + " (short by " + b.shortfall() + ")").toList();
        String reason = alone.isEmpty()
                ? "no single party's reservation alone blocks the deal: at least two parties would have to lower theirs"
                : "no deal satisfies every party: even with every other party satisfied, " + String.join(", ", alone)
                + " cannot reach its reservation plus margin";
        return new Outcome.NoDeal(reason, blockers, List.of(), proven ? Proof.OPTIMAL : Proof.TIME_LIMIT, seconds(start));
    }

    /**
     * The exact Pareto frontier (one deal per efficient utility vector): repeatedly maximise Σ
     * utilities over deals not weakly dominated by any point found so far; every optimum is
     * efficient and new, and infeasibility proves the frontier complete. Stops at {@code maxPoints}.
     */
    public ParetoFrontier paretoFrontier(Table table, boolean individuallyRationalOnly, int maxPoints) {
        long start = System.nanoTime();
        Compiled c = new Compiled(table);
        SatModel m = new SatModel(c, -1, null, List.of());
        if (individuallyRationalOnly) for (int p = 0; p < c.parties; p++) m.requireGain(p, c.margin);
        m.model.maximize(m.sumOfUtilities(null));
        List<ParetoFrontier.Point> points = new ArrayList<>();
        boolean complete = false;
        while (points.size() < maxPoints) {
            SatModel.Run run = m.solve(settings);
            if (run.infeasible()) {
                complete = true;
                break;
            }
            if (!run.optimal()) break;
            long[] u = c.utilities(run.choice());
            Map<String, Long> utilities = new LinkedHashMap<>();
            boolean rational = c.meetsNorms(run.choice());
            for (int p = 0; p < c.parties; p++) {
                utilities.put(c.partyIds.get(p), u[p]);
                rational &= u[p] - c.reservation[p] >= c.margin;
            }
            points.add(new ParetoFrontier.Point(utilities, c.deal(run.choice()), rational));
            Literal[] better = new Literal[c.parties];
            for (int p = 0; p < c.parties; p++) {
                BoolVar above = m.model.newBoolVar("above" + points.size() + "_" + p);
                m.model.addGreaterOrEqual(m.utility[p], u[p] + 1).onlyEnforceIf(above);
                better[p] = above;
            }
            m.model.addBoolOr(better);
        }
        return new ParetoFrontier(c.partyIds, points, individuallyRationalOnly, complete, seconds(start));
    }

    /**
     * When all parties cannot agree, the largest coalitions that can (their joint-gain deal), found
     * from the largest size down; at most {@code maxSolves} solver calls. An empty list when the
     * whole negotiation can agree (the full set is then the only coalition needed) is not returned:
     * the full set is listed instead.
     */
    public List<Coalition> coalitions(Table table, int maxSolves) {
        long start = System.nanoTime();
        Compiled c = new Compiled(table);
        List<Coalition> found = new ArrayList<>();
        int solves = 0;
        for (int size = c.parties; size >= 2 && solves < maxSolves; size--) {
            for (boolean[] members : subsets(c.parties, size)) {
                if (solves >= maxSolves) break;
                if (containedInFound(c, members, found)) continue;
                solves++;
                Outcome outcome = joint(c, members, start);
                if (outcome instanceof Outcome.Proposal proposal) found.add(new Coalition(c.members(members), proposal));
            }
            if (size == c.parties && !found.isEmpty()) break;
        }
        return found;
    }

    private static boolean containedInFound(Compiled c, boolean[] members, List<Coalition> found) {
        List<String> names = c.members(members);
        return found.stream().anyMatch(f -> f.members().containsAll(names));
    }

    private static List<boolean[]> subsets(int n, int size) {
        List<boolean[]> result = new ArrayList<>();
        int[] index = new int[size];
        for (int i = 0; i < size; i++) index[i] = i;
        while (true) {
            boolean[] set = new boolean[n];
            for (int i : index) set[i] = true;
            result.add(set);
            if (result.size() > 100_000) return result;
            int i = size - 1;
            while (i >= 0 && index[i] == n - size + i) i--;
            if (i < 0) return result;
            index[i]++;
            for (int j = i + 1; j < size; j++) index[j] = index[j - 1] + 1;
        }
    }
}
