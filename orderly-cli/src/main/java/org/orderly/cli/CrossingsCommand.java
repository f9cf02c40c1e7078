package org.orderly.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.orderly.border.crossing.Crossing;
import org.orderly.border.crossing.CrossingIntake;
import org.orderly.border.crossing.StayAreas;
import org.orderly.regime.Registry;
import org.orderly.store.crossing.CrossingFile;
import org.orderly.store.crossing.CrossingStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The crossings ledger: import a batch of entries and exits; alerts and unmatched crossings follow from them. */
@Command(
        name = "crossings",
        mixinStandardHelpOptions = true,
        description = "The crossings ledger (personal data: keep files and output protected).",
        subcommands = {CrossingsCommand.Import.class})
final class CrossingsCommand implements Runnable {
    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "say what to do: import FILE");
    }

    @Command(
            name = "import",
            mixinStandardHelpOptions = true,
            description =
                    "Record the crossings of a CSV file (id,direction,at,state,crossing_point,document_number,issuing_state"
                            + "[,traveller,nationality,rule]; an entry without a rule gets the rulebook's) in one transaction, then report overstay alerts and unmatched crossings.")
    static final class Import implements Runnable {
        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "the CSV file")
        Path file;

        @Option(names = "--json", description = "print one JSON document")
        boolean json;

        @Override
        public void run() {
            try (LocalRegime regime = LocalRegime.open()) {
                Registry registry = regime.registry();
                // The same intake as the API and the stream (states and rulebook of this registry), and its stay areas.
                List<Crossing> crossings = CrossingFile.read(file, CrossingIntake.of(registry));
                StayAreas areas = StayAreas.of(registry);
                CrossingStore ledger = new CrossingStore(regime.dataSource(), Orderly.clock(spec), () -> areas);
                ledger.assignStayAreas();
                CrossingStore.Ingested ingested = ledger.recordAll(crossings);
                ledger.sweep();
                // The operator of the command line holds the database: the counts of every state, the lists of none.
                List<CrossingStore.AlertCount> counts = ledger.alertCounts(null);
                long open = counts.stream()
                        .mapToLong(CrossingStore.AlertCount::open)
                        .sum();
                if (json) {
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("file", file.toString());
                    out.put("recorded", ingested.recorded());
                    out.put("alreadyRecorded", ingested.alreadyRecorded());
                    out.put("crossingsInLedger", ledger.count());
                    out.put("openOverstayAlerts", open);
                    out.put("unmatchedCrossings", ledger.unmatchedCount());
                    out.put("alertCounts", counts);
                    Json.print(out);
                    return;
                }
                System.out.printf(
                        "%s: %d crossings recorded, %d already in the ledger (%d in all)%n",
                        file, ingested.recorded(), ingested.alreadyRecorded(), ledger.count());
                System.out.printf(
                        "  open overstay alerts: %d; unmatched crossings: %d%n", open, ledger.unmatchedCount());
                for (CrossingStore.AlertCount c : counts) {
                    System.out.printf(
                            "    %s under %s: %d raised, %d open%n", c.nationality(), c.rule(), c.raised(), c.open());
                }
            }
        }
    }
}
