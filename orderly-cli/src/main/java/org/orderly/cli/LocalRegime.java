package org.orderly.cli;

import java.nio.file.Path;
import java.util.Optional;
import org.orderly.regime.Registry;
import org.orderly.store.DatabaseSettings;
import org.orderly.store.DemoData;
import org.orderly.store.OrderlyDatabase;
import org.orderly.store.RegistryStore;

/**
 * The regime as a command sees it: the database from the environment ({@code ORDERLY_HOME},
 * {@code ORDERLY_DB_URL}), brought to the demonstration state on first use, and its registry.
 */
final class LocalRegime implements AutoCloseable {
    private final OrderlyDatabase database;
    private final RegistryStore store;

    private LocalRegime(OrderlyDatabase database) {
        this.database = database;
        this.store = new RegistryStore(database.dataSource());
    }

    static LocalRegime open() {
        LocalRegime regime = new LocalRegime(OrderlyDatabase.open(DatabaseSettings.fromEnvironment()));
        if (regime.store.isEmpty()) {
            DemoData.prepare(regime.store, sharedData()).forEach(line -> System.err.println("orderly: " + line));
        }
        return regime;
    }

    /** Where the public data sets are: {@code ORDERLY_SHARED_DATA}, set by the launcher to ../shared/data. */
    static Optional<Path> sharedData() {
        String path = System.getenv("ORDERLY_SHARED_DATA");
        return path == null || path.isBlank() ? Optional.empty() : Optional.of(Path.of(path));
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
