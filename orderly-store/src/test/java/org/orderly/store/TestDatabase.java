package org.orderly.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/**
 * One PostgreSQL database for the whole test run, emptied between tests: embedded, or a fresh database on the server
 * that {@code ORDERLY_DB_URL} names ({@link DatabaseSettings#scratch}; {@code .ci/run} runs the tests so once). It runs with the fast, crash-unsafe
 * settings, chosen here explicitly; the crash and access tests start their own database with the production settings.
 */
public final class TestDatabase {
    private static OrderlyDatabase database;

    private TestDatabase() {}

    public static synchronized OrderlyDatabase get() {
        if (database == null) {
            try {
                database = OrderlyDatabase.open(
                        DatabaseSettings.scratch(Files.createTempDirectory("orderly-store-test"), System.getenv())
                                .fastUnsafeForTests());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(database::close));
        }
        return database;
    }

    static RegistryStore emptyStore() {
        RegistryStore store = new RegistryStore(get().dataSource());
        store.jdbc()
                .sql("truncate entry_policy, commitment, participation, instrument, party, import_run")
                .update();
        return store;
    }
}
