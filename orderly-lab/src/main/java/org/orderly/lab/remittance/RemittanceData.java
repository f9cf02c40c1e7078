package org.orderly.lab.remittance;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.function.Function;
import org.orderly.monitoring.remittance.RemittanceSeries;
import org.orderly.monitoring.remittance.WdiSeries;

/**
 * The World Bank series the remittance corridors are built from ({@link RemittanceSeries}): personal remittances
 * received, and the average cost of sending USD 200 to a country and from a country. Where they come from is the
 * caller's: the server and the command line take them from {@code MonitoringSources} (an imported series before the
 * file), as the indicators do.
 */
public record RemittanceData(WdiSeries received, WdiSeries costTo, WdiSeries costFrom) {

    public RemittanceData {
        Objects.requireNonNull(received, "remittances received");
        check(received, RemittanceSeries.RECEIVED);
        if (costTo != null) check(costTo, RemittanceSeries.COST_TO);
        if (costFrom != null) check(costFrom, RemittanceSeries.COST_FROM);
    }

    private static void check(WdiSeries series, RemittanceSeries expected) {
        if (!series.indicatorCode().equals(expected.code())) {
            throw new IllegalArgumentException(
                    series.provenance().reference() + " holds " + series.indicatorCode() + ", not " + expected.code());
        }
    }

    /**
     * The three series as {@code source} gives them; empty without the remittances received (the cost series may be
     * absent).
     */
    public static Optional<RemittanceData> of(Function<RemittanceSeries, Optional<WdiSeries>> source) {
        return source.apply(RemittanceSeries.RECEIVED)
                .map(received -> new RemittanceData(
                        received,
                        source.apply(RemittanceSeries.COST_TO).orElse(null),
                        source.apply(RemittanceSeries.COST_FROM).orElse(null)));
    }

    /** An economy's latest value of a series, with its year; null when it has none. */
    static Map.Entry<Integer, Double> latest(WdiSeries series, String code) {
        if (series == null || !series.isEconomy(code)) return null;
        SortedMap<Integer, Double> values = series.of(code);
        return values.isEmpty() ? null : Map.entry(values.lastKey(), values.get(values.lastKey()));
    }
}
