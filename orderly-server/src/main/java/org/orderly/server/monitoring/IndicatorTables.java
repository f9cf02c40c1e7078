package org.orderly.server.monitoring;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.orderly.monitoring.IndicatorValue;
import org.orderly.monitoring.Provenance;

/** Selecting indicator values by party and period, and writing them as CSV: one place for the API and the pages. */
final class IndicatorTables {
    private IndicatorTables() {}

    /** The values of one indicator, for one party (or all when null), whose period lies within [from, to] (open ends). */
    static List<IndicatorValue> select(
            List<IndicatorValue> values, String indicatorId, String party, LocalDate from, LocalDate to) {
        String subject = party == null || party.isBlank() ? null : party.strip().toUpperCase(Locale.ROOT);
        return values.stream()
                .filter(v -> v.indicatorId().equals(indicatorId))
                .filter(v -> subject == null || v.subject().equals(subject))
                .filter(v -> within(v.period(), from, to))
                .toList();
    }

    /** True when a period ("", a year, or a date) may fall within [from, to]; a year counts when any day of it does. */
    static boolean within(String period, LocalDate from, LocalDate to) {
        if (period.isEmpty()) return true;
        LocalDate first;
        LocalDate last;
        if (period.length() == 4) {
            int year = Integer.parseInt(period);
            first = LocalDate.of(year, 1, 1);
            last = LocalDate.of(year, 12, 31);
        } else {
            first = LocalDate.parse(period);
            last = first;
        }
        return (from == null || !last.isBefore(from)) && (to == null || !first.isAfter(to));
    }

    /** RFC 4180 CSV with a header; a value with no records is an empty cell and its note says why. */
    static String csv(List<IndicatorValue> values) {
        StringBuilder out = new StringBuilder("indicator,subject,period,value,target,note,provenance\r\n");
        for (IndicatorValue v : values) {
            out.append(cell(v.indicatorId()))
                    .append(',')
                    .append(cell(v.subject()))
                    .append(',')
                    .append(cell(v.period()))
                    .append(',')
                    .append(v.value() == null ? "" : number(v.value()))
                    .append(',')
                    .append(v.target() == null ? "" : number(v.target()))
                    .append(',')
                    .append(cell(v.note()))
                    .append(',')
                    .append(cell(
                            v.provenance().stream().map(Provenance::toString).collect(Collectors.joining("; "))))
                    .append("\r\n");
        }
        return out.toString();
    }

    static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? String.valueOf((long) value)
                : String.valueOf(value);
    }

    private static String cell(String text) {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0)
            return text;
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
