package org.orderly.bench.negotiation;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.orderly.negotiation.Table;
import org.orderly.negotiation.format.GeniusReader;
import org.orderly.negotiation.format.GeniusScenario;
import org.orderly.negotiation.format.NegotiationFormatException;
import org.orderly.negotiation.solver.DealSolver;
import org.orderly.negotiation.solver.Enumeration;
import org.orderly.negotiation.solver.Objective;
import org.orderly.negotiation.solver.Outcome;
import org.orderly.negotiation.solver.SolverSettings;

/**
 * Scenario benchmark on a folder of GENIUS scenarios (the ANAC corpus): every scenario solved for
 * joint, Nash and max-min with its seconds and proof (or gap), and, where the outcomes can be
 * visited (up to {@link #ENUMERABLE}), exhaustive enumeration in the same run with its seconds and
 * whether the optimum is the same.
 */
public final class CorpusBenchmark {
    public static final long ENUMERABLE = 5_000_000;

    private CorpusBenchmark() {}

    /** {@code CorpusBenchmark DIR [time-limit-seconds [workers]]}: the same as {@code orderly bench negotiation --corpus DIR}. */
    public static void main(String[] args) {
        run(
                Path.of(args[0]),
                args.length > 1 ? Double.parseDouble(args[1]) : 10,
                args.length > 2 ? Integer.parseInt(args[2]) : 1,
                System.out);
    }

    /** One objective on one scenario. */
    public record Solve(
            String objective,
            double seconds,
            String proof,
            double gap,
            double value,
            Double enumerationSeconds,
            Boolean sameAsEnumeration) {}

    /** One scenario: its parties, issues, outcomes (as a decimal string, they reach 10³⁰) and the three solves. */
    public record Row(
            String scenario,
            int parties,
            int issues,
            String outcomes,
            boolean nonlinear,
            List<Solve> solves,
            String error) {
        double seconds() {
            return solves.stream().mapToDouble(Solve::seconds).sum();
        }
    }

