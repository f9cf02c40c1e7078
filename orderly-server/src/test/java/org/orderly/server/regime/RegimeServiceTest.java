package org.orderly.server.regime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.orderly.regime.Participation;
import org.orderly.regime.Source;
import org.orderly.regime.reference.ReferenceData;
import org.orderly.store.DatabaseSettings;
import org.orderly.store.OrderlyDatabase;
import org.orderly.store.RegistryStore;

/** The server's registry snapshot: a slow first load can never undo a later write's reload. */
class RegimeServiceTest {

    @Test
    void aSlowFirstLoadThatStartedBeforeAWriteNeverReplacesTheReloadAfterIt() throws Exception {
        try (OrderlyDatabase database =
                OrderlyDatabase.open(DatabaseSettings.temporary(Files.createTempDirectory("regime-service-test")))) {
            RegistryStore writer = new RegistryStore(database.dataSource());
            writer.saveReference(ReferenceData.load());
            CountDownLatch firstLoadRead = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            RegimeService regime = new RegimeService(
                    new RegistryStore(new FirstCommitWaits(database.dataSource(), firstLoadRead, release)),
                    java.time.Clock.systemUTC());

            // An early request: its load reads the registry, then stalls before finishing.
            CompletableFuture<Void> early = CompletableFuture.runAsync(regime::registry);
            assertThat(firstLoadRead.await(1, TimeUnit.MINUTES)).isTrue();
            // Meanwhile the secretariat writes, and the server reloads.
            writer.saveParticipation(
                    new Participation(
                            "VAT",
                            "CAT",
                            Participation.Status.ACCEDED,
                            LocalDate.of(2002, 6, 26),
                            null,
                            List.of(),
                            new Source("UN Treaty Collection", "Chapter IV, treaty 9", LocalDate.of(2026, 11, 30))),
                    RegistryStore.SECRETARIAT);
            CompletableFuture<Void> reload = CompletableFuture.runAsync(regime::reload);
            Thread.sleep(500); // gives a reload that does not wait for the early load the time to finish first
            release.countDown();
            early.get(1, TimeUnit.MINUTES);
            reload.get(1, TimeUnit.MINUTES);

            assertThat(regime.registry().participationsOf("VAT"))
                    .as("the write is visible after the reload")
                    .hasSize(1);
        }
    }

    /** A data source whose first connection waits, at its first commit, until released. */
    private static final class FirstCommitWaits implements DataSource {
        private final DataSource delegate;
        private final CountDownLatch reached;
        private final CountDownLatch release;
        private final AtomicBoolean first = new AtomicBoolean(true);

        FirstCommitWaits(DataSource delegate, CountDownLatch reached, CountDownLatch release) {
            this.delegate = delegate;
            this.reached = reached;
            this.release = release;
        }

        @Override
        public Connection getConnection() throws SQLException {
            Connection connection = delegate.getConnection();
            if (!first.getAndSet(false)) return connection;
            return (Connection) Proxy.newProxyInstance(
                    Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                        if (method.getName().equals("commit") && reached.getCount() > 0) {
                            reached.countDown();
                            release.await(1, TimeUnit.MINUTES);
                        }
                        try {
                            return method.invoke(connection, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            return delegate.getConnection(user, password);
        }

        @Override
        public PrintWriter getLogWriter() throws SQLException {
            return delegate.getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) throws SQLException {
            delegate.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            delegate.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return delegate.getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            return delegate.getParentLogger();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            return delegate.unwrap(type);
        }

        @Override
        public boolean isWrapperFor(Class<?> type) throws SQLException {
            return delegate.isWrapperFor(type);
        }
    }
}
