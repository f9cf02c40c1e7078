package org.orderly.cli;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.orderly.regime.Registry;
import org.orderly.store.DatabaseSettings;
import org.orderly.store.DemoData;
import org.orderly.store.OrderlyDatabase;
import org.orderly.store.RegistryStore;
import org.orderly.store.channel.QuotaLedger;
import org.orderly.store.monitoring.MonitoringSources;
import org.orderly.store.monitoring.WdiSeriesStore;

/**
 * The regime as a command sees it: the database from the environment ({@code ORDERLY_HOME},
 * {@code ORDERLY_DB_URL}), brought to the demonstration state on first use, and its registry.
 */
final class LocalRegime implements AutoCloseable {
    private final OrderlyDatabase database;
    private final RegistryStore store;

    private LocalRegime(OrderlyDatabase database) {
        this.database = database;
        this.store = new RegistryStore(database.dataSource(), database.registrySnapshot());
    }

    static LocalRegime open() {
        LocalRegime regime = new LocalRegime(OrderlyDatabase.open(settings()));
        if (regime.store.isEmpty()) {
            DemoData.prepare(regime.store, sharedData()).forEach(line -> System.err.println("orderly: " + line));
        }
        return regime;
    }

    /** The database settings from the environment; the JVM properties -Dorderly.home and -Dorderly.db.url win. */
    static DatabaseSettings settings() {
        Map<String, String> env = new HashMap<>(System.getenv());
        setting("orderly.home").ifPresent(home -> env.put("ORDERLY_HOME", home));
        setting("orderly.db.url").ifPresent(url -> env.put("ORDERLY_DB_URL", url));
        return DatabaseSettings.fromEnvironment(env);
    }

    /** Where the public data sets are: -Dorderly.shared-data, else {@code ORDERLY_SHARED_DATA} (the launcher sets ../shared/data). */
    static Optional<Path> sharedData() {
        return setting("orderly.shared-data")
                .or(() -> Optional.ofNullable(System.getenv("ORDERLY_SHARED_DATA")))
                .filter(path -> !path.isBlank())
                .map(Path::of);
    }

    private static Optional<String> setting(String property) {
        return Optional.ofNullable(System.getProperty(property)).filter(value -> !value.isBlank());
    }

    javax.sql.DataSource dataSource() {
        return database.dataSource();
    }

    /** Orderly's home folder ($ORDERLY_HOME), where the audit key and checkpoints live. */
    Path home() {
        return database.home();
    }

    /**
     * The indicators' and the lab's inputs as the server builds them (a WDI series imported into this database is
     * preferred to the export in {@code sharedData}).
     */
    MonitoringSources monitoringSources(Path sharedData) {
        return new MonitoringSources(
                new WdiSeriesStore(dataSource()), new QuotaLedger(AuditCommand.store(this)), Optional.of(sharedData));
    }

    RegistryStore store() {
        return store;
    }

    Registry registry() {
        return store.load();
    }

    @Override
    public void close() {
        database.close();
    }
}
