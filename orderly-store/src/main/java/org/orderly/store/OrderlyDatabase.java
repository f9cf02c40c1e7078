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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationVersion;

/**
 * The PostgreSQL database Orderly runs on, migrated to the current schema: embedded by default
 * (real PostgreSQL binaries, data under {@code $ORDERLY_HOME/postgres}) or external by JDBC URL.
 * When another Orderly process already runs the embedded server on the same data directory,
 * this one connects to it instead of starting a second server.
 *
 * <p>The embedded server listens on loopback only and asks every connection for a password (scram-sha-256;
 * the passwords are generated at first start into {@link DatabasePasswords}); Orderly works as the role
 * {@value #ROLE}, which owns its database and schema and is no superuser. Unless a test chose
 * {@link DatabaseSettings#fastUnsafeForTests()}, it runs with fsync and synchronous commit on: zonky's
 * builder starts PostgreSQL with {@code -F} (fsync off) and {@code synchronous_commit=off}, test settings
 * that lose confirmed writes in a crash, and the {@code -c} settings below override them.
 */
public final class OrderlyDatabase implements AutoCloseable {
    private static final String DATABASE = "orderly";
    /** The role Orderly connects as in the embedded database. */
    public static final String ROLE = "orderly";

    private final EmbeddedPostgres embedded;
    private final HikariDataSource dataSource;
    private final String description;
    private final Path home;
    /** The programs a temporary database unpacked into its own folder, deleted with it; null otherwise. */
    private Path temporaryBinaries;
    /** The throwaway database this process created on an external server, dropped on close; null otherwise. */
    private Scratch scratch;
    /** The registry snapshot beside the embedded database in Orderly's home; none for an external or temporary one. */
    private RegistrySnapshot registrySnapshot = RegistrySnapshot.none();

    /** A database created on an external server for a temporary use, and how to reach the server to drop it. */
    private record Scratch(String serverUrl, String user, String password, String name) {}

    private OrderlyDatabase(EmbeddedPostgres embedded, HikariDataSource dataSource, String description, Path home) {
        this.embedded = embedded;
        this.dataSource = dataSource;
        this.description = description;
        this.home = home;
    }

    /** Opens (starting if needed) and migrates the database the settings describe. */
    public static OrderlyDatabase open(DatabaseSettings settings) {
        OrderlyDatabase database = settings.embedded() ? openEmbedded(settings) : openExternal(settings);
        try {
            // Out of order: capabilities add migrations in parallel under distinct versions (V10, V20, V30…), each
            // touching its own tables; a database that already has a higher one still gets a lower one added later.
            // Flyway warns that out-of-order mode is active on every migration run in it, which every command printed:
            // a
            // database already up to date is validated (the checksums of what was applied) instead, and the mode is
            // used only when a pending migration lies below the database's current version.
            Flyway flyway = flyway(database.dataSource, true);
            MigrationInfoService migrations = flyway.info();
            MigrationVersion current = migrations.current() == null
                    ? MigrationVersion.EMPTY
                    : migrations.current().getVersion();
            if (migrations.pending().length == 0) flyway.validate();
            else if (Arrays.stream(migrations.pending())
                    .anyMatch(pending -> pending.getVersion().compareTo(current) < 0)) flyway.migrate();
            else flyway(database.dataSource, false).migrate();
        } catch (RuntimeException e) {
            database.close();
            throw new IllegalStateException(
                    "cannot migrate the database (" + database.description + "): " + e.getMessage(), e);
        }
        database.registrySnapshot = RegistrySnapshot.forSettings(settings);
        try {
            new RegistryStore(database.dataSource, database.registrySnapshot).discardStaleSnapshot();
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        return database;
    }

    private static Flyway flyway(DataSource dataSource, boolean outOfOrder) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .outOfOrder(outOfOrder)
                .load();
    }