    /** Every folder under {@code corpus} that holds XML files, sorted. */
    public static List<Path> scenarios(Path corpus) {
        try (Stream<Path> walk = Files.walk(corpus)) {
            return walk.filter(Files::isDirectory)
                    .filter(CorpusBenchmark::holdsXml)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean holdsXml(Path folder) {
        try (Stream<Path> list = Files.list(folder)) {
            return list.anyMatch(f -> f.toString().endsWith(".xml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Solves every scenario, printing one table line per scenario and then the slowest ones. */
    public static List<Row> run(Path corpus, double timeLimitSeconds, int workers, PrintStream out) {
        DealSolver solver = new DealSolver(new SolverSettings(timeLimitSeconds, workers, List.of()));
        List<Row> rows = new ArrayList<>();
        out.printf(
                Locale.ROOT,
                "%-36s %3s %3s %10s  %-28s %-28s %-28s%n",
                "scenario",
                "pty",
                "iss",
                "outcomes",
                "joint s proof [enum s =]",
                "nash s proof [enum s =]",
                "maxmin s proof [enum s =]");
        for (Path folder : scenarios(corpus)) {
            String name = corpus.relativize(folder).toString();
            Row row;
            try {
                row = solve(name, GeniusReader.readFolder(folder), solver);
            } catch (NegotiationFormatException e) {
                row = new Row(name, 0, 0, "?", false, List.of(), e.getMessage());
            }
            rows.add(row);
            out.println(line(row));
        }
        out.println();
        out.println("Slowest scenarios (all three objectives):");
        rows.stream()
                .sorted(Comparator.comparingDouble(Row::seconds).reversed())
                .limit(8)
                .forEach(r -> out.printf(Locale.ROOT, "  %-36s %8.2f s%n", r.scenario(), r.seconds()));
        long solves = rows.stream().mapToLong(r -> r.solves().size()).sum();
        long proven = rows.stream()
                .flatMap(r -> r.solves().stream())
                .filter(s -> s.proof().equals("OPTIMAL"))
                .count();
        long compared = rows.stream()
                .flatMap(r -> r.solves().stream())
                .filter(s -> s.sameAsEnumeration() != null)
                .count();
        long same = rows.stream()
                .flatMap(r -> r.solves().stream())
                .filter(s -> Boolean.TRUE.equals(s.sameAsEnumeration()))
                .count();
        double worstGap = rows.stream()
                .flatMap(r -> r.solves().stream())
                .mapToDouble(Solve::gap)
                .max()
                .orElse(0);
        out.printf(
                Locale.ROOT,
                "%d scenarios, %d solves: %d proven optimal, largest gap %.2e; %d compared with enumeration, %d the same; total %.1f s%n",
                rows.size(),
                solves,
                proven,
                worstGap,
                compared,
                same,
                rows.stream().mapToDouble(Row::seconds).sum());
        return rows;
    }

    private static Row solve(String name, GeniusScenario scenario, DealSolver solver) {
        Table table = scenario.table();
        BigInteger outcomes = BigInteger.ONE;
        for (var issue : table.negotiation().issues())
            outcomes = outcomes.multiply(BigInteger.valueOf(issue.options().size()));
        boolean enumerable = outcomes.compareTo(BigInteger.valueOf(ENUMERABLE)) <= 0;
        List<Solve> solves = new ArrayList<>();
        for (Objective objective : Objective.values()) {
            Outcome outcome = solver.propose(table, objective);
            Double enumerationSeconds = null;
            Boolean same = null;
            if (enumerable) {
                Outcome baseline = Enumeration.propose(table, objective);
                enumerationSeconds = seconds(baseline);
                same = sameOptimum(outcome, baseline);
            }
            if (outcome instanceof Outcome.Proposal p) {
                solves.add(new Solve(
                        objective.name(), p.seconds(), p.proof().name(), p.gap(), p.value(), enumerationSeconds, same));
            } else {
                Outcome.NoDeal d = (Outcome.NoDeal) outcome;
                solves.add(new Solve(
                        objective.name(),
                        d.seconds(),
                        "NO_DEAL/" + d.proof().name(),
                        0,
                        Double.NaN,
                        enumerationSeconds,
                        same));
            }
        }
        boolean nonlinear = scenario.profiles().values().stream().anyMatch(GeniusScenario.Profile::nonlinear);
        return new Row(
                name,
                table.negotiation().parties().size(),
                table.negotiation().issues().size(),
                outcomes.toString(),
                nonlinear,
                solves,
                null);
    }

    private static double seconds(Outcome outcome) {
        return outcome instanceof Outcome.Proposal p ? p.seconds() : ((Outcome.NoDeal) outcome).seconds();
    }

    private static boolean sameOptimum(Outcome engine, Outcome baseline) {
        if (engine.getClass() != baseline.getClass()) return false;
        if (!(engine instanceof Outcome.Proposal e) || !(baseline instanceof Outcome.Proposal b)) return true;
        return Math.abs(e.value() - b.value()) <= 1e-9 * Math.max(1, Math.abs(b.value()));
    }

    private static String line(Row row) {
        if (row.error() != null) return String.format(Locale.ROOT, "%-36s refused: %s", row.scenario(), row.error());
        StringBuilder text = new StringBuilder(String.format(
                Locale.ROOT,
                "%-36s %3d %3d %10s ",
                row.scenario(),
                row.parties(),
                row.issues(),
                row.outcomes().length() > 10 ? "10^" + (row.outcomes().length() - 1) : row.outcomes()));
        for (Solve s : row.solves()) {
            String proof = s.proof().equals("OPTIMAL")
                    ? "opt"
                    : s.proof().startsWith("NO_DEAL") ? "no deal" : String.format(Locale.ROOT, "gap %.1e", s.gap());
            String enumeration = s.enumerationSeconds() == null
                    ? ""
                    : String.format(
                            Locale.ROOT,
                            " [%.3f %s]",
                            s.enumerationSeconds(),
                            Boolean.TRUE.equals(s.sameAsEnumeration()) ? "=" : "DIFFERS");
            text.append(String.format(
                    Locale.ROOT, " %-28s", String.format(Locale.ROOT, "%6.3f %s%s", s.seconds(), proof, enumeration)));
        }
        return text.toString();
    }

    /** The per-objective proof counts, for a summary. */
    public static Map<Objective, Long> provenByObjective(List<Row> rows) {
        Map<Objective, Long> counts = new EnumMap<>(Objective.class);
        for (Row row : rows)
            for (Solve s : row.solves())
                if (s.proof().equals("OPTIMAL")) counts.merge(Objective.valueOf(s.objective()), 1L, Long::sum);
        return counts;
    }
}
