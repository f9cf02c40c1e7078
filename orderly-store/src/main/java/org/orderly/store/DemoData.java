package org.orderly.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.orderly.regime.reference.ReferenceData;

/**
 * Brings a database to Orderly's demonstration state: the reference data (always, idempotent) and,
 * when the public data sets are found beside the project, the visa matrix and the treaty status of
 * every registry instrument that has an extract there, each imported once.
 */
public final class DemoData {
    /** Release date of the Passport Index tidy dataset in shared/data (see its SOURCES.md). */
    public static final LocalDate VISA_MATRIX_AS_OF = LocalDate.of(2025, 1, 12);
    /** Date of the UN Treaty Collection extract in shared/data (see its SOURCES.md). */
    public static final LocalDate TREATY_STATUS_AS_OF = LocalDate.of(2022, 8, 1);
    private static final java.util.regex.Pattern HISTORY_FILE =
            java.util.regex.Pattern.compile("passport-index-tidy-iso3-([0-9]{4}-[0-9]{2}-[0-9]{2})\\.csv");

    private DemoData() {
    }

    /** Writes what is missing and returns a line per import done, for the log. */
    public static List<String> prepare(RegistryStore store, Optional<Path> sharedData) {
        List<String> done = new ArrayList<>();
        store.saveReference(ReferenceData.load());
        if (sharedData.isEmpty() || !Files.isDirectory(sharedData.get())) return done;
        Path shared = sharedData.get();
        Path matrix = shared.resolve("visa/passport-index-tidy-iso3.csv");
        if (store.countEntryPolicies(VISA_MATRIX_AS_OF) == 0 && Files.isRegularFile(matrix)) {
            ImportReport report = new VisaMatrixImporter(store).importFile(matrix, VISA_MATRIX_AS_OF);
            done.add("imported the visa matrix " + matrix + ": " + report.rowsWritten() + " entry policies in " + report.millis() + " ms");
        }
        // Earlier snapshots (visa/history/passport-index-tidy-iso3-YYYY-MM-DD.csv), each dated by its file name.
        Path history = shared.resolve("visa/history");
        if (Files.isDirectory(history)) {
            try (var files = Files.list(history)) {
                for (Path file : files.sorted().toList()) {
                    java.util.regex.Matcher dated = HISTORY_FILE.matcher(file.getFileName().toString());
                    if (!dated.matches()) continue;
                    LocalDate asOf = LocalDate.parse(dated.group(1));
                    if (store.countEntryPolicies(asOf) > 0) continue;
                    ImportReport report = new VisaMatrixImporter(store).importFile(file, asOf);
                    done.add("imported the visa matrix snapshot of " + asOf + ": " + report.rowsWritten() + " entry policies");
                }
            } catch (java.io.IOException e) {
                done.add("could not list " + history + ": " + e.getMessage());
            }
        }
        TreatyStatusImporter treatyStatus = new TreatyStatusImporter(store);
        for (String instrument : store.instrumentIds()) {
            Optional<Path> file = ReferenceData.ratificationFileFor(instrument).map(shared.resolve("ratifications")::resolve);
            if (file.isPresent() && Files.isRegularFile(file.get()) && !store.hasImported(TreatyStatusImporter.ORIGIN, instrument)) {
                ImportReport report = treatyStatus.importFile(instrument, file.get(), TREATY_STATUS_AS_OF);
                done.add("imported the treaty status of " + instrument + " from " + file.get() + ": "
                        + report.rowsWritten() + " participations");
            }
        }
        return done;
    }
}