    /**
     * An external server: refused when the role given is a superuser (unless allowed); for a temporary database, a
     * fresh one is created there (and dropped on close), so that tests on one server never see each other's data.
     */
    private static OrderlyDatabase openExternal(DatabaseSettings settings) {
        String url = settings.jdbcUrl();
        Scratch scratch = null;
        try (Connection connection = DriverManager.getConnection(url, settings.user(), settings.password());
                Statement statement = connection.createStatement()) {
            try (ResultSet role =
                    statement.executeQuery("select rolsuper from pg_roles where rolname = current_user")) {
                if (role.next() && role.getBoolean(1) && !settings.allowSuperuser()) {
                    throw new IllegalStateException(
                            "the external PostgreSQL at " + url + ": the role '" + settings.user()
                                    + "' is a superuser, and Orderly connects only as a role that is not (it needs to own its database's objects,"
                                    + " nothing more; see the README, 'A managed PostgreSQL'). Connect as such a role, or set "
                                    + DatabaseSettings.ALLOW_SUPERUSER_VARIABLE + "=true to accept a superuser.");
                }
            }
            if (settings.temporary()) {
                scratch = new Scratch(
                        url,
                        settings.user(),
                        settings.password(),
                        "orderly_scratch_" + UUID.randomUUID().toString().replace("-", ""));
                statement.execute("create database " + scratch.name());
            }
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot use the external PostgreSQL at " + url + " as '" + settings.user() + "': " + e.getMessage(),
                    e);
        }
        String databaseUrl = scratch == null ? url : withDatabase(url, scratch.name());
        OrderlyDatabase database = new OrderlyDatabase(
                null,
                pool(databaseUrl, settings.user(), settings.password()),
                "external PostgreSQL at " + databaseUrl,
                settings.home());
        database.scratch = scratch;
        return database;
    }

    /** The JDBC URL with another database: {@code jdbc:postgresql://host:port/db?params} with {@code db} replaced (or added). */
    static String withDatabase(String url, String database) {
        Matcher matcher =
                Pattern.compile("^(jdbc:postgresql://[^/?]*)(/[^?]*)?(\\?.*)?$").matcher(url);
        if (!matcher.matches())
            throw new IllegalArgumentException(
                    "not a PostgreSQL JDBC URL (jdbc:postgresql://host:port/database): " + url);
        return matcher.group(1) + "/" + database + (matcher.group(3) == null ? "" : matcher.group(3));
    }

    private static OrderlyDatabase openEmbedded(DatabaseSettings settings) {
        Path home = settings.home();
        Path dataDirectory = home.resolve("postgres");
        OwnerOnlyFile.createDirectory(home);
        DatabasePasswords passwords = DatabasePasswords.loadOrCreate(home);
        Path initialPassword = home.resolve(".postgres-initial-password");
        try {
            Integer running = runningPort(dataDirectory, passwords);
            if (running != null) {
                return new OrderlyDatabase(
                        null,
                        pool(url(running, DATABASE), ROLE, passwords.orderly()),
                        "embedded PostgreSQL at " + dataDirectory + " (port " + running
                                + ", shared with another Orderly process)",
                        home);
            }
            boolean fresh = settings.temporary() || !Files.exists(dataDirectory.resolve("postgresql.conf"));
            PostgresBinaries binaries = PostgresBinaries.in(settings.binaries());
            EmbeddedPostgres.Builder builder = binaries.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(settings.temporary())
                    .setPort(freePort())
                    .setPGStartupWait(Duration.ofSeconds(60))
                    // Whoever opens the database closes it (the server's context, a command's try-with-resources),
                    // after
                    // its last writes (the shutdown audit checkpoint): zonky's own shutdown hook would stop the server
                    // concurrently with them.
                    .setRegisterShutdownHook(false)
                    .setServerConfig("listen_addresses", "localhost")
                    .setServerConfig("unix_socket_directories", "")
                    .setServerConfig("password_encryption", "scram-sha-256")
                    .setConnectConfig("password", passwords.superuser())
                    // Runs after initdb, before the server: the binaries folder is checked again right before the
                    // server runs.
                    .setDataDirectoryCustomizer(
                            directory -> EmbeddedAccess.secure(directory.toPath(), passwords, binaries));
            if (settings.durable()) {
                // Given after zonky's -F on the same command line, these win.
                builder.setServerConfig("fsync", "on")
                        .setServerConfig("synchronous_commit", "on")
                        .setServerConfig("full_page_writes", "on");
            }
            if (fresh) {
                // zonky runs initdb with "-A trust" and passes its "locale" settings on as --name=value options after
                // it:
                // the superuser gets its password from the start, and no trusting server ever runs.
                Files.deleteIfExists(initialPassword);
                OwnerOnlyFile.create(initialPassword, passwords.superuser() + "\n");
                builder.setLocaleConfig("auth", "scram-sha-256").setLocaleConfig("pwfile", initialPassword.toString());
            }
            EmbeddedPostgres postgres;
            try {
                postgres = builder.start();
            } finally {
                Files.deleteIfExists(initialPassword);
            }
            try {
                prepareRole(postgres.getPort(), passwords);
            } catch (SQLException | RuntimeException e) {
                postgres.close();
                throw e;
            }
            OrderlyDatabase database = new OrderlyDatabase(
                    postgres,
                    pool(url(postgres.getPort(), DATABASE), ROLE, passwords.orderly()),
                    "embedded PostgreSQL at " + dataDirectory + " (port " + postgres.getPort() + ")",
                    home);
            if (settings.temporary() && binaries.folder().startsWith(home))
                database.temporaryBinaries = binaries.folder();
            return database;
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot start the embedded PostgreSQL in " + dataDirectory + ": " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot prepare the database in " + dataDirectory + ": " + e.getMessage(), e);
        }
    }

    /**
     * As the superuser: the role {@value #ROLE} with its password, no superuser; the database owned by it; and every
     * table, sequence and view of its schema owned by it (a database from an earlier Orderly had them owned by postgres).
     */
    private static void prepareRole(int port, DatabasePasswords passwords) throws SQLException {
        try (Connection connection =
                        DriverManager.getConnection(url(port, "postgres"), "postgres", passwords.superuser());
                Statement statement = connection.createStatement()) {
            boolean roleExists = statement
                    .executeQuery("select 1 from pg_roles where rolname = '" + ROLE + "'")
                    .next();
            // The password is letters and digits only (DatabasePasswords checks it): nothing to escape.
            statement.execute((roleExists ? "alter role " : "create role ") + ROLE
                    + " with login nosuperuser nocreatedb nocreaterole " + "noreplication nobypassrls password '"
                    + passwords.orderly() + "'");
            boolean databaseExists = statement
                    .executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")
                    .next();
            statement.execute(
                    databaseExists
                            ? "alter database " + DATABASE + " owner to " + ROLE
                            : "create database " + DATABASE + " owner " + ROLE);
            statement.execute("revoke connect, temporary on database " + DATABASE + " from public");
        }
        try (Connection connection =
                        DriverManager.getConnection(url(port, DATABASE), "postgres", passwords.superuser());
                Statement statement = connection.createStatement()) {
            statement.execute("alter schema public owner to " + ROLE);
            // Tables first: a table's change of owner carries its own sequences along; then the sequences left.
            for (String kinds : List.of("'r', 'p', 'v', 'm'", "'S'")) {
                List<String> changes = new ArrayList<>();
                try (ResultSet owned =
                        statement.executeQuery("""
                        select c.relkind, c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                        where n.nspname = 'public' and c.relkind in (""" + kinds + ") and pg_get_userbyid(c.relowner) <> '" + ROLE + "'")) {
                    while (owned.next()) {
                        String kind = switch (owned.getString(1)) {
                            case "v" -> "view";
                            case "m" -> "materialized view";
                            case "S" -> "sequence";
                            default -> "table";
                        };
                        changes.add("alter " + kind + " public.\""
                                + owned.getString(2).replace("\"", "\"\"") + "\" owner to " + ROLE);
                    }
                }
                for (String change : changes) statement.execute(change);
            }
        }
    }

    /** The port of a live server already running on the data directory, or null. */
    private static Integer runningPort(Path dataDirectory, DatabasePasswords passwords) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) return null;
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.size() < 4) return null;
        try {
            long pid = Long.parseLong(lines.get(0).trim());
            int port = Integer.parseInt(lines.get(3).trim());
            if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                try (Connection ignored = DriverManager.getConnection(url(port, DATABASE), ROLE, passwords.orderly())) {
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

    private static String url(int port, String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
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

    /** The registry snapshot that the registry's writers on this database discard ({@link RegistryStore}). */
    public RegistrySnapshot registrySnapshot() {
        return registrySnapshot;
    }

    /** Orderly's home folder ({@code $ORDERLY_HOME}): where the embedded data, its passwords and the audit keys live. */
    public Path home() {
        return home;
    }

    /** The port of the embedded server this process started, or -1 when it uses another's or an external one. */
    public int embeddedPort() {
        return embedded == null ? -1 : embedded.getPort();
    }

    /** Where the data lives, in words for logs and the command line. */
    public String description() {
        return description;
    }

    @Override
    public void close() {
        dataSource.close();
        if (scratch != null) {
            try (Connection connection =
                            DriverManager.getConnection(scratch.serverUrl(), scratch.user(), scratch.password());
                    Statement statement = connection.createStatement()) {
                statement.execute("drop database if exists " + scratch.name() + " with (force)");
            } catch (SQLException e) {
                throw new IllegalStateException(
                        "cannot drop the temporary database " + scratch.name() + " at " + scratch.serverUrl() + ": "
                                + e.getMessage(),
                        e);
            }
        }
        if (embedded != null) {
            try {
                embedded.close();
                if (temporaryBinaries != null) deleteTree(temporaryBinaries);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot stop the embedded PostgreSQL: " + e.getMessage(), e);
            }
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return;
        try (var paths = Files.walk(folder)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(path);
        }
    }
}
