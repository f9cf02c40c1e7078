package org.orderly.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import org.orderly.store.ImportReport;
import org.orderly.store.TreatyStatusImporter;
import org.orderly.store.VisaMatrixImporter;
import org.orderly.store.monitoring.WdiSeriesStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Imports public data sets; a bad file is refused with its line and changes nothing. */
@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        description = "Import a public data set into the registry.",
        subcommands = {ImportCommand.VisaMatrix.class, ImportCommand.TreatyStatus.class, ImportCommand.Wdi.class})
final class ImportCommand implements Runnable {
    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(
                new picocli.CommandLine(this), "say what to import: visa-matrix, treaty-status or wdi");
    }

    static void report(ImportReport report, boolean json) {
        if (json) {
            Json.print(report);
        } else {
            System.out.println("imported " + report.rowsWritten() + " rows of " + report.rowsRead() + " from "
                    + report.file() + " in " + report.millis() + " ms"
                    + (report.unchanged() ? " (same content as the last import)" : ""));
        }
    }

    @Command(
            name = "visa-matrix",
            mixinStandardHelpOptions = true,
            description =
                    "Import a visa matrix (Passport Index tidy format: Passport,Destination,Requirement) as unilateral entry policies.")
    static final class VisaMatrix implements Runnable {
        @Parameters(paramLabel = "FILE", description = "the CSV file")
        Path file;

        @Option(
                names = "--as-of",
                description =
                        "the date the matrix describes (default: the release date of the dataset in shared/data, ${DEFAULT-VALUE})",
                defaultValue = "2025-01-12")
        LocalDate asOf;

        @Option(names = "--json", description = "print the import report as JSON")
        boolean json;

        @Option(
                names = "--replace",
                description = "import even a file that would replace the current matrix with far less "
                        + "(refused otherwise, as a likely damaged file)")
        boolean replace;

        @Override
        public void run() {
            try (LocalRegime regime = LocalRegime.open()) {
                report(new VisaMatrixImporter(regime.store()).importFile(file, asOf, replace), json);
            }
        }
    }

    @Command(
            name = "treaty-status",
            mixinStandardHelpOptions = true,
            description =
                    "Import UN Treaty Collection status (iso2, state party, year…, signatory) for one instrument as participations.")
    static final class TreatyStatus implements Runnable {
        @Option(names = "--instrument", required = true, description = "the registry id of the instrument, e.g. ICMW")
        String instrument;

        @Parameters(paramLabel = "FILE", description = "the CSV file")
        Path file;

        @Option(
                names = "--as-of",
                description = "the date of the extract (default ${DEFAULT-VALUE})",
                defaultValue = "2022-08-01")
        LocalDate asOf;

        @Option(names = "--json", description = "print the import report as JSON")
        boolean json;

        @Option(
                names = "--replace",
                description = "import even a file that would replace the instrument's participations with "
                        + "far fewer (refused otherwise, as a likely damaged file)")
        boolean replace;

        @Override
        public void run() {
            try (LocalRegime regime = LocalRegime.open()) {
                report(new TreatyStatusImporter(regime.store()).importFile(instrument, file, asOf, replace), json);
            }
        }
    }

    @Command(
            name = "wdi",
            mixinStandardHelpOptions = true,
            description =
                    "Import a World Development Indicators export (.xls, one indicator, as the World Bank publishes it); "
                            + "monitoring then reads the stored series in preference to the file in the shared data folder.")
    static final class Wdi implements Runnable {
        @Parameters(paramLabel = "FILE", description = "the .xls file")
        Path file;

        @Option(names = "--json", description = "print the import report as JSON")
        boolean json;

        @Override
        public void run() {
            try (LocalRegime regime = LocalRegime.open()) {
                report(new WdiSeriesStore(regime.dataSource()).importFile(file), json);
            }
        }
    }
}
