package org.orderly.lab.data;

import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import org.orderly.csv.CsvException;
import org.orderly.csv.CsvHeader;
import org.orderly.csv.CsvReader;
import org.orderly.csv.CsvRow;
import org.orderly.csv.CsvTable;

/**
 * UNHCR refugees and asylum seekers by origin, destination (alpha-3) and year ({@code year,orig,dest,refugees,asylum_seekers}).
 * An empty origin is UNHCR's "various or unknown" (and an empty destination, on the rows of asylum seekers counted
 * without one): counted in {@link #unknownOrigin} and in no corridor. Refusals name
 * file, line, column and field.
 */
public final class RefugeeStocks {
    static final CsvHeader COLUMNS = CsvHeader.requiring("year", "orig", "dest", "refugees", "asylum_seekers")
            .ignoringOtherColumns();

    private final String file;
    private final String sha256;
    private final Map<String, Double> people;
    private final Map<String, Double> unknownOrigin;
    private final SortedSet<Integer> years;

    private RefugeeStocks(
            String file,
            String sha256,
            Map<String, Double> people,
            Map<String, Double> unknownOrigin,
            SortedSet<Integer> years) {
        this.file = file;
        this.sha256 = sha256;
        this.people = people;
        this.unknownOrigin = unknownOrigin;
        this.years = Collections.unmodifiableSortedSet(years);
    }

    /** Reads the file whole; refuses it at the first problem. */
    public static RefugeeStocks read(Path path) {
        CsvTable table = CsvReader.read(path, COLUMNS);
        if (table.rows().isEmpty()) throw new CsvException(table.file(), 1, 0, null, "holds no rows");
        Map<String, Double> people = new HashMap<>();
        Map<String, Double> unknownOrigin = new HashMap<>();
        Map<String, Long> seen = new HashMap<>();
        SortedSet<Integer> years = new TreeSet<>();
        for (CsvRow row : table.rows()) {
            int year = Cells.year(row, "year");
            String origin = Cells.alpha3(row, "orig", true);
            String destination = Cells.alpha3(row, "dest", true);
            double refugees = Cells.count(row, "refugees");
            double asylumSeekers = Cells.count(row, "asylum_seekers");
            Long earlier = seen.put(year + "@" + origin + ">" + destination, row.line());
            if (earlier != null) {
                throw row.error(
                        "dest",
                        (origin == null ? "unknown origin" : origin) + " → "
                                + (destination == null ? "unknown destination" : destination) + " " + year
                                + " appears again (first on line " + earlier + ")");
            }
            years.add(year);
            double total = (Double.isNaN(refugees) ? 0 : refugees) + (Double.isNaN(asylumSeekers) ? 0 : asylumSeekers);
            if (origin == null || destination == null)
                unknownOrigin.merge((destination == null ? "?" : destination) + "@" + year, total, Double::sum);
            else people.put(origin + ">" + destination + "@" + year, total);
        }
        return new RefugeeStocks(table.file(), table.sha256(), people, unknownOrigin, years);
    }

    /** Refugees and asylum seekers from {@code origin} in {@code destination} at the end of {@code year}; 0 when none are listed. */
    public double people(String origin, String destination, int year) {
        return people.getOrDefault(origin + ">" + destination + "@" + year, 0.0);
    }

    /** Refugees and asylum seekers of various or unknown origin in a destination ({@code null}: with no destination either). */
    public double unknownOrigin(String destination, int year) {
        if (destination == null) destination = "?";
        return unknownOrigin.getOrDefault(destination + "@" + year, 0.0);
    }

    /** The years the file holds. */
    public SortedSet<Integer> years() {
        return years;
    }

    public String file() {
        return file;
    }

    public String sha256() {
        return sha256;
    }
}
