package org.orderly.lab.data;

import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.orderly.csv.CsvHeader;
import org.orderly.csv.CsvReader;
import org.orderly.csv.CsvRow;
import org.orderly.csv.CsvTable;

/**
 * UN DESA World Population Prospects totals ({@code name,country_code,year,pop,alpha3}, population in thousands) for
 * every area and for the aggregates ({@code WORLD}, regions, income groups: {@code NA} in {@code alpha3}). Refusals name
 * file, line, column and field.
 */
public final class PopulationTotals {
    static final CsvHeader COLUMNS =
            CsvHeader.requiring("name", "year", "pop", "alpha3").ignoringOtherColumns();

    private final String file;
    private final String sha256;
    private final Map<String, Double> persons;
    private final Set<String> uncodedNames;
    private final SortedSet<Integer> years;

    private PopulationTotals(
            String file,
            String sha256,
            Map<String, Double> persons,
            Set<String> uncodedNames,
            SortedSet<Integer> years) {
        this.file = file;
        this.sha256 = sha256;
        this.persons = persons;
        this.uncodedNames = Collections.unmodifiableSet(uncodedNames);
        this.years = Collections.unmodifiableSortedSet(years);
    }

    /** Reads the file whole; refuses it at the first problem. */
    public static PopulationTotals read(Path path) {
        CsvTable table = CsvReader.read(path, COLUMNS);
        Map<String, Double> persons = new HashMap<>();
        Map<String, Long> seen = new HashMap<>();
        Map<String, Double> firstValue = new HashMap<>();
        Set<String> uncoded = new TreeSet<>();
        SortedSet<Integer> years = new TreeSet<>();
        for (CsvRow row : table.rows()) {
            String name = Area.key(Cells.name(row, "name"));
            String code = Cells.alpha3(row, "alpha3", false);
            int year = Cells.year(row, "year");
            double thousands = Cells.count(row, "pop");
            // The published file repeats some aggregate rows word for word (Australia and New Zealand); a repeat that
            // differs is refused.
            Long earlier = seen.putIfAbsent(name + "@" + year, row.line());
            Double before = firstValue.putIfAbsent(name + "@" + year, thousands);
            if (earlier != null && !before.equals(thousands)) {
                throw row.error(
                        "pop",
                        "'" + name + "' " + year + " appears again with another population (" + before
                                + " thousand on line " + earlier + ", " + thousands + " here)");
            }
            years.add(year);
            if (code == null) uncoded.add(name);
            else if (!Double.isNaN(thousands)) persons.put(code + "@" + year, thousands * 1000);
        }
        if (seen.isEmpty()) throw new org.orderly.csv.CsvException(table.file(), 1, 0, null, "holds no rows");
        return new PopulationTotals(table.file(), table.sha256(), persons, uncoded, years);
    }

    /** The population of a coded area in a year (persons), or NaN when the file has none. */
    public double persons(String code, int year) {
        return persons.getOrDefault(code + "@" + year, Double.NaN);
    }

    /** The names listed without an alpha-3 code: the aggregates, and areas such as the Channel Islands. */
    public Set<String> uncodedNames() {
        return uncodedNames;
    }

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
