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

/** Imports of public data sets (secretariat): the body is the CSV file itself, sent as {@code text/csv} (nothing else is accepted). */
@RestController
@RequestMapping("/api/v1/imports")
@Tag(
        name = "Imports",
        description = "Transactional, idempotent imports; a bad file changes nothing; a file that would replace "
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

    @PostMapping(value = "/visa-matrix", consumes = "text/csv")
    @Operation(summary = "Import a visa matrix (Passport,Destination,Requirement) as unilateral entry policies")
    public ImportView visaMatrix(
            @RequestBody String csv,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @RequestParam(defaultValue = "visa-matrix.csv") String fileName,
            @RequestParam(defaultValue = "false") boolean replace) {
        return withFile(fileName, csv, file -> visaMatrix.importFile(file, asOf, replace));
    }

    @PostMapping(value = "/treaty-status", consumes = "text/csv")
    @Operation(summary = "Import UN Treaty Collection status for an instrument as participations")
    public ImportView treatyStatus(
            @RequestBody String csv,
            @RequestParam String instrument,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @RequestParam(defaultValue = "treaty-status.csv") String fileName,
            @RequestParam(defaultValue = "false") boolean replace) {
        return withFile(fileName, csv, file -> treatyStatus.importFile(instrument, file, asOf, replace));
    }

    /** What an import did, as the API tells it: the file by the name the client gave (never a server path). */
    public record ImportView(
            String kind,
            String subject,
            String file,
            String sha256,
            int rowsRead,
            int rowsWritten,
            boolean unchanged,
            long millis) {
        static ImportView of(ImportReport report, String fileName) {
            return new ImportView(
                    report.kind(),
                    report.subject(),
                    fileName,
                    report.sha256(),
                    report.rowsRead(),
                    report.rowsWritten(),
                    report.unchanged(),
                    report.millis());
        }
    }

    private static final java.util.regex.Pattern FILE_NAME =
            java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    private ImportView withFile(
            String fileName, String content, java.util.function.Function<Path, ImportReport> importer) {
        if (!FILE_NAME.matcher(fileName).matches()) {
            throw new IllegalArgumentException(
                    "fileName: letters, digits, '.', '_' and '-' only (at most 100, not starting with '.'), found '"
                            + (fileName.length() > 40 ? fileName.substring(0, 40) + "…" : fileName) + "'");
        }
        if (content.indexOf('\u0000') >= 0) {
            throw new IllegalArgumentException(fileName + " line "
                    + (content.substring(0, content.indexOf('\u0000'))
                                    .chars()
                                    .filter(c -> c == '\n')
                                    .count()
                            + 1)
                    + ": the file contains a NUL character (U+0000); a CSV file has none (nothing was imported)");
        }
        try {
            Path dir = Files.createTempDirectory("orderly-import");
            Path file = dir.resolve(fileName);
            try {
                Files.writeString(file, content);
                ImportReport report;
                try {
                    report = importer.apply(file);
                } catch (UncheckedIOException unreadable) {
                    // The CSV reader's own complaint (an unterminated quote…), said of the file the client named.
                    throw new IllegalArgumentException(fileName + ": not a readable CSV file: "
                            + unreadable.getCause().getMessage() + " (nothing was imported)");
                }
                regime.reload();
                return ImportView.of(report, fileName);
            } finally {
                Files.deleteIfExists(file);
                Files.deleteIfExists(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
