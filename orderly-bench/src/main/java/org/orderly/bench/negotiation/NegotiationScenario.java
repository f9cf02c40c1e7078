package org.orderly.bench.negotiation;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.orderly.negotiation.Issue;
import org.orderly.negotiation.Negotiation;
import org.orderly.negotiation.Option;
import org.orderly.negotiation.Table;
import org.orderly.negotiation.Valuation;
import org.orderly.negotiation.solver.DealSolver;
import org.orderly.negotiation.solver.Enumeration;
import org.orderly.negotiation.solver.Objective;
import org.orderly.negotiation.solver.Outcome;
import org.orderly.negotiation.solver.SolverSettings;

/**
 * Scenario benchmark: the CP-SAT deal engine against exhaustive enumeration (the GENIUS way) on
 * growing two-party domains in the same run, then the large domains no enumeration can visit
 * (2 parties × 40 issues × 10 options; 30 parties × 100 issues × 5 options) with a 10 s time limit, every
 * objective, each line with the proof, the value, the proven bound and the gap's definition.
 * Run: {@code mvn -q -pl orderly-bench -am compile exec:java} is not configured; use
 * {@code java -cp … org.orderly.bench.negotiation.NegotiationScenario [--json]}.
 */
public final class NegotiationScenario {
    private NegotiationScenario() {}

    public static void main(String[] args) {
        run(System.out, List.of(args).contains("--json"));
    }

    /** Prints each figure (text, or one JSON object per line with {@code json}). */
    public static void run(PrintStream out, boolean json) {
        SolverSettings settings = new SolverSettings(10, 2, List.of());
        DealSolver solver = new DealSolver(settings);
        solver.propose(table(2, 3, 3, 1), Objective.JOINT); // loads the native library and warms the JIT
        for (int issues = 4; issues <= 10; issues++) {
            Table table = table(2, issues, 5, issues);
            for (Objective objective : Objective.values()) {
                Outcome.Proposal baseline = (Outcome.Proposal) Enumeration.propose(table, objective);
                Outcome.Proposal engine = (Outcome.Proposal) solver.propose(table, objective);
                boolean same =
                        Math.abs(engine.value() - baseline.value()) <= 1e-9 * Math.max(1, Math.abs(baseline.value()));
                print(
                        out,
                        json,
                        "versus-enumeration",
                        2,
                        issues,
                        5,
                        Enumeration.outcomes(table),
                        objective,
                        engine,
                        baseline.seconds(),
                        same);
            }
        }
        SolverSettings limited = new SolverSettings(10, 2, List.of());
        DealSolver large = new DealSolver(limited);
        Table twoByForty = table(2, 40, 10, 40);
        for (Objective objective : Objective.values()) {
            print(
                    out,
                    json,
                    "scale",
                    2,
                    40,
                    10,
                    Enumeration.outcomes(twoByForty),
                    objective,
                    (Outcome.Proposal) large.propose(twoByForty, objective),
                    Double.NaN,
                    true);
        }
        Table thirtyByHundred = table(30, 100, 5, 30100);
        for (Objective objective : Objective.values()) {
            Outcome outcome = large.propose(thirtyByHundred, objective);
            if (outcome instanceof Outcome.Proposal p)
                print(out, json, "scale", 30, 100, 5, Long.MAX_VALUE, objective, p, Double.NaN, true);
            else out.println("30x100x5 " + objective + ": " + ((Outcome.NoDeal) outcome).reason());
        }
    }

