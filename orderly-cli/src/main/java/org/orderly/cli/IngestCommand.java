package org.orderly.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.orderly.passengers.assessment.PreArrivalAssessment;
import org.orderly.regime.Rulebook;
import org.orderly.screening.Screener;
import org.orderly.screening.compare.Nationality;
import org.orderly.screening.watchlist.Watchlist;
import org.orderly.screening.watchlist.WatchlistCsv;
import org.orderly.store.audit.AuditStore;
import org.orderly.store.passengers.ManifestStore;
import org.orderly.store.passengers.ManifestStore.Ingestion;
import org.orderly.travel.requirement.TravelRules;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Ingests passenger message files into this Orderly's database for a destination state, as the API does for carriers. */
@Command(
        name = "ingest",
        mixinStandardHelpOptions = true,
        description = {
            "Store PAXLST or PNRGOV files for a destination state, assessed: each file stored once (a file sent "
                    + "again is recognised), or kept aside with the reason when it cannot be read. Each file is one transaction.",
            "Exit status 0 when every file was stored or recognised, 2 when some were kept aside."
        })
final class IngestCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "message files")
    List<Path> files;

    @Option(
            names = "--destination",
            required = true,
            paramLabel = "XXX",
            description = "the state the messages were sent to (alpha-3)")
    String destination;

    @Option(names = "--watchlist", paramLabel = "FILE", description = "a watchlist CSV to screen against; repeatable")
    List<Path> watchlists = new ArrayList<>();

    @Option(names = "--json", description = "print one JSON document")
    boolean json;

    @Override
    public Integer call() {
        String state = Nationality.alpha3(destination);
        if (state == null) throw new Orderly.CommandFailure("--destination " + destination + " is not a state code");
        List<Watchlist> lists = new ArrayList<>();
        for (Path w : watchlists) lists.add(WatchlistCsv.load(w));
        Screener screener = new Screener(lists);
        List<Map<String, Object>> results = new ArrayList<>();
        boolean keptAside = false;
        try (LocalRegime regime = LocalRegime.open()) {
            ManifestStore store = new ManifestStore(regime.dataSource());
            java.time.Clock clock = Orderly.clock(spec);
            AuditStore audit = AuditCommand.store(regime, clock);
            TransactionTemplate transactions =
                    new TransactionTemplate(new DataSourceTransactionManager(regime.dataSource()));
            String actor = "cli:" + System.getProperty("user.name", "operator");
            for (Path file : files) {
                byte[] raw;
                try {
                    raw = Files.readAllBytes(file);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + file, e);
                }
                // The message and its audit entry in one transaction over the one DataSource both stores use.
                Ingestion result = transactions.execute(status -> {
                    Ingestion ingested = store.ingest(
                            raw,
                            actor,
                            state,
                            clock.instant(),
                            manifest -> PreArrivalAssessment.onArrival(
                                    manifest,
                                    org.orderly.regime.RegimeDates.today(clock),
                                    screener,
                                    on -> TravelRules.compile(Rulebook.compile(regime.registry(), on)),
                                    state));
                    // Audited as the API audits it (Ingestion.auditNote).
                    Ingestion.AuditNote note = ingested.auditNote(state);
                    if (note != null) audit.append(actor, state, "MANIFEST_INGESTED", note.target(), note.detail());
                    return ingested;
                });
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("file", file.toString());
                line.put("id", result.id());
                keptAside |= result.match(
                        s -> {
                            line.put("status", "stored");
                            line.put("travellers", s.travellers());
                            line.put("travellersWithHits", s.travellersWithHits());
                            return false;
                        },
                        d -> {
                            line.put("status", "already stored");
                            return false;
                        },
                        r -> {
                            line.put("status", "kept aside");
                            line.put("reason", r.reason());
                            return true;
                        });
                results.add(line);
                // Each file's outcome as soon as it is committed: what was printed is stored, whatever happens next.
                if (!json) {
                    System.out.println(line.get("file") + ": " + line.get("status") + " (#" + line.get("id") + ")"
                            + (line.containsKey("travellers")
                                    ? ", " + line.get("travellers") + " travellers, " + line.get("travellersWithHits")
                                            + " with hits"
                                    : "")
                            + (line.containsKey("reason") ? ": " + line.get("reason") : ""));
                    System.out.flush();
                }
            }
        }
        if (json) Json.print(results);
        return keptAside ? 2 : 0;
    }
}
