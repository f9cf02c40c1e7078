package org.orderly.csv;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * What a file's header must hold: the required columns, the optional ones, whether any other column
 * is refused, whether the order is fixed, whether names are compared ignoring case, and what a row with
 * fewer fields than the header is (refused, or kept and reported).
 */
public record CsvHeader(
        List<String> required,
        List<String> optional,
        boolean otherColumnsRefused,
        boolean exactOrder,
        boolean ignoreCase,
        ShortRows shortRows) {

    /** What to do with a row that has fewer fields than the header. */
    public enum ShortRows {
        /** The file is refused at the first short row. */
        REFUSED,
        /** The row is kept; its missing fields read as empty and are listed in {@link CsvTable#problems()}. */
        REPORTED
    }

    public CsvHeader {
        required = List.copyOf(required);
        optional = List.copyOf(optional);
        Objects.requireNonNull(shortRows, "shortRows");
        if (required.isEmpty() && optional.isEmpty())
            throw new IllegalArgumentException("a header needs at least one column");
        Set<String> names = new LinkedHashSet<>();
        for (String column : all(required, optional)) {
            if (!names.add(ignoreCase ? column.toLowerCase(Locale.ROOT) : column)) {
                throw new IllegalArgumentException("column '" + column + "' is declared twice");
            }
        }
        if (exactOrder && !optional.isEmpty())
            throw new IllegalArgumentException("an exact header has no optional columns");
    }

    /** Exactly these columns in this order, nothing else; short rows refused. */
    public static CsvHeader exactly(List<String> columns) {
        return new CsvHeader(columns, List.of(), true, true, false, ShortRows.REFUSED);
    }

    /** These columns in any order; any other column refused; short rows refused. */
    public static CsvHeader requiring(String... columns) {
        return new CsvHeader(List.of(columns), List.of(), true, false, false, ShortRows.REFUSED);
    }

    /** The same header with these further columns allowed but not required. */
    public CsvHeader withOptional(String... columns) {
        List<String> more = new ArrayList<>(optional);
        more.addAll(List.of(columns));
        return new CsvHeader(required, more, otherColumnsRefused, exactOrder, ignoreCase, shortRows);
    }

    /** The same header, with column names compared ignoring case ("Passport" is "passport"). */
    public CsvHeader ignoringCase() {
        return new CsvHeader(required, optional, otherColumnsRefused, exactOrder, true, shortRows);
    }

    /** The same header, with columns not declared here accepted and ignored. */
    public CsvHeader ignoringOtherColumns() {
        return new CsvHeader(required, optional, false, exactOrder, ignoreCase, shortRows);
    }

    /** The same header, keeping short rows and reporting them. */
    public CsvHeader reportingShortRows() {
        return new CsvHeader(required, optional, otherColumnsRefused, exactOrder, ignoreCase, ShortRows.REPORTED);
    }

    /** The declared columns, required first. */
    public List<String> columns() {
        return all(required, optional);
    }

    String key(String name) {
        return ignoreCase ? name.toLowerCase(Locale.ROOT) : name;
    }

    private static List<String> all(List<String> required, List<String> optional) {
        List<String> all = new ArrayList<>(required);
        all.addAll(optional);
        return all;
    }
}
