package org.orderly.lab.remittance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import org.orderly.monitoring.MonitoringInputException;
import org.orderly.monitoring.remittance.WdiFile;
import org.orderly.monitoring.remittance.WdiSeries;

/**
 * The World Bank series the remittance corridors are built from, read with monitoring's one WDI reader: personal
 * remittances received ({@code BX.TRF.PWKR.CD.DT}, current US$), and the average cost of sending USD 200 to a country
 * ({@code SI.RMT.COST.IB.ZS}) and from a country ({@code SI.RMT.COST.OB.ZS}), in percent.
 */
public record RemittanceData(WdiSeries received, WdiSeries costTo, WdiSeries costFrom) {
    public static final String RECEIVED = "BX.TRF.PWKR.CD.DT";
    public static final String COST_TO = "SI.RMT.COST.IB.ZS";
    public static final String COST_FROM = "SI.RMT.COST.OB.ZS";

    public RemittanceData {
        Objects.requireNonNull(received, "remittances received");
        check(received, RECEIVED);
        if (costTo != null) check(costTo, COST_TO);
        if (costFrom != null) check(costFrom, COST_FROM);
    }

    private static void check(WdiSeries series, String code) {
        if (!series.indicatorCode().equals(code)) {
            throw new IllegalArgumentException(
                    series.provenance().reference() + " holds " + series.indicatorCode() + ", not " + code);
        }
    }

    /**
     * Reads the three exports of a folder laid out as {@code shared/data/remittances}; the cost files may be absent.
     *
     * @throws MonitoringInputException naming the file (and sheet row) of the first problem
     */
    public static RemittanceData read(Path folder) {
        Path received = folder.resolve("personal-remittances-received.xls");
        if (!Files.isRegularFile(received)) throw new MonitoringInputException(received, 0, "no such file");
        return new RemittanceData(
                WdiFile.read(received),
                optional(folder.resolve("sending-cost-to-country.xls")),
                optional(folder.resolve("sending-cost-from-country.xls")));
    }

    private static WdiSeries optional(Path file) {
        return Files.isRegularFile(file) ? WdiFile.read(file) : null;
    }

    /** An economy's latest value of a series, with its year; null when it has none. */
    static Map.Entry<Integer, Double> latest(WdiSeries series, String code) {
        if (series == null || !series.isEconomy(code)) return null;
        SortedMap<Integer, Double> values = series.of(code);
        return values.isEmpty() ? null : Map.entry(values.lastKey(), values.get(values.lastKey()));
    }
}
