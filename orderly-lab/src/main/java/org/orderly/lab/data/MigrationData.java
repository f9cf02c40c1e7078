package org.orderly.lab.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.orderly.csv.CsvException;

/**
 * The migration data the lab reads from one folder (the layout of {@code shared/data/migration}): UN DESA's
 * origin-by-destination stocks, its totals (the name-to-code table), population, and UNHCR's refugees and asylum seekers.
 * A file is found by its name's stem, so that a newer revision ({@code …-1990-2020.csv}) is read in place of the one
 * named here, whatever years it holds.
 */
public record MigrationData(
        BilateralStocks stocks, StockTotals totals, PopulationTotals population, RefugeeStocks refugees) {

    /** The stems the four files' names start with. */
    public static final String STOCKS = "un-desa-stock-origin-destination";

    public static final String TOTALS = "un-desa-stock-totals";
    public static final String POPULATION = "un-desa-population-totals";
    public static final String REFUGEES = "unhcr-refugees-asylum-seekers";

    /**
     * Reads the four files of a folder.
     *
     * @throws CsvException naming the file (and line, column and field) of the first problem, or the file that is missing
     */
    public static MigrationData read(Path folder) {
        StockTotals totals = StockTotals.read(file(folder, TOTALS));
        PopulationTotals population = PopulationTotals.read(file(folder, POPULATION));
        BilateralStocks stocks = BilateralStocks.read(file(folder, STOCKS), new AreaNames(totals, population));
        RefugeeStocks refugees = RefugeeStocks.read(file(folder, REFUGEES));
        return new MigrationData(stocks, totals, population, refugees);
    }

    /** The one CSV file of a folder whose name starts with the stem; refuses none and two. */
    static Path file(Path folder, String stem) {
        List<Path> found = new ArrayList<>();
        if (Files.isDirectory(folder)) {
            try (Stream<Path> files = Files.list(folder)) {
                files.filter(f -> f.getFileName().toString().startsWith(stem)
                                && f.getFileName().toString().endsWith(".csv"))
                        .sorted()
                        .forEach(found::add);
            } catch (java.io.IOException e) {
                throw new CsvException(folder.toString(), 0, 0, null, "cannot be listed: " + e.getMessage());
            }
        }
        if (found.isEmpty())
            throw new CsvException(folder.resolve(stem + "-….csv").toString(), 0, 0, null, "no such file in " + folder);
        if (found.size() > 1) {
            throw new CsvException(
                    folder.toString(),
                    0,
                    0,
                    null,
                    "holds two revisions of " + stem + " (" + found.get(0).getFileName() + ", "
                            + found.get(1).getFileName() + "): keep one");
        }
        return found.get(0);
    }

    /** The folder of the public data sets' migration files, when it exists. */
    public static Optional<Path> folderIn(Path sharedData) {
        Path folder = sharedData.resolve("migration");
        return Files.isDirectory(folder) ? Optional.of(folder) : Optional.empty();
    }
}
