package org.orderly.server.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.orderly.server.regime.RegimeService;
import org.orderly.store.ImportReport;
import org.orderly.store.TreatyStatusImporter;
import org.orderly.store.VisaMatrixImporter;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Imports of public data sets (secretariat): the body is the CSV file itself. */
@RestController
@RequestMapping("/api/v1/imports")
@Tag(name = "Imports", description = "Transactional, idempotent imports; a bad file changes nothing; a file that would replace "
        + "the current data with far less is refused unless replace=true")
public class ImportApi {
    private final VisaMatrixImporter visaMatrix;
    private final TreatyStatusImporter treatyStatus;
    private final RegimeService regime;

    public ImportApi(VisaMatrixImporter visaMatrix, TreatyStatusImporter treatyStatus, RegimeService regime) {
        this.visaMatrix = visaMatrix;
        this.treatyStatus = treatyStatus;
        this.regime = regime;
    }

    @PostMapping(value = "/visa-matrix", consumes = {"text/csv", "text/plain"})
    @Operation(summary = "Import a visa matrix (Passport,Destination,Requirement) as unilateral entry policies")
    public ImportReport visaMatrix(@RequestBody String csv,
                                   @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                                   @RequestParam(defaultValue = "visa-matrix.csv") String fileName,
                                   @RequestParam(defaultValue = "false") boolean replace) {
        return withFile(fileName, csv, file -> visaMatrix.importFile(file, asOf, replace));
    }

    @PostMapping(value = "/treaty-status", consumes = {"text/csv", "text/plain"})
    @Operation(summary = "Import UN Treaty Collection status for an instrument as participations")
    public ImportReport treatyStatus(@RequestBody String csv, @RequestParam String instrument,
                                     @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                                     @RequestParam(defaultValue = "treaty-status.csv") String fileName,
                                     @RequestParam(defaultValue = "false") boolean replace) {
        return withFile(fileName, csv, file -> treatyStatus.importFile(instrument, file, asOf, replace));
    }

    private ImportReport withFile(String fileName, String content, java.util.function.Function<Path, ImportReport> importer) {
        try {
            Path dir = Files.createTempDirectory("orderly-import");
            Path file = dir.resolve(Path.of(fileName).getFileName().toString());
            try {
                Files.writeString(file, content);
                ImportReport report = importer.apply(file);
                regime.reload();
                return report;
            } finally {
                Files.deleteIfExists(file);
                Files.deleteIfExists(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
