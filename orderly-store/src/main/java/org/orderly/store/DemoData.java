package org.orderly.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.orderly.monitoring.visa.VisaSnapshot;
import org.orderly.regime.reference.ReferenceData;

/**
 * Brings a database to Orderly's demonstration state: the reference data (always, idempotent) and,
 * when the public data sets are found beside the project, the visa matrix and the treaty status of
 * every registry instrument that has an extract there, each imported once.
 */
public final class DemoData {
    /** Release date of the Passport Index tidy dataset in shared/data (see its SOURCES.md). */
    public static final LocalDate VISA_MATRIX_AS_OF = VisaSnapshot.SHARED_DATA_CURRENT_AS_OF;
    /** Date of the UN Treaty Collection extract in shared/data (see its SOURCES.md). */
    public static final LocalDate TREATY_STATUS_AS_OF = LocalDate.of(2022, 8, 1);

    private DemoData() {}

    /** Writes what is missing and returns a line per import done, for the log. */
    public static List<String> prepare(RegistryStore store, Optional<Path> sharedData) {
        List<String> done = new ArrayList<>();
        store.saveReference(ReferenceData.load());
        if (sharedData.isEmpty() || !Files.isDirectory(sharedData.get())) return done;
        Path shared = sharedData.get();
        // The current matrix and the earlier snapshots in visa/history, each dated (the history files by their names).
        for (VisaSnapshot.PublishedFile published : VisaSnapshot.publishedIn(shared, VISA_MATRIX_AS_OF)) {
            if (store.countEntryPolicies(published.date()) > 0) continue;
            ImportReport report = new VisaMatrixImporter(store).importFile(published.file(), published.date());
            done.add("imported the visa matrix " + published.file().getFileName() + " of " + published.date() + ": "
                    + report.rowsWritten() + " entry policies in " + report.millis() + " ms");
        }
        TreatyStatusImporter treatyStatus = new TreatyStatusImporter(store);
        for (String instrument : store.instrumentIds()) {
            Optional<Path> file =
                    ReferenceData.ratificationFileFor(instrument).map(shared.resolve("ratifications")::resolve);
            if (file.isPresent()
                    && Files.isRegularFile(file.get())
                    && !store.hasImported(TreatyStatusImporter.ORIGIN, instrument)) {
                ImportReport report = treatyStatus.importFile(instrument, file.get(), TREATY_STATUS_AS_OF);
                done.add("imported the treaty status of " + instrument + " from " + file.get() + ": "
                        + report.rowsWritten() + " participations");
            }
        }
        return done;
    }
}
