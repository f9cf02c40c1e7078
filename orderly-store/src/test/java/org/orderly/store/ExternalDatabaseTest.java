package org.orderly.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Orderly on an external PostgreSQL by URL: a server of its own here (an embedded one, reached as an external one is,
 * through its port, as its superuser {@code postgres} and as the role {@code orderly}). A superuser connection is
 * refused unless allowed; a throwaway ("scratch") database is created on the server and dropped on close.
 */
class ExternalDatabaseTest {
    @TempDir
    static Path folder;

    private static OrderlyDatabase server;
    private static DatabasePasswords passwords;
    private static String url;

    @BeforeAll
    static void startServer() {
        server = OrderlyDatabase.open(
                DatabaseSettings.temporary(folder.resolve("server")).fastUnsafeForTests());
        passwords = DatabasePasswords.loadOrCreate(folder.resolve("server"));
        url = "jdbc:postgresql://localhost:" + server.embeddedPort() + "/orderly";
    }

    @AfterAll
    static void stopServer() {
        if (server != null) server.close();
    }

    private static DatabaseSettings external(String user, String password) {
        return DatabaseSettings.fromEnvironment(Map.of(
                "ORDERLY_HOME",
                folder.resolve("client").toString(),
                "ORDERLY_DB_URL",
                url,
                "ORDERLY_DB_USER",
                user,
                "ORDERLY_DB_PASSWORD",
                password));
    }

    @Test
    void aSuperuserConnectionIsRefusedUnlessAllowed() throws Exception {
        assertThatThrownBy(() -> OrderlyDatabase.open(external("postgres", passwords.superuser())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(url)
                .hasMessageContaining("the role 'postgres' is a superuser")
                .hasMessageContaining("ORDERLY_DB_ALLOW_SUPERUSER=true");

        try (OrderlyDatabase allowed = OrderlyDatabase.open(
                        external("postgres", passwords.superuser()).allowingSuperuser(true));
                Connection connection = allowed.dataSource().getConnection();
                ResultSet user = connection.createStatement().executeQuery("select current_user")) {
            assertThat(user.next()).isTrue();
            assertThat(user.getString(1)).isEqualTo("postgres");
        }
        Map<String, String> env = Map.of("ORDERLY_DB_URL", url, "ORDERLY_DB_ALLOW_SUPERUSER", "true");
        assertThat(DatabaseSettings.fromEnvironment(env).allowSuperuser()).isTrue();
        assertThat(DatabaseSettings.fromEnvironment(Map.of("ORDERLY_DB_URL", url))
                        .allowSuperuser())
                .isFalse();
    }

    @Test
    void aRoleThatIsNoSuperuserConnectsAndMigrates() throws Exception {
        try (OrderlyDatabase database = OrderlyDatabase.open(external(OrderlyDatabase.ROLE, passwords.orderly()));
                Connection connection = database.dataSource().getConnection();
                ResultSet migrations = connection
                        .createStatement()
                        .executeQuery("select count(*) from flyway_schema_history where success")) {
            assertThat(database.description()).isEqualTo("external PostgreSQL at " + url);
            assertThat(migrations.next()).isTrue();
            assertThat(migrations.getInt(1)).isPositive();
        }
    }

    @Test
    void aScratchDatabaseIsCreatedOnTheServerMigratedAndDroppedOnClose() throws Exception {
        DatabaseSettings scratch = DatabaseSettings.scratch(
                folder.resolve("scratch"),
                Map.of(
                        "ORDERLY_DB_URL",
                        url,
                        "ORDERLY_DB_USER",
                        "postgres",
                        "ORDERLY_DB_PASSWORD",
                        passwords.superuser(),
                        "ORDERLY_DB_ALLOW_SUPERUSER",
                        "true"));
        String name;
        try (OrderlyDatabase database = OrderlyDatabase.open(scratch);
                Connection connection = database.dataSource().getConnection();
                ResultSet current = connection
                        .createStatement()
                        .executeQuery("select current_database(), (select count(*) from flyway_schema_history)")) {
            assertThat(current.next()).isTrue();
            name = current.getString(1);
            assertThat(name).startsWith("orderly_scratch_");
            assertThat(current.getInt(2)).isPositive();
        }
        try (Connection connection = DriverManager.getConnection(url, "postgres", passwords.superuser());
                ResultSet left = connection
                        .createStatement()
                        .executeQuery("select count(*) from pg_database where datname = '" + name + "'")) {
            assertThat(left.next()).isTrue();
            assertThat(left.getInt(1))
                    .as("the scratch database is dropped on close")
                    .isZero();
        }
        assertThat(DatabaseSettings.scratch(folder.resolve("embedded"), Map.of())
                        .embedded())
                .isTrue();
    }

    @Test
    void theDatabaseOfAJdbcUrlIsReplacedKeepingHostAndParameters() {
        assertThat(OrderlyDatabase.withDatabase("jdbc:postgresql://db.example:5432/orderly?sslmode=verify-full", "x"))
                .isEqualTo("jdbc:postgresql://db.example:5432/x?sslmode=verify-full");
        assertThat(OrderlyDatabase.withDatabase("jdbc:postgresql://db.example", "x"))
                .isEqualTo("jdbc:postgresql://db.example/x");
        assertThat(OrderlyDatabase.withDatabase("jdbc:postgresql://a:1,b:2/orderly", "x"))
                .isEqualTo("jdbc:postgresql://a:1,b:2/x");
        assertThatThrownBy(() -> OrderlyDatabase.withDatabase("jdbc:mysql://db/orderly", "x"))
                .hasMessageContaining("jdbc:mysql://db/orderly");
    }
}
