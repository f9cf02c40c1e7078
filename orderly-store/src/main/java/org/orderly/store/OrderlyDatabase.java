package org.orderly.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The PostgreSQL database Orderly runs on, migrated to the current schema: embedded by default
 * (real PostgreSQL binaries, data under {@code $ORDERLY_HOME/postgres}) or external by JDBC URL.
 * When another Orderly process already runs the embedded server on the same data directory,
 * this one connects to it instead of starting a second server.
 */
public final class OrderlyDatabase implements AutoCloseable {
    private static final String DATABASE = "orderly";

    private final EmbeddedPostgres embedded;
    private final HikariDataSource dataSource;
    private final String description;

    private OrderlyDatabase(EmbeddedPostgres embedded, HikariDataSource dataSource, String description) {
        this.embedded = embedded;
        this.dataSource = dataSource;
        this.description = description;
    }

    /** Opens (starting if needed) and migrates the database the settings describe. */
    public static OrderlyDatabase open(DatabaseSettings settings) {
        OrderlyDatabase database = settings.embedded() ? openEmbedded(settings) : openExternal(settings);
        try {
            Flyway.configure().dataSource(database.dataSource).locations("classpath:db/migration")
                    .load().migrate();
        } catch (RuntimeException e) {
            database.close();
            throw new IllegalStateException("cannot migrate the database (" + database.description + "): " + e.getMessage(), e);
        }
        return database;
    }

    private static OrderlyDatabase openExternal(DatabaseSettings settings) {
        return new OrderlyDatabase(null, pool(settings.jdbcUrl(), settings.user(), settings.password()),
                "external PostgreSQL at " + settings.jdbcUrl());
    }

    private static OrderlyDatabase openEmbedded(DatabaseSettings settings) {
        Path dataDirectory = settings.home().resolve("postgres");
        try {
            Files.createDirectories(settings.home());
            Integer running = runningPort(dataDirectory);
            if (running != null) {
                String url = "jdbc:postgresql://localhost:" + running + "/" + DATABASE;
                return new OrderlyDatabase(null, pool(url, "postgres", ""),
                        "embedded PostgreSQL at " + dataDirectory + " (port " + running + ", shared with another Orderly process)");
            }
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(settings.temporary())
                    .setPort(freePort())
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
            try (Connection connection = postgres.getPostgresDatabase().getConnection();
                 Statement statement = connection.createStatement()) {
                ResultSet exists = statement.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'");
                if (!exists.next()) statement.execute("create database " + DATABASE);
            }
            return new OrderlyDatabase(postgres, pool(postgres.getJdbcUrl("postgres", DATABASE), "postgres", ""),
                    "embedded PostgreSQL at " + dataDirectory + " (port " + postgres.getPort() + ")");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL in " + dataDirectory + ": " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the database in " + dataDirectory + ": " + e.getMessage(), e);
        }
    }

    /** The port of a live server already running on the data directory, or null. */
    private static Integer runningPort(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) return null;
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.size() < 4) return null;
        try {
            long pid = Long.parseLong(lines.get(0).trim());
            int port = Integer.parseInt(lines.get(3).trim());
            if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                try (Connection ignored = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "")) {
                    return port;
                } catch (SQLException notReachable) {
                    return null;
                }
            }
        } catch (NumberFormatException stale) {
            return null;
        }
        return null;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static HikariDataSource pool(String url, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(8);
        config.setPoolName("orderly");
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        return new HikariDataSource(config);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** Where the data lives, in words for logs and the command line. */
    public String description() {
        return description;
    }

    @Override
    public void close() {
        dataSource.close();
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot stop the embedded PostgreSQL: " + e.getMessage(), e);
            }
        }
    }
}
