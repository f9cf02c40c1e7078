package org.orderly.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.orderly.lab.Lab;
import org.orderly.lab.model.Assumptions;
import org.orderly.lab.model.Backtest;
import org.orderly.lab.model.Registries;
import org.orderly.lab.model.Specification;
import org.orderly.lab.remittance.RemittanceData;
import org.orderly.lab.report.LabReports;
import org.orderly.lab.scenario.DraftDeal;
import org.orderly.lab.scenario.DraftDealJson;
import org.orderly.lab.scenario.StateEffect;
import org.orderly.monitoring.visa.VisaSnapshot;
import org.orderly.regime.EntryPolicy;
import org.orderly.regime.Registry;
import org.orderly.store.monitoring.MonitoringSources;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The policy lab: projections of every migration corridor, draft deals as scenarios, remittance corridors and their costs. */
@Command(
        name = "lab",
        mixinStandardHelpOptions = true,
        description = "The policy lab: projections, scenarios and remittance corridors.",
        subcommands = {LabCommand.Project.class, LabCommand.Remittances.class})
final class LabCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The lab on the public data folder and the registry Orderly holds, with the folder's visa snapshots the registry lacks. */
    static Lab open(Path data, Specification specification) {
        Path folder = data != null
                ? data
                : LocalRegime.sharedData()
                        .orElseThrow(
                                () -> new Orderly.CommandFailure(
                                        "no public data folder: give --data DIR (the folder holding migration/ and remittances/) or set ORDERLY_SHARED_DATA"));
        Registry registry;
        RemittanceData remittances;
        try (LocalRegime regime = LocalRegime.open()) {
            registry = regime.registry();
            // The remittance series the indicators use (MonitoringSources): an imported one before the file.
            MonitoringSources sources = regime.monitoringSources(folder);
            remittances = RemittanceData.of(sources::series).orElse(null);
        }
        Set<LocalDate> held = registry.entryPolicies().stream()
                .map(EntryPolicy::source)
                .map(s -> s.asOf())
                .collect(Collectors.toSet());
        List<VisaSnapshot> missing = VisaSnapshot.publishedIn(folder, VisaSnapshot.SHARED_DATA_CURRENT_AS_OF).stream()
                .filter(p -> !held.contains(p.date()))
                .map(p -> VisaSnapshot.read(p.file(), p.date()))
                .toList();
        return Lab.fromFolder(folder, Registries.withEntryPolicies(registry, missing), remittances, specification);
    }

    @Command(
            name = "project",
            mixinStandardHelpOptions = true,
            description =
                    "Project every corridor's migrant stock to a year, with bands, the model and its validation; with --scenario, against no deal.")
    static final class Project implements Runnable {
        @Option(names = "--year", required = true, description = "the year to project to (after the data's last year)")
        int year;

        @Option(
                names = "--data",
                description = "the public data folder, holding migration/ and remittances/ (default: ../shared/data)")
        Path data;

        @Option(
                names = "--scenario",
                paramLabel = "DEAL.json",
                description = "a draft deal in the registry's instrument JSON (docs/lab.md)")
        Path scenario;

        @Option(
                names = "--model",
                defaultValue = "gravity",
                description = "the specification: gravity (default) or gravity+momentum")
        String model;

        @Option(
                names = "--channel-fill",
                defaultValue = "1.0",
                description = "share of a legal channel's places filled and kept (default 1: the upper bound)")
        double channelFill;

        @Option(
                names = "--limit",
                defaultValue = "1000",
                description = "list at most this many corridors, largest first (0: all)")
        int limit;

        @Option(names = "--json", description = "print one JSON document")
        boolean json;

        @Override
        public void run() {
            Assumptions assumptions = new Assumptions(channelFill);
            DraftDeal deal = scenario == null ? null : DraftDealJson.read(scenario);
            Lab lab = open(data, Specification.named(model));
            LabReports.ProjectionReport report = LabReports.projection(lab, year, deal, assumptions, limit, true);
            if (json) {
                Json.print(report);
                return;
            }
            System.out.printf(
                    "Projection to %d from the data of %d: %,d corridors (%s model, fitted on steps ending %s)%n",
                    report.year(),
                    report.dataYear(),
                    report.corridorsProjected(),
                    report.model().specification(),
                    report.model().steps());
            System.out.println("Coefficients (standard errors clustered by corridor):");
            for (LabReports.CoefficientRow c : report.model().coefficients()) {
                System.out.printf(
                        "  %-28s %s%n",
                        c.label(),
                        c.estimated()
                                ? String.format("%9.4f (%.4f)", c.estimate(), c.standardError())
                                : "not estimated: it never moved in the fitted years");
            }
            System.out.println("Validation on the " + report.validation().corridors()
                    + " largest corridors (weighted absolute percentage error):");
            for (Backtest b : report.validation().results()) {
                System.out.printf(
                        "  %-18s fitted ≤%d → %d: model %.1f %%, carry-forward %.1f %%, trend %.1f %%, band coverage %.0f %%%n",
                        b.specification(),
                        b.fittedThrough(),
                        b.predicted(),
                        100 * b.model(),
                        100 * b.carryForward(),
                        100 * b.trend(),
                        100 * b.coverage());
            }
            System.out.println("Largest corridors in " + year + " (90 % band):");
            report.corridors().stream()
                    .limit(15)
                    .forEach(c -> System.out.printf(
                            "  %s → %s  %,.0f  (%,.0f – %,.0f)%s%n",
                            c.origin(),
                            c.destination(),
                            c.stock(),
                            c.low(),
                            c.high(),
                            c.baseline() == null ? "" : String.format("  no deal: %,.0f", c.baseline())));
            if (report.scenario() != null) {
                System.out.println("Draft deal " + report.scenario().instrument() + ": "
                        + report.scenario().commitments());
                for (StateEffect s : report.scenario().states()) {
                    System.out.printf(
                            "  %s: emigrants %+,.0f (%+,.0f … %+,.0f), immigrants %+,.0f, remittances received %+,.0f US$, "
                                    + "fees on them %+,.0f US$, net %+,.0f US$%n",
                            s.state(),
                            s.emigrantsChange(),
                            s.emigrantsChangeLow(),
                            s.emigrantsChangeHigh(),
                            s.immigrantsChange(),
                            s.remittancesReceivedChange(),
                            s.feesOnReceivedChange(),
                            s.netRemittancesChange());
                }
            }
            report.assumptions().forEach(a -> System.out.println("Assumes: " + a));
        }
    }

    @Command(
            name = "remittances",
            mixinStandardHelpOptions = true,
            description =
                    "Bilateral remittances by the World Bank allocation, their cost today and at the 3 % target, per corridor and per state.")
    static final class Remittances implements Runnable {
        @Option(
                names = "--data",
                description = "the public data folder, holding migration/ and remittances/ (default: ../shared/data)")
        Path data;

        @Option(names = "--on", description = "the date whose remittance-cost commitments apply (default: today)")
        LocalDate on;

        @Option(
                names = "--limit",
                defaultValue = "0",
                description = "list at most this many corridors, largest first (0: all)")
        int limit;

        @Option(names = "--json", description = "print one JSON document")
        boolean json;

        @Override
        public void run() {
            Lab lab = open(data, Specification.GRAVITY);
            if (lab.remittances() == null)
                throw new Orderly.CommandFailure("no World Bank remittance exports in the data folder's remittances/");
            LabReports.RemittancesReport report = LabReports.remittances(lab, on != null ? on : LocalDate.now(), limit);
            if (json) {
                Json.print(report);
                return;
            }
            System.out.println(report.method());
            System.out.printf("%-6s %18s %14s %14s%n", "state", "received US$", "fees US$", "saving US$");
            report.states().stream()
                    .filter(s -> s.received() > 0)
                    .limit(30)
                    .forEach(s -> System.out.printf(
                            "%-6s %,18.0f %,14.0f %,14.0f%n",
                            s.state(), s.received(), s.feesOnReceived(), s.savingOnReceived()));
        }
    }
}
