package org.orderly.lab.data;

import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import org.orderly.csv.CsvHeader;
import org.orderly.csv.CsvReader;
import org.orderly.csv.CsvRow;
import org.orderly.csv.CsvTable;

/**
 * UN DESA's totals per destination and year ({@code alpha3,name,country_code,year,fb,pop,…}): the foreign-born stock,
 * and the population, and the one table that maps each UN name to its ISO alpha-3 code ({@code NA} for an
 * area without one). Any revision of the layout is read: other columns (the refugee estimates among them, which the lab
 * takes from UNHCR's file, and which this file writes {@code ~} where it has none) are ignored, and the years are whatever the
 * file holds. Refusals name file, line, column and field.
 */
public final class StockTotals {
    static final CsvHeader COLUMNS =
            CsvHeader.requiring("alpha3", "name", "year", "fb", "pop").ignoringOtherColumns();

    private final String file;
    private final String sha256;
    private final Map<String, String> codes;
    private final Map<String, double[]> values;
    private final SortedSet<Integer> years;

    private StockTotals(
            String file,
            String sha256,
            Map<String, String> codes,
            Map<String, double[]> values,
            SortedSet<Integer> years) {
        this.file = file;
        this.sha256 = sha256;
        this.codes = Collections.unmodifiableMap(codes);
        this.values = values;
        this.years = Collections.unmodifiableSortedSet(years);
    }

    /** Reads the file whole; refuses it at the first problem. */
    public static StockTotals read(Path path) {
        CsvTable table = CsvReader.read(path, COLUMNS);
        Map<String, String> codes = new LinkedHashMap<>();
        Map<String, Long> firstLine = new HashMap<>();
        Map<String, double[]> values = new HashMap<>();
        Map<String, Long> seen = new HashMap<>();
        SortedSet<Integer> years = new TreeSet<>();
        for (CsvRow row : table.rows()) {
            String name = Area.key(Cells.name(row, "name"));
            String code = Cells.alpha3(row, "alpha3", false);
            int year = Cells.year(row, "year");
            if (codes.containsKey(name) && !java.util.Objects.equals(codes.get(name), code)) {
                throw row.error(
                        "alpha3",
                        "'" + name + "' was given the code " + codes.get(name) + " on line " + firstLine.get(name)
                                + " and " + (code == null ? "NA" : code) + " here");
            }
            codes.put(name, code);
            firstLine.putIfAbsent(name, row.line());
            Long earlier = seen.put(name + "@" + year, row.line());
            if (earlier != null)
                throw row.error("year", "'" + name + "' " + year + " appears again (first on line " + earlier + ")");
            years.add(year);
            if (code != null) {
                values.put(code + "@" + year, new double[] {Cells.count(row, "fb"), Cells.count(row, "pop")});
            }
        }
        if (codes.isEmpty()) throw new org.orderly.csv.CsvException(table.file(), 1, 0, null, "holds no rows");
        return new StockTotals(table.file(), table.sha256(), codes, values, years);
    }

    /** Every UN name the file lists (footnote marks removed) and its alpha-3 code, or null when it has none. */
    public Map<String, String> codes() {
        return codes;
    }

    /** The years the file holds, in order. */
    public SortedSet<Integer> years() {
        return years;
    }

    /** The foreign-born stock of a destination in a year, or NaN when the file has none. */
    public double foreignBorn(String code, int year) {
        double[] v = values.get(code + "@" + year);
        return v == null ? Cells.NO_DATA : v[0];
    }

    /** The population of a destination in a year (persons), or NaN when the file has none. */
    public double population(String code, int year) {
        double[] v = values.get(code + "@" + year);
        return v == null ? Cells.NO_DATA : v[1];
    }

    public String file() {
        return file;
    }

    public String sha256() {
        return sha256;
    }
}