    private static void print(
            PrintStream out,
            boolean json,
            String kind,
            int parties,
            int issues,
            int options,
            long outcomes,
            Objective objective,
            Outcome.Proposal engine,
            double enumerationSeconds,
            boolean same) {
        String space = outcomes == Long.MAX_VALUE ? options + "^" + issues : String.valueOf(outcomes);
        if (json) {
            out.printf(
                    Locale.ROOT,
                    "{\"benchmark\":\"negotiation\",\"kind\":\"%s\",\"parties\":%d,\"issues\":%d,\"options\":%d,\"outcomes\":\"%s\","
                            + "\"objective\":\"%s\",\"engineSeconds\":%.4f,\"proof\":\"%s\",\"value\":%s,\"bound\":%s,\"gap\":%.6f,"
                            + "\"gapDefinition\":\"%s\",\"enumerationSeconds\":%s,\"sameOptimum\":%b}%n",
                    kind,
                    parties,
                    issues,
                    options,
                    space,
                    objective,
                    engine.seconds(),
                    engine.proof(),
                    number(engine.value()),
                    number(engine.bound()),
                    engine.gap(),
                    gapDefinition(objective),
                    Double.isNaN(enumerationSeconds) ? "null" : String.format(Locale.ROOT, "%.4f", enumerationSeconds),
                    same);
        } else if (Double.isNaN(enumerationSeconds)) {
            out.printf(
                    Locale.ROOT,
                    "%-18s %2d parties × %3d issues × %2d options (%s outcomes) %-6s  CP-SAT %8.3f s  %-10s gap %.4f"
                            + "  value %.6g  bound %.6g  (gap = %s)%n",
                    kind,
                    parties,
                    issues,
                    options,
                    outcomes == Long.MAX_VALUE || outcomes > 1e15 ? options + "^" + issues : space,
                    objective,
                    engine.seconds(),
                    engine.proof(),
                    engine.gap(),
                    engine.value(),
                    engine.bound(),
                    gapDefinition(objective));
        } else {
            out.printf(
                    Locale.ROOT,
                    "%-18s %2d parties × %3d issues × %2d options (%s outcomes) %-6s  CP-SAT %8.3f s  enumeration %8.3f s  ratio %7.2f  same optimum: %b%n",
                    kind,
                    parties,
                    issues,
                    options,
                    space,
                    objective,
                    engine.seconds(),
                    enumerationSeconds,
                    enumerationSeconds / engine.seconds(),
                    same);
        }
    }

    /** How the engine defines the gap it reports for an objective. */
    static String gapDefinition(Objective objective) {
        return objective == Objective.NASH
                ? "1 - (product / bound)^(1/parties), relative gap on the geometric mean gain"
                : "(bound - value) / bound";
    }

    private static String number(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.10g", value) : "null";
    }

    /** A random but reproducible domain: issue i offers options 0..k-1, option 0 = "none"; values mostly opposed between parties. */
    static Table table(int parties, int issues, int options, long seed) {
        Random random = new Random(seed);
        List<String> ids = new ArrayList<>();
        for (int p = 0; p < parties; p++) ids.add(String.format(Locale.ROOT, "P%02d", p));
        List<Issue> issueList = new ArrayList<>();
        for (int i = 0; i < issues; i++) {
            List<Option> list = new ArrayList<>();
            for (int o = 0; o < options; o++)
                list.add(o == 0 ? Option.none("o0", "none") : Option.of("o" + o, null, o));
            issueList.add(new Issue("i" + i, null, null, list));
        }
        Map<String, Valuation> valuations = new LinkedHashMap<>();
        for (String party : ids) {
            Map<String, Map<String, Long>> values = new LinkedHashMap<>();
            long best = 0;
            for (int i = 0; i < issues; i++) {
                Map<String, Long> v = new LinkedHashMap<>();
                boolean gives = random.nextBoolean();
                long weight = 1 + random.nextInt(20);
                long max = 0;
                for (int o = 0; o < options; o++) {
                    long value = (gives ? -1 : 1) * weight * o + random.nextInt(5);
                    v.put("o" + o, value);
                    max = Math.max(max, value);
                }
                best += max;
                values.put("i" + i, v);
            }
            valuations.put(party, new Valuation(party, values, List.of(), best / (parties > 2 ? 40 : 5)));
        }
        return new Table(new Negotiation("bench", null, ids, issueList, List.of(), 1), valuations);
    }
}
