package org.orderly.server.regime;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.orderly.regime.reference.ReferenceData;
import org.orderly.server.OrderlyProperties;
import org.orderly.store.ImportReport;
import org.orderly.store.RegistryStore;
import org.orderly.store.TreatyStatusImporter;
import org.orderly.store.VisaMatrixImporter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * At start, writes Orderly's reference data (idempotent) and, when {@code orderly.demo} is on and the
 * public data sets are beside the project, imports the visa matrix and the treaty status files that
 * match registry instruments, once.
 */
@Component
@Order(0)
class DemoData implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    /** Release date of the Passport Index tidy dataset in shared/data (see its SOURCES.md). */
    static final LocalDate VISA_MATRIX_AS_OF = LocalDate.of(2025, 1, 12);
    /** Date of the UN Treaty Collection extract in shared/data (see its SOURCES.md). */
    static final LocalDate TREATY_STATUS_AS_OF = LocalDate.of(2022, 8, 1);

    private final OrderlyProperties properties;
    private final RegistryStore store;
    private final VisaMatrixImporter visaMatrix;
    private final TreatyStatusImporter treatyStatus;
    private final RegimeService regime;

    DemoData(OrderlyProperties properties, RegistryStore store, VisaMatrixImporter visaMatrix,
             TreatyStatusImporter treatyStatus, RegimeService regime) {
        this.properties = properties;
        this.store = store;
        this.visaMatrix = visaMatrix;
        this.treatyStatus = treatyStatus;
        this.regime = regime;
    }

    @Override
    public void run(ApplicationArguments args) {
        store.saveReference(ReferenceData.load());
        regime.reload();
        if (properties.demo() && properties.sharedData() != null) {
            Path shared = Path.of(properties.sharedData());
            Path matrix = shared.resolve("visa/passport-index-tidy-iso3.csv");
            if (store.countEntryPolicies() == 0 && Files.isRegularFile(matrix)) {
                ImportReport report = visaMatrix.importFile(matrix, VISA_MATRIX_AS_OF);
                log.info("Imported the visa matrix {}: {} entry policies in {} ms", matrix, report.rowsWritten(), report.millis());
            }
            for (Map.Entry<String, String> entry : ReferenceData.ratificationFiles().entrySet()) {
                Path file = shared.resolve("ratifications").resolve(entry.getValue());
                boolean known = regime.registry().instrument(entry.getKey()).isPresent();
                if (known && Files.isRegularFile(file) && !store.hasImported(TreatyStatusImporter.ORIGIN, entry.getKey())) {
                    ImportReport report = treatyStatus.importFile(entry.getKey(), file, TREATY_STATUS_AS_OF);
                    log.info("Imported treaty status of {} from {}: {} participations", entry.getKey(), file, report.rowsWritten());
                }
            }
        }
        regime.reload();
        log.info("Registry loaded: {} parties, {} instruments, {} participations, {} commitments, {} entry policies",
                regime.registry().parties().size(), regime.registry().instruments().size(),
                regime.registry().participations().size(), regime.registry().commitments().size(),
                regime.registry().entryPolicies().size());
    }
}
