package org.orderly.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The embedded database asks everyone for a password, listens on loopback only and runs Orderly as a non-superuser. */
class EmbeddedDatabaseAccessTest {
    @TempDir
    Path home;

    private static DatabaseSettings production(Path home) {
        return new DatabaseSettings(home, null, null, null, false, true);
    }

    private static void assertRefused(int port, String user, String password) {
        assertThatThrownBy(() -> DriverManager.getConnection(
                                "jdbc:postgresql://localhost:" + port + "/orderly", user, password)
                        .close())
                .as("connecting as %s with password '%s'", user, password)
                .isInstanceOf(SQLException.class);
    }

    @Test
    void refusesConnectionsWithoutThePasswordAndRunsOrderlyAsAnOwnerWithoutSuperuserRights() throws IOException {
        try (OrderlyDatabase database = OrderlyDatabase.open(production(home))) {
            int port = database.embeddedPort();
            assertRefused(port, "postgres", "");
            assertRefused(port, "postgres", "postgres");
            assertRefused(port, "orderly", "");
            assertRefused(port, "orderly", "wrong-password-of-some-length");

            DatabasePasswords passwords = DatabasePasswords.loadOrCreate(home);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(DatabasePasswords.file(home))))
                    .isEqualTo("rw-------");
            assertThat(Files.list(home).map(p -> p.getFileName().toString()))
                    .as("the initdb password file is gone")
                    .doesNotContain(".postgres-initial-password");

            JdbcClient jdbc = JdbcClient.create(database.dataSource());
            assertThat(jdbc.sql("select current_user").query(String.class).single())
                    .isEqualTo("orderly");
            assertThat(jdbc.sql("select rolsuper from pg_roles where rolname = current_user")
                            .query(Boolean.class)
                            .single())
                    .isFalse();
            assertThat(jdbc.sql(
                                    "select count(*) from pg_tables where schemaname = 'public' and tableowner <> 'orderly'")
                            .query(Integer.class)
                            .single())
                    .as("every table is Orderly's")
                    .isZero();
            assertThat(jdbc.sql("show listen_addresses").query(String.class).single())
                    .isEqualTo("localhost");
            assertThat(jdbc.sql("show fsync").query(String.class).single()).isEqualTo("on");
            assertThat(jdbc.sql("show synchronous_commit").query(String.class).single())
                    .isEqualTo("on");

