package org.orderly.store.monitoring;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.orderly.monitoring.MonitoringInputs;
import org.orderly.monitoring.remittance.RemittanceSeries;
import org.orderly.monitoring.remittance.WdiSeries;
import org.orderly.regime.Registry;
import org.orderly.store.channel.QuotaLedger;

/**
 * Where the indicators' and the policy lab's inputs come from, for the server and the command line alike, so that they
 * give the same values: the registry with the visa matrices it holds, the World Bank remittance series imported into the
 * database ({@code orderly import wdi}) or else the exports in the public data folder, and the quota ledgers.
 */
public final class MonitoringSources {
    private final WdiSeriesStore stored;
    private final QuotaLedger ledger;
    private final Optional<Path> sharedData;
    private final Map<RemittanceSeries, Optional<WdiSeries>> files = new ConcurrentHashMap<>();

    /** {@code sharedData}: the public data folder, when there is one; each export there is read once, when first asked. */
    public MonitoringSources(WdiSeriesStore stored, QuotaLedger ledger, Optional<Path> sharedData) {
        this.stored = stored;
        this.ledger = ledger;
        this.sharedData = sharedData;
    }

    /** The inputs on {@code channelsOn}: a series imported into the database is preferred to the file. */
    public MonitoringInputs inputs(Registry registry, LocalDate channelsOn) {
        return MonitoringInputs.of(
                registry,
                series(RemittanceSeries.COST_TO).orElse(null),
                series(RemittanceSeries.COST_FROM).orElse(null),
                ledger.totals(),
                channelsOn);
    }

    /** One remittance series: the one imported into the database, else the public data folder's export, else none. */
    public Optional<WdiSeries> series(RemittanceSeries which) {
        Optional<WdiSeries> imported = stored.find(which.code());
        return imported.isPresent() ? imported : file(which);
    }

    private Optional<WdiSeries> file(RemittanceSeries which) {
        return files.computeIfAbsent(which, s -> sharedData.flatMap(s::readFrom));
    }

    /** The latest WDI import run (0 when none): a change means the inputs changed. */
    public long wdiRun() {
        return stored.latestRun();
    }
}
