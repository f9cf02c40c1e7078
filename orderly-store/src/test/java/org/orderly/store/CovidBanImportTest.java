package org.orderly.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.orderly.regime.reference.ReferenceData;
import org.orderly.testing.SharedData;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 24, item 1 in the store: the 2022-07-03 snapshot's "covid ban" cells are kept as temporary COVID-19 bans, their
 * own category, and a database that stored them as NO_ADMISSION before is made to import that snapshot again; treaty
 * imports made before name the intermediary's extract (item 8).
 */
class CovidBanImportTest {
    private static final Path COVID = SharedData.root().resolve("visa/history/passport-index-tidy-iso3-2022-07-03.csv");

    @Test
    void theRealSnapshotsCovidBansAreStoredAsTemporaryBansAndItsNoAdmissionsAsNoAdmission() throws IOException {
        SharedData.file("visa/history/passport-index-tidy-iso3-2022-07-03.csv");
        List<String> lines = Files.readAllLines(COVID);
        long bans = lines.stream().filter(l -> l.endsWith(",covid ban")).count();
        long refusals = lines.stream().filter(l -> l.endsWith(",no admission")).count();
        RegistryStore store = TestDatabase.emptyStore();
        store.saveReference(ReferenceData.load());
        new VisaMatrixImporter(store).importFile(COVID, LocalDate.of(2022, 7, 3));
        assertThat(count(store, "COVID_ENTRY_BAN")).isEqualTo(bans).isEqualTo(1658);
        assertThat(count(store, "NO_ADMISSION")).isEqualTo(refusals).isEqualTo(8);
        assertThat(store.jdbc()
                        .sql("select category from entry_policy where passport = 'AFG' and destination = 'JPN'")
                        .query(String.class)
                        .single())
                .isEqualTo("COVID_ENTRY_BAN");
    }

    @Test
    void aSnapshotStoredWithBansAsNoAdmissionIsRemovedSoThatItIsImportedAgain() {
        String schema = "covid_migration";
        JdbcClient jdbc = JdbcClient.create(TestDatabase.get().dataSource());
        jdbc.sql("drop schema if exists " + schema + " cascade").update();
        Flyway before = Flyway.configure()
                .dataSource(TestDatabase.get().dataSource())
                .locations("classpath:db/migration")
                .schemas(schema)
                .target("30")
                .load();
        before.migrate();
        String q = schema + ".";
        for (String id : List.of("AFG", "JPN")) {
            jdbc.sql(
                            "insert into " + q
                                    + "party (id, kind, name, source_title, as_of) values (?, 'STATE', ?, 't', date '2025-06-30')")
                    .params(id, id)
                    .update();
        }
        // The published 2022 file (its SHA-256), imported by the earlier importer, and a 2023 snapshot of another file.
        jdbc.sql(
                        "insert into " + q + "import_run (kind, subject, file_name, sha256, rows_read) values "
                                + "('import:visa-matrix', '2022-07-03', 'passport-index-tidy-iso3-2022-07-03.csv', "
                                + "'2471f2dd4dfcbe1cd9417e9398b9d9ca040dd175646fa8609abf4739e8178791', 39601), "
                                + "('import:visa-matrix', '2023-08-15', 'passport-index-tidy-iso3-2023-08-15.csv', 'another', 39601)")
                .update();
        jdbc.sql("insert into " + q
                        + "entry_policy (destination, passport, category, source_title, as_of, origin) values "
                        + "('JPN', 'AFG', 'NO_ADMISSION', 't', date '2022-07-03', 'import:visa-matrix'), "
                        + "('JPN', 'AFG', 'VISA_REQUIRED', 't', date '2023-08-15', 'import:visa-matrix')")
                .update();
        // A participation imported before the importer named the intermediary's extract (V32 names it).
        jdbc.sql(
                        "insert into " + q
                                + "participation (party_id, subject_id, status, since, since_precision, source_title, source_reference, "
                                + "as_of, origin) values ('AFG', 'CAT', 'RATIFIED', date '1987-01-01', 'YEAR', "
                                + "'UN Treaty Collection status of CAT (hr_status_cat.csv)', 'hr_status_cat.csv line 2', date '2022-08-01', 'import:treaty-status')")
                .update();

        Flyway.configure()
                .dataSource(TestDatabase.get().dataSource())
                .locations("classpath:db/migration")
                .schemas(schema)
                .load()
                .migrate();

        assertThat(jdbc.sql("select as_of from " + q + "entry_policy")
                        .query(LocalDate.class)
                        .list())
                .containsExactly(LocalDate.of(2023, 8, 15));
        assertThat(jdbc.sql("select subject from " + q + "import_run")
                        .query(String.class)
                        .list())
                .containsExactly("2023-08-15");
        assertThat(jdbc.sql("select source_title from " + q + "participation")
                        .query(String.class)
                        .single())
                .isEqualTo(
                        "UN Treaty Collection status of CAT, as extracted by world-politics-datalab/humanrights-treaties-ratification-status "
                                + "(hr_status_cat.csv, extract of 2022-08)");
        jdbc.sql("drop schema " + schema + " cascade").update();
    }

    private static long count(RegistryStore store, String category) {
        return store.jdbc()
                .sql("select count(*) from entry_policy where category = ?")
                .param(category)
                .query(Long.class)
                .single();
    }
}
