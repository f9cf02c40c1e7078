package org.orderly.lab.data;

import java.util.regex.Pattern;
import org.orderly.csv.CsvException;
import org.orderly.csv.CsvRow;

/**
 * How the UN DESA and UNHCR files write their cells: counts as plain decimal numbers, {@code ..} (UN DESA) and
 * {@code NA} (the R exports) or an empty cell for no data, and {@code -} for a magnitude nil or negligible (the UN's
 * convention in its statistical tables; read as 0). Anything else is refused naming file, line, column and field.
 */
final class Cells {
    /** No value: the cell is empty, {@code ..} or {@code NA}. */
    static final double NO_DATA = Double.NaN;

    private static final Pattern NUMBER = Pattern.compile("[0-9]+(\\.[0-9]+)?([eE][+-]?[0-9]+)?");
    private static final Pattern YEAR = Pattern.compile("[0-9]{4}");
    private static final Pattern ALPHA3 = Pattern.compile("[A-Z]{3}");

    private Cells() {}

    /** A count of people: a non-negative number, {@code -} (nil) read as 0, or {@link #NO_DATA}. */
    static double count(CsvRow row, String column) {
        return count(row.get(column), () -> row.error(column, expected(row.get(column))));
    }

    /** The same for a cell addressed by its 0-based position in the header as written. */
    static double count(CsvRow row, int position) {
        return count(row.cell(position), () -> row.error(position, expected(row.cell(position))));
    }

    private static double count(String text, java.util.function.Supplier<CsvException> refusal) {
        if (text.isEmpty() || text.equals("..") || text.equals("NA")) return NO_DATA;
        if (text.equals("-")) return 0;
        if (!NUMBER.matcher(text).matches()) throw refusal.get();
        double value = Double.parseDouble(text);
        if (!Double.isFinite(value)) throw refusal.get();
        return value;
    }

    private static String expected(String found) {
        return "expected a number of people, '..' or 'NA' (no data) or '-' (nil), found '" + found + "'";
    }

    /** A year written with four digits. */
    static int year(CsvRow row, String column) {
        String text = row.get(column);
        if (!YEAR.matcher(text).matches())
            throw row.error(column, "expected a year (four digits), found '" + text + "'");
        return Integer.parseInt(text);
    }

    /** An ISO alpha-3 code, or null for {@code NA} and, where {@code emptyAllowed}, an empty cell. */
    static String alpha3(CsvRow row, String column, boolean emptyAllowed) {
        String text = row.get(column);
        if (text.equals("NA") || (emptyAllowed && text.isEmpty())) return null;
        if (!ALPHA3.matcher(text).matches()) {
            throw row.error(
                    column, "expected an ISO 3166-1 alpha-3 code (three capital letters) or NA, found '" + text + "'");
        }
        return text;
    }

    /** A name that must not be empty. */
    static String name(CsvRow row, String column) {
        String text = row.get(column);
        if (text.isEmpty()) throw row.error(column, "the name is empty");
        return text;
    }
}
