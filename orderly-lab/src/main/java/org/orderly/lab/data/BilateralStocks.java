package org.orderly.lab.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import org.orderly.csv.CsvException;
import org.orderly.csv.CsvHeader;
import org.orderly.csv.CsvReader;
import org.orderly.csv.CsvRow;
import org.orderly.csv.CsvTable;

/**
 * UN DESA's international migrant stock by destination (rows) and origin (one column per origin, UN names):
 * {@code Year,Dest,<origin names…>}, any years. Every name is resolved through {@link AreaNames}; rows and columns of
 * aggregates and of areas without an alpha-3 code are read, checked and set aside (listed in {@link #setAside()}), so
 * that only coded areas enter the corridors. A cell is a count, {@code ..} (no data) or {@code -} (nil). Refusals
 * name file, line, column and field.
 */
public final class BilateralStocks {
    static final CsvHeader COLUMNS = CsvHeader.requiring("Year", "Dest").ignoringOtherColumns();

    private final String file;
    private final String sha256;
    private final List<String> codes;
    private final Map<String, Integer> index;
    private final int[] years;
    private final double[][] stocks;
    private final SortedSet<String> setAside;

    private BilateralStocks(
            String file,
            String sha256,
            List<String> codes,
            int[] years,
            double[][] stocks,
            SortedSet<String> setAside) {
        this.file = file;
        this.sha256 = sha256;
        this.codes = List.copyOf(codes);
        this.index = new HashMap<>();
        for (int i = 0; i < codes.size(); i++) index.put(codes.get(i), i);
        this.years = years;
        this.stocks = stocks;
        this.setAside = Collections.unmodifiableSortedSet(setAside);
    }

    /** Reads the file whole, resolving names with {@code names}; refuses it at the first problem. */
    public static BilateralStocks read(Path path, AreaNames names) {
        CsvTable table = CsvReader.read(path, COLUMNS);
        List<String> header = table.header();
        int yearColumn = header.indexOf("Year");
        int destinationColumn = header.indexOf("Dest");
        SortedSet<String> setAside = new TreeSet<>();
        Map<Integer, Area> origins = new LinkedHashMap<>();
        for (int c = 0; c < header.size(); c++) {
            if (c == yearColumn || c == destinationColumn) continue;
            String name = header.get(c);
            Area origin = names.resolve(name).orElseThrow(() -> headerError(table, header, name, names));
            if (origin.kind() == Area.Kind.CODED) origins.put(c, origin);
            else setAside.add(origin.unName() + " (" + kind(origin) + ")");
        }
        if (table.rows().isEmpty()) throw new CsvException(table.file(), 1, 0, null, "holds no rows");
        record Cell(int year, String destination, String origin, double stock) {}
        List<Cell> cells = new ArrayList<>();
        TreeSet<String> codes = new TreeSet<>();
        origins.values().forEach(o -> codes.add(o.code()));
        Map<String, Long> seen = new HashMap<>();
        for (CsvRow row : table.rows()) {
            int year = Cells.year(row, "Year");
            String name = Cells.name(row, "Dest");
            Area destination =
                    names.resolve(name).orElseThrow(() -> row.error("Dest", names.unknown("destination", name)));
            Long earlier = seen.put(year + "@" + destination.unName(), row.line());
            if (earlier != null) {
                throw row.error(
                        "Dest",
                        "'" + destination.unName() + "' " + year + " appears again (first on line " + earlier + ")");
            }
            // Every cell is checked, even in rows set aside, so that a damaged file is refused whatever it damages.
            for (int c = 0; c < header.size(); c++) {
                if (c == yearColumn || c == destinationColumn) continue;
                double stock = Cells.count(row, c);
                Area origin = origins.get(c);
                if (origin != null && destination.kind() == Area.Kind.CODED && !Double.isNaN(stock)) {
                    cells.add(new Cell(year, destination.code(), origin.code(), stock));
                }
            }
            if (destination.kind() == Area.Kind.CODED) codes.add(destination.code());
            else setAside.add(destination.unName() + " (" + kind(destination) + ")");
        }
        List<String> list = List.copyOf(codes);
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < list.size(); i++) position.put(list.get(i), i);
        int[] years = cells.stream().mapToInt(Cell::year).distinct().sorted().toArray();
        if (years.length == 0)
            years = table.rows().stream()
                    .mapToInt(r -> Integer.parseInt(r.get("Year")))
                    .distinct()
                    .sorted()
                    .toArray();
        int n = list.size();
        double[][] stocks = new double[years.length][n * n];
        for (double[] year : stocks) Arrays.fill(year, Double.NaN);
        for (Cell cell : cells) {
            int y = Arrays.binarySearch(years, cell.year());
            stocks[y][position.get(cell.origin()) * n + position.get(cell.destination())] = cell.stock();
        }
        return new BilateralStocks(table.file(), table.sha256(), list, years, stocks, setAside);
    }

    private static CsvException headerError(CsvTable table, List<String> header, String name, AreaNames names) {
        int column = header.indexOf(name);
        return new CsvException(table.file(), 1, column + 1, name, names.unknown("origin", name));
    }

    private static String kind(Area area) {
        return area.kind() == Area.Kind.AGGREGATE ? "aggregate" : "no alpha-3 code";
    }

    /** The coded areas, sorted: the dense indexes of {@link #stock(int, int, int)}. */
    public List<String> codes() {
        return codes;
    }

    /** The dense index of an area code, or -1. */
    public int indexOf(String code) {
        Integer i = index.get(code);
        return i == null ? -1 : i;
    }

    /** The years the file holds, ascending. */
    public int[] years() {
        return years.clone();
    }

    /** The last year the file holds (whatever the revision). */
    public int lastYear() {
        return years[years.length - 1];
    }

    /** Whether the file holds a year. */
    public boolean hasYear(int year) {
        return Arrays.binarySearch(years, year) >= 0;
    }

    /** Migrants born in {@code origin} living in {@code destination} in {@code year}, or NaN when the file gives no value. */
    public double stock(int origin, int destination, int year) {
        int y = Arrays.binarySearch(years, year);
        return y < 0 ? Double.NaN : stocks[y][origin * codes.size() + destination];
    }

    /** Every corridor's stock in a year, by {@code origin * n + destination} (a copy; NaN where the file gives none). */
    public double[] year(int year) {
        int y = Arrays.binarySearch(years, year);
        if (y < 0) throw new IllegalArgumentException(file + " holds no year " + year);
        return stocks[y].clone();
    }

    /** The same by codes; NaN for an unknown code or year. */
    public double stock(String origin, String destination, int year) {
        int o = indexOf(origin);
        int d = indexOf(destination);
        return o < 0 || d < 0 ? Double.NaN : stock(o, d, year);
    }

    /** The aggregates and uncoded areas met in the file, with why they were set aside. */
    public SortedSet<String> setAside() {
        return setAside;
    }

    public String file() {
        return file;
    }

    public String sha256() {
        return sha256;
    }
}
