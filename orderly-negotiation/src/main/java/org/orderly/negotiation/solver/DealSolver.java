package org.orderly.negotiation.solver;

import com.google.ortools.Loader;
import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import com.google.ortools.sat.Literal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.orderly.negotiation.Issue;
import org.orderly.negotiation.Table;

/**
 * Finds individually rational package deals with Google OR-Tools CP-SAT, by joint gain, Nash
 * product of gains or smallest gain, over individually rational deals (uᵢ ≥ rᵢ), and says whether the answer is proven optimal.
 *
 * <p>Methods, so that the proofs can be checked:
 * <ul>
 * <li>JOINT: one CP-SAT maximisation of Σ utilities; OPTIMAL status is a proof.</li>
 * <li>MAXMIN (the field's definition): one CP-SAT maximisation of t ≤ uᵢ − rᵢ for every party;
 *     OPTIMAL status is a proof. A second call maximises the joint gain among deals that give every
 *     party at least t (the tie-break).</li>
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

    private static final double WEIGHT_SCALE = 1_000_000;
    private static final int ROUNDINGS = 64;
    private static final int PRODUCT_SHARE = 3;

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
            boolean outsider = issue.template() != null
                    && !inside.containsAll(issue.template().states());
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
        long value = 0;
        for (int p = 0; p < c.parties; p++)
            if (members == null || members[p]) value += c.utility(p, run.choice()) - c.reservation[p];
        // Utilities are whole points: the exact sum, and the bound floored (never below the value).
        double bound = run.optimal() ? value : Math.max(value, Math.floor(run.bound() + 1e-6) - reservations);
        return proposal(
                c,
                Objective.JOINT,
                run.choice(),
                value,
                bound,
                run.optimal() ? Proof.OPTIMAL : Proof.TIME_LIMIT,
                "CP-SAT maximises the sum of utilities",
                start);
    }

    /** Each party's best utility over all norm-respecting deals (its ideal point), or the solver's bound on it. */
    long[] idealUtilities(Compiled c) {
        long[] ideal = new long[c.parties];
        for (int p = 0; p < c.parties; p++) {
            SatModel m = new SatModel(c, -1, null, List.of());
            m.model.maximize(m.utility[p]);
            SatModel.Run run = m.solve(settings);
            // Utilities are whole points: round the optimum, floor the bound (ceil turned 26.000…01 into 27).
            ideal[p] = !run.found()
                    ? c.reservation[p]
                    : run.optimal() ? Math.round(run.objective()) : (long) Math.floor(run.bound() + 1e-6);
        }
        return ideal;
    }

    /**
     * Max-min as the field defines it: the largest smallest gain minᵢ(uᵢ − rᵢ) over individually
     * rational deals, in the table's common points; among deals reaching it, the largest joint gain.
     */
    private Outcome maxmin(Compiled c, long start) {
        long deadline = start + (long) (settings.timeLimitSeconds() * 1e9);
        SatModel m = model(c, null, c.margin);
        long low = Long.MAX_VALUE;
        long high = Long.MIN_VALUE;
        for (int p = 0; p < c.parties; p++) {
            low = Math.min(low, c.utilityLowerBound(p) - c.reservation[p]);
            high = Math.max(high, c.utilityUpperBound(p) - c.reservation[p]);
        }
        IntVar smallest = m.model.newIntVar(Math.min(low, high), high, "smallestGain");
        for (int p = 0; p < c.parties; p++) {
            m.model.addGreaterOrEqual(
                    LinearExpr.newBuilder().add(m.utility[p]).addTerm(smallest, -1), c.reservation[p]);
        }
        m.model.maximize(smallest);
        SatModel.Run run = m.solve(remaining(deadline));
        if (!run.found()) return noDeal(c, run, start);
        long value = smallestGain(c, run.choice());
        // Among the deals that give every party at least that much, the largest joint gain.
        SatModel tie = model(c, null, Math.max(c.margin, value));
        tie.model.maximize(tie.sumOfUtilities(null));
        tie.hint(run.choice());
        SatModel.Run tieRun = tie.solve(remaining(deadline));
        int[] best = tieRun.found() ? tieRun.choice() : run.choice();
        boolean proven = run.optimal();
        double bound = proven ? value : Math.max(value, Math.floor(run.bound() + 1e-9));
        return proposal(
                c,
                Objective.MAXMIN,
                best,
                value,
                bound,
                proven ? Proof.OPTIMAL : Proof.TIME_LIMIT,
                "CP-SAT maximises the smallest gain over reservation, then the joint gain among the deals that reach it"
                        + (tieRun.optimal() ? "" : " (the joint-gain tie-break reached the time limit)")
                        + (proven ? "" : "; gap = (bound − value) / bound, time limit reached"),
                start);
    }

    static long smallestGain(Compiled c, int[] choice) {
        long smallest = Long.MAX_VALUE;
        for (int p = 0; p < c.parties; p++) smallest = Math.min(smallest, c.utility(p, choice) - c.reservation[p]);
        return smallest;
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
            long deadline = start + (long) (settings.timeLimitSeconds() * 1e9);
            // A first deal: the joint optimum among deals with positive gains, as the product model's hint.
            SatModel joint = model(c, null, minimum);
            joint.model.maximize(joint.sumOfUtilities(null));
            SatModel.Run jointRun =
                    joint.solve(remaining(System.nanoTime() + (deadline - System.nanoTime()) / PRODUCT_SHARE));
            if (jointRun.found()) m.hint(jointRun.choice());
            // A share of the time for the product model; if it does not prove its answer, the tangent proof takes the
            // rest.
            SatModel.Run run = m.solve(remaining(System.nanoTime() + (deadline - System.nanoTime()) / PRODUCT_SHARE));
            if (jointRun.found()
                    && run.found()
                    && !run.optimal()
                    && product(c, jointRun.choice()) > product(c, run.choice())) {
                run = new SatModel.Run(run.status(), jointRun.choice(), run.objective(), run.bound(), run.seconds());
            }
            if (!run.found()) {
                if (run.infeasible()) return nashWithoutPositiveGains(c, start);
                run = m.solve(remaining(deadline));
                if (!run.found()) return run.infeasible() ? nashWithoutPositiveGains(c, start) : noDeal(c, run, start);
            }
            if (run.optimal()) {
                return new Finisher(c, start)
                        .proposal(
                                Objective.NASH,
                                run.choice(),
                                product(c, run.choice()),
                                product(c, run.choice()),
                                0,
                                Proof.OPTIMAL,
                                "CP-SAT maximises the exact product of gains (multiplication constraint)");
            }
            List<int[]> excluded = settings.excluded().stream().map(c::choice).toList();
            double upper = Math.log(Math.max(product(c, run.choice()), run.bound()));
            long jointUpper = jointRun.found() || jointRun.optimal()
                    ? (long) Math.floor(jointRun.bound() + 1e-6)
                    : jointUpperBound(c);
            NashOuterApproximation.Result proof = NashOuterApproximation.prove(
                    c, run.choice(), minimum, maxGain, jointUpper, excluded, upper, settings, deadline);
            int[] best = proof.best();
            double lower = logProduct(c, best);
            double upperLog = proof.proven() ? lower : Math.max(lower, Math.min(upper, proof.upperLog()));
            double gap = proof.proven() ? 0 : -Math.expm1((lower - upperLog) / c.parties);
            return new Finisher(c, start)
                    .proposal(
                            Objective.NASH,
                            best,
                            product(c, best),
                            Math.exp(upperLog),
                            gap,
                            proof.proven() ? Proof.OPTIMAL : Proof.TIME_LIMIT,
                            "CP-SAT maximises the exact product of gains (multiplication constraint), then an outer approximation of log by"
                                    + " tangent lines refined at every deal found (" + proof.deals()
                                    + " deals compared exactly)"
                                    + (proof.proven()
                                            ? " proves that no other deal has a larger product"
                                            : "; gap = 1 - (product / bound)^(1/" + c.parties
                                                    + "), on the geometric mean gain (time limit reached)"));
        }
        return nashByRelaxation(c, minimum, maxGain, start);
    }

    /**
     * Nash for many parties: a deal from CP-SAT, improved one issue at a time, against the bound of
     * {@link NashRelaxation}; then CP-SAT maximises the gains weighted by the relaxation's weights
     * (a deal near the relaxed optimum, and, from its own bound, a tighter proven bound), and the best
     * deal is improved again. The whole refinement shares one time limit.
     */
    Outcome nashByRelaxation(Compiled c, long minimum, long start) {
        long[] ideal = idealUtilities(c);
        long[] maxGain = new long[c.parties];
        for (int p = 0; p < c.parties; p++) maxGain[p] = Math.max(minimum, ideal[p] - c.reservation[p]);
        return nashByRelaxation(c, minimum, maxGain, start);
    }

    private Outcome nashByRelaxation(Compiled c, long minimum, long[] maxGain, long start) {
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
                int[] candidate =
                        OneIssueSearch.improve(c, w.choice(), minimum, excluded, OneIssueSearch.nash(c), deadline);
                if (logProduct(c, candidate) > logProduct(c, best)) best = candidate;
            }
            // Next round: weights at the incumbent's gains, where the tangent bound is tight for the deal itself.
            weights = new double[c.parties];
            for (int p = 0; p < c.parties; p++) weights[p] = 1.0 / (c.utility(p, best) - c.reservation[p]);
        }
        // The exact proof: tangent lines of log, refined at every deal found, until no unseen deal can beat the best.
        NashOuterApproximation.Result proof = NashOuterApproximation.prove(
                c, best, minimum, maxGain, (long) Math.floor(run.bound() + 1e-6), excluded, upper, settings, deadline);
        best = proof.best();
        double lower = logProduct(c, best);
        upper = proof.proven() ? lower : Math.max(lower, Math.min(upper, proof.upperLog()));
        double gap = proof.proven() ? 0 : -Math.expm1((lower - upper) / c.parties);
        return new Finisher(c, start)
                .proposal(
                        Objective.NASH,
                        best,
                        product(c, best),
                        Math.exp(upper),
                        gap,
                        proof.proven() ? Proof.OPTIMAL : Proof.WITHIN_GAP,
                        "the product of gains is too large for an exact CP-SAT product: a CP-SAT deal improved one issue at a time,"
                                + " a bound from the continuous relaxation (Frank-Wolfe, " + relaxed.iterations()
                                + " steps) and CP-SAT weighted joint gains, then an outer approximation of log by tangent lines refined at"
                                + " every deal found (" + proof.deals() + " deals compared exactly)"
                                + (proof.proven()
                                        ? ", until CP-SAT proved that no other deal can have a larger product"
                                        : "; gap = 1 - (product / bound)^(1/" + c.parties
                                                + "), the relative gap on the geometric mean gain (time limit reached)"));
    }

    /**
     * The relaxed deal rounded to whole options (most weighted option per issue, then random draws
     * by weight, seeded), each improved one issue at a time; the best admissible deal, or {@code best}.
     */
    private static int[] rounded(
            Compiled c,
            double[][] mix,
            int[] best,
            long minimum,
            List<int[]> excluded,
            java.util.function.Function<int[], double[]> score,
            long deadline) {
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
        return new Outcome.Proposal(
                Objective.NASH,
                p.deal(),
                p.utilities(),
                p.gains(),
                0,
                0,
                0,
                p.proof(),
                "no deal gives every party a positive gain, so the Nash product is 0 for every deal; the joint gain decides",
                p.norms(),
                seconds(start));
    }

    /** Σ of every party's utility upper bound: a valid, if loose, bound on the joint utility. */
    private static long jointUpperBound(Compiled c) {
        long total = 0;
        for (int p = 0; p < c.parties; p++) total += c.utilityUpperBound(p);
        return total;
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

    private Outcome.Proposal proposal(
            Compiled c,
            Objective objective,
            int[] choice,
            double value,
            double bound,
            Proof proof,
            String method,
            long start) {
        double gap = Math.abs(bound - value) / Math.max(1e-9, Math.abs(bound));
        return new Finisher(c, start)
                .proposal(objective, choice, value, bound, proof == Proof.OPTIMAL ? 0 : gap, proof, method);
    }

    /** Builds proposals from solver choices. */
    private record Finisher(Compiled c, long start) {
        Outcome.Proposal proposal(
                Objective objective, int[] choice, double value, double bound, double gap, Proof proof, String method) {
            var deal = c.deal(choice);
            Map<String, Long> utilities = new LinkedHashMap<>();
            Map<String, Long> gains = new LinkedHashMap<>();
            for (int p = 0; p < c.parties; p++) {
                long u = c.utility(p, choice);
                utilities.put(c.partyIds.get(p), u);
                gains.put(c.partyIds.get(p), u - c.reservation[p]);
            }
            return new Outcome.Proposal(
                    objective,
                    deal,
                    utilities,
                    gains,
                    value,
                    bound,
                    gap,
                    proof,
                    method,
                    c.negotiation.check(deal),
                    seconds(start));
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private Outcome noDeal(Compiled c, SatModel.Run run, long start) {
        if (!run.infeasible()) {
            return new Outcome.NoDeal(
                    "no deal was found before the time limit of " + settings.timeLimitSeconds()
                            + " s; none is proven impossible either",
                    List.of(),
                    List.of(),
                    Proof.TIME_LIMIT,
                    seconds(start));
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
                if (new SatModel(c, n, null, excluded).solve(settings).found())
                    blocking.add(c.negotiation.norms().get(n).id());
            }
            String reason = anyRun.infeasible()
                    ? "the norms" + (excluded.isEmpty() ? "" : " and the rejected deals") + " exclude every deal"
                            + (blocking.isEmpty() ? "" : "; dropping any one of " + blocking + " would allow some deal")
                    : "no norm-respecting deal was found before the time limit";
            return new Outcome.NoDeal(
                    reason,
                    List.of(),
                    blocking,
                    anyRun.infeasible() ? Proof.OPTIMAL : Proof.TIME_LIMIT,
                    seconds(start));
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
        List<String> alone = blockers.stream()
                .filter(b -> b.shortfall() != null && b.shortfall() > 0)
                .map(b -> b.party() + " (short by " + b.shortfall() + ")")
                .toList();
        String reason = alone.isEmpty()
                ? "no single party's reservation alone blocks the deal: at least two parties would have to lower theirs"
                : "no deal satisfies every party: even with every other party satisfied, " + String.join(", ", alone)
                        + " cannot reach its reservation plus margin";
        return new Outcome.NoDeal(
                reason, blockers, List.of(), proven ? Proof.OPTIMAL : Proof.TIME_LIMIT, seconds(start));
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
                if (outcome instanceof Outcome.Proposal proposal)
                    found.add(new Coalition(c.members(members), proposal));
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