            try (Connection superuser = DriverManager.getConnection(
                            "jdbc:postgresql://localhost:" + port + "/postgres", "postgres", passwords.superuser());
                    Statement statement = superuser.createStatement()) {
                var method = statement.executeQuery(
                        "select rolpassword like 'SCRAM-SHA-256$%' from pg_authid where rolname = 'postgres'");
                method.next();
                assertThat(method.getBoolean(1))
                        .as("the superuser password is kept as a SCRAM verifier")
                        .isTrue();
                var socket = statement.executeQuery("show unix_socket_directories");
                socket.next();
                assertThat(socket.getString(1)).as("no Unix socket").isEmpty();
            } catch (SQLException e) {
                throw new AssertionError("the superuser with its password must still get in", e);
            }
        }
        try (OrderlyDatabase again = OrderlyDatabase.open(production(home))) {
            assertThat(JdbcClient.create(again.dataSource())
                            .sql("select current_user")
                            .query(String.class)
                            .single())
                    .as("a restart uses the same passwords")
                    .isEqualTo("orderly");
        }
    }

    @Test
    void theTestOnlySwitchIsTheOnlyWayToTheFastCrashUnsafeSettings() {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                TestDatabase.get().embeddedPort() > 0,
                "the shared test database is on the server ORDERLY_DB_URL names: its fsync is that server's, not a test switch's");
        JdbcClient jdbc = JdbcClient.create(TestDatabase.get().dataSource());
        assertThat(jdbc.sql("show fsync").query(String.class).single()).isEqualTo("off");
        assertThat(jdbc.sql("show synchronous_commit").query(String.class).single())
                .isEqualTo("off");
        assertThat(DatabaseSettings.fromEnvironment(java.util.Map.of("ORDERLY_HOME", home.toString()))
                        .durable())
                .isTrue();
        assertThat(DatabaseSettings.temporary(home).durable()).isTrue();
    }

    @Test
    void migratesADataDirectoryOfAnEarlierOrderlyThatTrustedEveryone() throws Exception {
        Path data = home.resolve("postgres");
        // What an earlier Orderly left: zonky's defaults (trust for everyone), its tables owned by postgres.
        try (EmbeddedPostgres earlier = PostgresBinaries.in(production(home).binaries())
                        .builder()
                        .setDataDirectory(data)
                        .setCleanDataDirectory(false)
                        .start();
                Connection connection = earlier.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("create database orderly");
            org.flywaydb.core.Flyway.configure()
                    .dataSource(earlier.getJdbcUrl("postgres", "orderly"), "postgres", "")
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
            try (Connection orderly = DriverManager.getConnection(earlier.getJdbcUrl("postgres", "orderly"));
                    Statement create = orderly.createStatement()) {
                create.execute("create table earlier_notes (note text)");
                create.execute("insert into earlier_notes values ('kept')");
            }
        }
        assertThat(EmbeddedAccess.trustsAnyone(data.resolve("pg_hba.conf"))).isTrue();

        try (OrderlyDatabase database = OrderlyDatabase.open(production(home))) {
            JdbcClient jdbc = JdbcClient.create(database.dataSource());
            assertThat(jdbc.sql("select note from earlier_notes")
                            .query(String.class)
                            .single())
                    .isEqualTo("kept");
            assertThat(jdbc.sql(
                                    "select count(*) from pg_tables where schemaname = 'public' and tableowner <> 'orderly'")
                            .query(Integer.class)
                            .single())
                    .as("every table, the earlier ones too, is Orderly's")
                    .isZero();
            assertRefused(database.embeddedPort(), "postgres", "");
            assertThat(EmbeddedAccess.trustsAnyone(data.resolve("pg_hba.conf"))).isFalse();
        }
    }

    @Test
    void unpacksPostgresIntoAFolderOfTheHomeOnlyItsOwnerMayEnterNeverIntoTheSharedTemporaryFolder() throws IOException {
        Path orderlyHome = home.resolve("orderly");
        Path sharedTemporary = Files.createDirectory(home.resolve("tmp"));
        String temporaryBefore = System.getProperty("java.io.tmpdir");
        // zonky's default is <java.io.tmpdir>/embedded-pg, made writable by everyone.
        System.setProperty("java.io.tmpdir", sharedTemporary.toString());
        try (OrderlyDatabase database = OrderlyDatabase.open(
                DatabaseSettings.fromEnvironment(Map.of("ORDERLY_HOME", orderlyHome.toString())))) {
            assertThat(JdbcClient.create(database.dataSource())
                            .sql("select current_user")
                            .query(String.class)
                            .single())
                    .isEqualTo("orderly");
        } finally {
            System.setProperty("java.io.tmpdir", temporaryBefore);
        }
        assertThat(sharedTemporary.resolve("embedded-pg"))
                .as("nothing unpacked or created in the shared temporary folder")
                .doesNotExist();
        Path binaries = orderlyHome.resolve("postgres-binaries");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(binaries)))
                .isEqualTo("rwx------");
        try (Stream<Path> unpacked = Files.list(binaries.resolve("unpacked"))) {
            assertThat(unpacked.map(folder -> folder.resolve("bin").resolve("postgres"))
                            .filter(Files::isExecutable))
                    .as("the programs zonky unpacked")
                    .hasSize(1);
        }
    }

    @Test
    void refusesToRunPostgresFromAFolderOthersMayEnterOrBelowOneOthersMayWrite() throws IOException {
        Path orderlyHome = home.resolve("orderly");
        Path open = Files.createDirectory(home.resolve("open-to-all"));
        Files.setPosixFilePermissions(
                open, PosixFilePermissions.fromString("rwxrwxrwx")); // no sticky bit: anyone may rename what is in it
        DatabaseSettings belowWritable = DatabaseSettings.fromEnvironment(Map.of(
                "ORDERLY_HOME",
                orderlyHome.toString(),
                DatabaseSettings.BINARIES_VARIABLE,
                open.resolve("postgres-binaries").toString()));
        assertThatThrownBy(() -> OrderlyDatabase.open(belowWritable))
                .hasMessageContaining("refusing to run the PostgreSQL programs in " + open.resolve("postgres-binaries"))
                .hasMessageContaining(open + " (mode 0777) may be written by other accounts")
                .hasMessageContaining("chmod go-w " + open);
        assertThat(orderlyHome.resolve("postgres")).as("no database was made").doesNotExist();

        Path binaries = Files.createDirectories(orderlyHome.resolve("postgres-binaries"));
        Files.setPosixFilePermissions(binaries, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThatThrownBy(() -> OrderlyDatabase.open(
                        DatabaseSettings.fromEnvironment(Map.of("ORDERLY_HOME", orderlyHome.toString()))))
                .hasMessageContaining(binaries + " (mode 0755) may be entered by other accounts")
                .hasMessageContaining("chmod 700 " + binaries);
        assertThat(orderlyHome.resolve("postgres")).as("no database was made").doesNotExist();
    }

    @Test
    void refusesToStartPostgresWhenJavasTemporaryFolderMayBeWrittenByOthersWithoutTheStickyBit() throws IOException {
        // zonky writes a script there and runs it; a world-writable folder without the sticky bit lets anyone replace
        // it.
        Path open = Files.createDirectory(home.resolve("open-temporary"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));
        String temporaryBefore = System.getProperty("java.io.tmpdir");
        System.setProperty("java.io.tmpdir", open.toString());
        try {
            assertThatThrownBy(() -> OrderlyDatabase.open(production(home.resolve("orderly"))))
                    .hasMessageContaining(open + " (mode 0777) may be written by other accounts")
                    .hasMessageContaining("-Djava.io.tmpdir=");
        } finally {
            System.setProperty("java.io.tmpdir", temporaryBefore);
        }
    }

    @Test
    void refusesAPasswordFileOthersMayRead() throws IOException {
        Files.writeString(
                DatabasePasswords.file(home),
                "superuser=abcdefghijkmnopqrstuvwxyz\norderly=abcdefghijkmnopqrstuvwxyz\n");
        Files.setPosixFilePermissions(DatabasePasswords.file(home), PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> OrderlyDatabase.open(production(home)))
                .hasMessageContaining("database-passwords.properties")
                .hasMessageContaining("chmod 600");
    }
}
