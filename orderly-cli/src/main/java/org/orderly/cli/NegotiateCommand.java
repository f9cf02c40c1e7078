package org.orderly.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.orderly.negotiation.Issue;
import org.orderly.negotiation.Table;
import org.orderly.negotiation.format.GeniusReader;
import org.orderly.negotiation.format.GeniusScenario;
import org.orderly.negotiation.format.NegotiationFormatException;
import org.orderly.negotiation.format.NegotiationJson;
import org.orderly.negotiation.solver.Coalition;
import org.orderly.negotiation.solver.DealSolver;
import org.orderly.negotiation.solver.Objective;
import org.orderly.negotiation.solver.Outcome;
import org.orderly.negotiation.solver.ParetoFrontier;
import org.orderly.negotiation.solver.SolverSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Solves a negotiation file (Orderly JSON, or a GENIUS domain with its profiles) and prints the deal. */
@Command(
        name = "negotiate",
        mixinStandardHelpOptions = true,
        description = {
            "Find the best individually rational, norm-respecting package deal of a negotiation.",
            "Exit status: 0 a deal, 2 no deal (with the reason), 1 an error."
        },
        footer = {
            "Examples:",
            "  orderly negotiate deal.json --objective nash",
            "  orderly negotiate --genius domain.xml ana.xml ben.xml --json",
            "  orderly negotiate --genius ../shared/data/negotiation/anac/y2014/30issues --objective nash"
        })
final class NegotiateCommand implements Callable<Integer> {
    static final int NO_DEAL = 2;
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    @Parameters(
            arity = "1..*",
            paramLabel = "FILE",
            description =
                    "an Orderly JSON negotiation, or with --genius: a scenario folder, or the domain and profile files in any order")
    List<Path> files;

    @Option(
            names = "--genius",
            description =
                    "read a GENIUS scenario: a folder, or the domain (root <negotiation_template>) and one profile per party, in any order")
    boolean genius;

    private GeniusScenario scenario;

    @Option(
            names = "--objective",
            description = "joint, nash or maxmin (default ${DEFAULT-VALUE})",
            defaultValue = "joint")
    String objective;

    @Option(
            names = "--time-limit",
            description = "seconds per solver call (default ${DEFAULT-VALUE})",
            defaultValue = "10")
    double timeLimitSeconds;

    @Option(
            names = "--frontier-limit",
            description = "most Pareto points to enumerate for two parties (default ${DEFAULT-VALUE})",
            defaultValue = "10000")
    int frontierLimit;

