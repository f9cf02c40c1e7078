package org.orderly.monitoring.remittance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The World Bank remittance series Orderly uses, each with its indicator code and the file that holds its export in the
 * public data folder's {@code remittances/}: personal remittances received (current US$), and the average cost of
 * sending USD 200 to a country and from a country (percent).
 */
public enum RemittanceSeries {
    RECEIVED("BX.TRF.PWKR.CD.DT", "personal-remittances-received.xls"),
    COST_TO("SI.RMT.COST.IB.ZS", "sending-cost-to-country.xls"),
    COST_FROM("SI.RMT.COST.OB.ZS", "sending-cost-from-country.xls");

    private final String code;
    private final String file;

    RemittanceSeries(String code, String file) {
        this.code = code;
        this.file = file;
    }

    /** The World Development Indicators code, as an export and the database name the series. */
    public String code() {
        return code;
    }

    /**
     * The export in a public data folder laid out as {@code shared/data}, read with {@link WdiFile}; empty when the file
     * is not there.
     *
     * @throws org.orderly.monitoring.MonitoringInputException naming the file (and sheet row) of a file that is there but
     *     wrong
     */
    public Optional<WdiSeries> readFrom(Path sharedData) {
        Path path = sharedData.resolve("remittances").resolve(file);
        return Files.isRegularFile(path) ? Optional.of(WdiFile.read(path)) : Optional.empty();
    }
}
