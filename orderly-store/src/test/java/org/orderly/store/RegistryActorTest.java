package org.orderly.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.orderly.regime.Instrument;
import org.orderly.regime.Participation;
import org.orderly.regime.Pillar;
import org.orderly.regime.Registry;
import org.orderly.regime.Source;
import org.orderly.regime.State;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** Every registry row and import run names who wrote it: the actor the connection names, else the database user. */
class RegistryActorTest {
    private static final Source SOURCE = new Source("test fixture", "RegistryActorTest", LocalDate.of(2026, 1, 1));

    @Test
    void rowsRecordTheConnectionsActorOrElseTheDatabaseUser() throws SQLException {
        RegistryStore store = TestDatabase.emptyStore();
        store.saveReference(new Registry(
                List.of(new State(
                        "DEU", "DE", "276", "Germany", "Europe", "Western Europe", State.Standing.UN_MEMBER, SOURCE)),
                List.of(new Instrument(
                        "AREA",
                        "Area",
                        Instrument.Kind.REGIONAL_AGREEMENT,
                        Instrument.Level.REGIONAL,
                        true,
                        LocalDate.of(1990, 1, 1),
                        LocalDate.of(1995, 1, 1),
                        Set.of(Pillar.LEGAL_MOVEMENT),
                        SOURCE)),
                List.of(),
                List.of(),
                List.of()));
        JdbcClient jdbc = JdbcClient.create(TestDatabase.get().dataSource());
        String databaseUser =
                jdbc.sql("select session_user::text").query(String.class).single();
        assertThat(jdbc.sql("select written_by from party where id = 'DEU'")
                        .query(String.class)
                        .single())
                .isEqualTo(databaseUser);

        try (Connection connection = TestDatabase.get().dataSource().getConnection()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("select set_config('orderly.actor', 'secretariat-a (for UNO)', false)");
            }
            SingleConnectionDataSource acting = new SingleConnectionDataSource(connection, true);
            RegistryStore actingStore = new RegistryStore(acting);
            actingStore.saveParticipation(
                    new Participation(
                            "DEU",
                            "AREA",
                            Participation.Status.MEMBER,
                            LocalDate.of(1995, 1, 1),
                            null,
                            List.of(),
                            SOURCE),
                    RegistryStore.SECRETARIAT);
            actingStore
                    .jdbc()
                    .sql("insert into import_run (kind, file_name, sha256, rows_read) values ('test', 'f.csv', 'x', 1)")
                    .update();
            try (Statement statement = connection.createStatement()) {
                statement.execute("select set_config('orderly.actor', '', false)");
            }
        }
        assertThat(jdbc.sql("select written_by from participation where party_id = 'DEU'")
                        .query(String.class)
                        .single())
                .isEqualTo("secretariat-a (for UNO)");
        assertThat(jdbc.sql("select actor from import_run where kind = 'test'")
                        .query(String.class)
                        .single())
                .isEqualTo("secretariat-a (for UNO)");
        // An update records its writer as well.
        jdbc.sql("update party set name = 'Germany' where id = 'DEU'").update();
        assertThat(jdbc.sql("select written_by from party where id = 'DEU'")
                        .query(String.class)
                        .single())
                .isEqualTo(databaseUser);
    }
}