    @Option(names = "--json", description = "print one JSON document")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Objective chosen = Objective.parse(objective);
        Table table = read();
        DealSolver solver = new DealSolver(SolverSettings.DEFAULT.withTimeLimit(timeLimitSeconds));
        Outcome outcome = solver.propose(table, chosen);
        ParetoFrontier frontier =
                table.negotiation().parties().size() == 2 ? solver.paretoFrontier(table, false, frontierLimit) : null;
        // When all cannot agree, say which smaller groups can (plurilateral deals).
        List<Coalition> coalitions = outcome instanceof Outcome.NoDeal
                        && table.negotiation().parties().size() > 2
                ? solver.coalitions(table, 64)
                : List.of();
        PrintWriter out = spec.commandLine().getOut();
        if (json) out.println(NegotiationJson.pretty(document(table, outcome, frontier, coalitions)));
        else print(out, table, outcome, frontier, coalitions);
        out.flush();
        return outcome instanceof Outcome.NoDeal ? NO_DEAL : 0;
    }

    private Table read() {
        try {
            if (genius) {
                if (files.size() == 1 && java.nio.file.Files.isDirectory(files.get(0)))
                    scenario = GeniusReader.readFolder(files.get(0));
                else if (files.size() < 3)
                    throw new Orderly.CommandFailure(
                            "--genius needs a scenario folder, or a domain file and at least two profiles, got "
                                    + files.size() + " file(s)");
                else scenario = GeniusReader.read(files);
                return scenario.table();
            }
            if (files.size() != 1)
                throw new Orderly.CommandFailure(
                        "give one Orderly JSON file (or use --genius for a domain and profiles)");
            return NegotiationJson.read(files.get(0));
        } catch (NegotiationFormatException e) {
            throw new Orderly.CommandFailure(e.getMessage());
        }
    }

    private ObjectNode document(Table table, Outcome outcome, ParetoFrontier frontier, List<Coalition> coalitions) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("negotiation", table.negotiation().id());
        root.put("format", genius ? "genius" : "orderly");
        root.put("pointsPerUnit", table.pointsPerUnit());
        var parties = root.putArray("parties");
        table.negotiation().parties().forEach(parties::add);
        if (scenario != null) {
            ObjectNode profiles = root.putObject("profiles");
            for (String party : scenario.parties()) {
                GeniusScenario.Profile profile = scenario.profiles().get(party);
                profiles.putObject(party)
                        .put("file", profile.file().toString())
                        .put("nonlinear", profile.nonlinear())
                        .put("reservation", profile.reservation())
                        .put("discountFactor", profile.discountFactor());
            }
        }
        root.set("outcome", NegotiationJson.outcome(outcome, table.pointsPerUnit()));
        if (frontier != null) {
            ObjectNode f = root.putObject("paretoFrontier");
            f.put("size", frontier.size());
            f.put("complete", frontier.complete());
            f.put("seconds", frontier.seconds());
        }
        if (!coalitions.isEmpty()) {
            var list = root.putArray("coalitions");
            for (Coalition c : coalitions) {
                ObjectNode node = list.addObject();
                var members = node.putArray("members");
                c.members().forEach(members::add);
                node.set("outcome", NegotiationJson.outcome(c.deal(), table.pointsPerUnit()));
            }
        }
        return root;
    }

    private void print(
            PrintWriter out, Table table, Outcome outcome, ParetoFrontier frontier, List<Coalition> coalitions) {
        out.println(table.negotiation().title() + " ("
                + String.join(", ", table.negotiation().parties()) + ")");
        if (outcome instanceof Outcome.Proposal p) {
            out.println("Deal (" + p.objective().name().toLowerCase(Locale.ROOT) + "):");
            for (Issue issue : table.negotiation().issues()) {
                String option = p.deal().option(issue.id());
                out.printf(
                        Locale.ROOT,
                        "  %-24s → %s%n",
                        issue.id(),
                        issue.option(option).map(o -> o.label()).orElse(option));
            }
            out.println(
                    genius
                            ? "Utilities (GENIUS normalisation, 0 to 1):"
                            : "Utilities (points; gain over reservation):");
            for (String party : table.negotiation().parties()) {
                long utility = p.utilities().get(party);
                if (genius) out.printf(Locale.ROOT, "  %-12s %.6f%n", party, (double) utility / table.pointsPerUnit());
                else
                    out.printf(
                            Locale.ROOT,
                            "  %-12s %d (gain %d)%n",
                            party,
                            utility,
                            p.gains().get(party));
            }
            out.println(
                    p.proven()
                            ? "Proven optimal (" + p.method() + ")."
                            : String.format(
                                    Locale.ROOT,
                                    "Not proven optimal: %s, gap %.4f (%s).",
                                    p.proof(),
                                    p.gap(),
                                    p.method()));
            if (scenario != null) {
                for (String party : scenario.parties()) {
                    double discount = scenario.profiles().get(party).discountFactor();
                    if (discount < 1)
                        out.printf(
                                Locale.ROOT,
                                "  %s discounts by %s over time (not applied: the static optimum ignores time)%n",
                                party,
                                discount);
                }
            }
            p.norms()
                    .forEach(check -> out.println("  norm " + check.normId() + ": " + (check.met() ? "met" : "NOT met")
                            + " — " + check.reason()));
        } else {
            Outcome.NoDeal d = (Outcome.NoDeal) outcome;
            out.println("No deal, because " + d.reason() + ".");
            for (Coalition c : coalitions) {
                out.println("  a smaller deal is possible among " + String.join(", ", c.members()) + " (joint gain "
                        + c.deal().gains().values().stream()
                                .mapToLong(Long::longValue)
                                .sum() + ")");
            }
        }
        if (frontier != null) {
            out.println("Pareto frontier: " + frontier.size() + " points"
                    + (frontier.complete() ? "" : " (incomplete: limit or time reached)") + ".");
        }
    }
}
