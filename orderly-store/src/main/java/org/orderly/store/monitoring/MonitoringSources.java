package org.orderly.store.monitoring;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import org.orderly.monitoring.MonitoringInputs;
import org.orderly.monitoring.remittance.WdiFile;
import org.orderly.monitoring.remittance.WdiSeries;
import org.orderly.regime.Registry;
import org.orderly.store.channel.QuotaLedger;

/**
 * Where the indicators' inputs come from, for the server and {@code orderly indicators compute} alike, so that the two
 * give the same values: the registry with the visa matrices it holds, the remittance-cost series imported into the
 * database ({@code orderly import wdi}) or else the World Bank export in the public data folder, and the quota ledgers.
 */
public final class MonitoringSources {
    /** The World Bank indicator codes of the two remittance-cost series. */
    public static final String COST_TO = "SI.RMT.COST.IB.ZS";

    public static final String COST_FROM = "SI.RMT.COST.OB.ZS";

    private final WdiSeriesStore stored;
    private final QuotaLedger ledger;
    private final WdiSeries costToFile;
    private final WdiSeries costFromFile;

    /** {@code sharedData}: the public data folder, when there is one; its exports are read once, here. */
    public MonitoringSources(WdiSeriesStore stored, QuotaLedger ledger, Optional<Path> sharedData) {
        this.stored = stored;
        this.ledger = ledger;
        Optional<Path> remittances = sharedData.map(p -> p.resolve("remittances"));
        this.costToFile = file(remittances.map(p -> p.resolve("sending-cost-to-country.xls")));
        this.costFromFile = file(remittances.map(p -> p.resolve("sending-cost-from-country.xls")));
    }

    private static WdiSeries file(Optional<Path> path) {
        return path.filter(Files::isRegularFile).map(WdiFile::read).orElse(null);
    }

    /** The inputs on {@code channelsOn}: a series imported into the database is preferred to the file. */
    public MonitoringInputs inputs(Registry registry, LocalDate channelsOn) {
        return MonitoringInputs.of(
                registry,
                stored.find(COST_TO).orElse(costToFile),
                stored.find(COST_FROM).orElse(costFromFile),
                ledger.totals(),
                channelsOn);
    }

    /** The latest WDI import run (0 when none): a change means the inputs changed. */
    public long wdiRun() {
        return stored.latestRun();
    }
}
