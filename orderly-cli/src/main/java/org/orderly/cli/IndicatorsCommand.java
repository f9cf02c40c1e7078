package org.orderly.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.orderly.monitoring.Indicator;
import org.orderly.monitoring.IndicatorComputation;
import org.orderly.monitoring.IndicatorValue;
import org.orderly.monitoring.Indicators;
import org.orderly.monitoring.visa.ImplementationGaps;
import org.orderly.monitoring.visa.VisaChanges;
import org.orderly.monitoring.visa.VisaOpenness;
import org.orderly.monitoring.visa.VisaRequirement;
import org.orderly.monitoring.visa.VisaSnapshot;
import org.orderly.regime.Rulebook;
import org.orderly.store.DemoData;
import org.orderly.store.monitoring.MonitoringSources;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Monitoring: the indicators, their values, and the visa-matrix comparisons behind them. */
@Command(
        name = "indicators",
        mixinStandardHelpOptions = true,
        description = "Indicators computed from commitments, records and public data.",
        subcommands = {
            IndicatorsCommand.ListIndicators.class,
            IndicatorsCommand.Compute.class,
            IndicatorsCommand.Changes.class,
            IndicatorsCommand.Openness.class,
            IndicatorsCommand.Gaps.class
        })
final class IndicatorsCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the indicators Orderly computes.")
    static final class ListIndicators implements Runnable {
        @Option(names = "--json", description = "print one JSON document")
        boolean json;

        @Override
        public void run() {
            if (json) {
                Json.print(Indicators.ALL);
                return;
            }
            for (Indicator indicator : Indicators.ALL) {
                System.out.printf("%-32s %s (%s)%n", indicator.id(), indicator.name(), indicator.unit());
                System.out.println("    " + indicator.measures());
                if (!indicator.heldAgainst().isEmpty())
                    System.out.println("    held against: " + indicator.heldAgainst());
            }
        }
    }

    @Command(
            name = "compute",
            mixinStandardHelpOptions = true,
            description =
                    "Compute every indicator for every state from the registry, the dated visa matrices it holds (the published "
                            + "ones in the data folder are imported first when missing, as serve does) and the World Bank exports.")
    static final class Compute implements Runnable {
        @Option(names = "--on", description = "only values for periods up to this date (default: all)")
        LocalDate on;

        @Option(names = "--party", description = "only this state's values (ISO alpha-3)")
        String party;

        @Option(names = "--data", description = "the public data folder (default: ../shared/data beside the project)")
        Path data;

        @Option(names = "--json", description = "print one JSON document")
        boolean json;

        @Override
        public void run() {
            Path folder = data != null
                    ? data
                    : LocalRegime.sharedData()
                            .orElseThrow(() -> new Orderly.CommandFailure(
                                    "no public data folder: give --data DIR or set ORDERLY_SHARED_DATA"));
            List<IndicatorValue> values;
            try (LocalRegime regime = LocalRegime.open()) {
                // The server's path: the matrices as the registry holds them (imported once from the data folder).
                DemoData.prepare(regime.store(), java.util.Optional.of(folder))
                        .forEach(line -> System.err.println("orderly: " + line));
                // The server's inputs (MonitoringSources): a series imported with `orderly import wdi` is preferred to
                // the file.
                MonitoringSources sources = regime.monitoringSources(folder);
                values = IndicatorComputation.compute(sources.inputs(
                        regime.registry(), on == null ? java.time.LocalDate.now(java.time.ZoneOffset.UTC) : on));
            }
            String subject = party == null ? null : party.toUpperCase(Locale.ROOT);
            values = values.stream()
                    .filter(v -> subject == null || v.subject().equals(subject))
                    .filter(v -> on == null
                            || v.period().isEmpty()
                            || v.period().compareTo(on.toString()) <= 0
                            || (v.period().length() == 4 && Integer.parseInt(v.period()) <= on.getYear()))
                    .toList();
            if (json) {
                Json.print(values);
                return;
            }
            if (subject != null) {
                for (IndicatorValue v : values) {
                    System.out.printf(
                            "%-32s %-10s %s%s%n",
                            v.indicatorId(),
                            v.period(),
                            v.recorded() ? format(v.value()) : "",
                            v.note().isEmpty() ? "" : "  " + v.note());
                }
                return;
            }
            Map<String, int[]> counts = new LinkedHashMap<>();
            for (IndicatorValue v : values)
                counts.computeIfAbsent(v.indicatorId(), id -> new int[2])[v.recorded() ? 0 : 1]++;
            counts.forEach((id, c) -> System.out.printf("%-32s %6d values, %6d 'no records yet'%n", id, c[0], c[1]));
        }
    }

    @Command(
            name = "visa-changes",
            mixinStandardHelpOptions = true,
            description =
                    "Every pair whose requirement differs between two visa matrices, with the kind of change and counts per kind.")
    static final class Changes implements Runnable {
        @Parameters(index = "0", paramLabel = "OLD.csv")
        Path older;

        @Parameters(index = "1", paramLabel = "NEW.csv")
        Path newer;

        @Option(names = "--json", description = "print one JSON document")
        boolean json;

        record Row(String passport, String destination, String old, String now, String kind) {}

        record Result(String oldFile, String newFile, List<Row> changes, Map<String, Integer> counts) {}

        @Override
        public void run() {
            LocalDate undated = LocalDate.of(1, 1, 1);
            VisaChanges changes = VisaChanges.between(
                    VisaSnapshot.read(older, dateOrNull(older, undated)),
                    VisaSnapshot.read(newer, dateOrNull(newer, undated)));
            List<Row> rows = changes.changes().stream()
                    .map(c -> new Row(
                            c.passport(),
                            c.destination(),
                            c.before() == null ? null : c.before().text(),
                            c.after() == null ? null : c.after().text(),
                            c.kind().label()))
                    .toList();
            Map<String, Integer> counts = new LinkedHashMap<>();
            changes.counts().forEach((kind, count) -> counts.put(kind.label(), count));
            if (json) {
                Json.print(new Result(older.toString(), newer.toString(), rows, counts));
                return;
            }
            for (Row row : rows) {
                System.out.printf(
                        "%s → %s: %s → %s (%s)%n",
                        row.passport(),
                        row.destination(),
                        row.old() == null ? "(not listed)" : row.old(),
                        row.now() == null ? "(not listed)" : row.now(),
                        row.kind());
            }
            System.out.println(rows.size() + " changes: " + counts);
        }
    }

    @Command(
            name = "openness",
            mixinStandardHelpOptions = true,
            description =
                    "Per destination, how many passports fall in each requirement category, and its visa reciprocity.")
    static final class Openness implements Runnable {
        @Parameters(index = "0", paramLabel = "MATRIX.csv")
        Path matrix;

        @Option(names = "--json", description = "print one JSON document")
        boolean json;

        record Row(String destination, Map<String, Integer> passports, int withoutVisa, Double reciprocity) {}

        @Override
        public void run() {
            VisaSnapshot snapshot = VisaSnapshot.read(matrix, dateOrNull(matrix, LocalDate.of(1, 1, 1)));
            List<Row> rows = snapshot.states().stream()
                    .map(state -> VisaOpenness.of(snapshot, state))
                    .map(o -> {
                        Map<String, Integer> passports = new LinkedHashMap<>();
                        o.counts().forEach((kind, count) -> passports.put(kind.label(), count));
                        return new Row(o.destination(), passports, o.withoutVisa(), o.reciprocity());
                    })
                    .sorted(Comparator.comparing(Row::destination))
                    .toList();
            if (json) {
                Json.print(rows);
                return;
            }
            List<VisaRequirement.Kind> kinds = Stream.of(VisaRequirement.Kind.values())
                    .filter(k -> k != VisaRequirement.Kind.OWN_COUNTRY)
                    .toList();
            StringBuilder head = new StringBuilder("destination");
            kinds.forEach(k -> head.append(" | ").append(k.label()));
            System.out.println(head + " | reciprocity");
            for (Row row : rows) {
                StringBuilder line = new StringBuilder(String.format("%-11s", row.destination()));
                kinds.forEach(k -> line.append(" | ").append(row.passports().get(k.label())));
                System.out.println(
                        line + " | " + (row.reciprocity() == null ? "—" : String.format("%.2f", row.reciprocity())));
            }
        }
    }

    @Command(
            name = "gaps",
            mixinStandardHelpOptions = true,
            description =
                    "Every pair where a visa waiver or free movement in force meets a visa requirement in the visa matrix of the same date.")
    static final class Gaps implements Runnable {
        @Parameters(index = "0", paramLabel = "MATRIX.csv")
        Path matrix;

        @Option(names = "--on", description = "the date the matrix describes (default: the date in its file name)")
        LocalDate on;

        @Option(names = "--json", description = "print one JSON document")
        boolean json;

        record Row(
                String destination,
                String passport,
                String observed,
                String commitment,
                String instrument,
                String explanation) {}

        @Override
        public void run() {
            VisaSnapshot snapshot = VisaSnapshot.read(matrix, on);
            List<Row> rows;
            try (LocalRegime regime = LocalRegime.open()) {
                rows = ImplementationGaps.find(Rulebook.compile(regime.registry(), snapshot.date()), snapshot).stream()
                        .map(g -> new Row(
                                g.destination(),
                                g.passport(),
                                g.observed().describe(),
                                g.commitment().describe(),
                                g.commitment().instrumentId(),
                                g.explanation()))
                        .toList();
            }
            if (json) {
                Json.print(rows);
                return;
            }
            for (Row row : rows) {
                System.out.printf(
                        "%s owes %s: %s (%s); the matrix of %s says: %s%n",
                        row.destination(),
                        row.passport(),
                        row.commitment(),
                        row.instrument(),
                        snapshot.date(),
                        row.observed());
            }
            System.out.println(rows.size() + " implementation gaps on " + snapshot.date());
        }
    }

    /** The date in a file's name, or the given stand-in when it has none (comparisons need no date). */
    private static LocalDate dateOrNull(Path file, LocalDate standIn) {
        return file.getFileName().toString().matches(".*\\d{4}-\\d{2}-\\d{2}.*") ? null : standIn;
    }

    private static String format(Double value) {
        return value == Math.rint(value) ? String.valueOf(value.longValue()) : String.format("%.3f", value);
    }
}
