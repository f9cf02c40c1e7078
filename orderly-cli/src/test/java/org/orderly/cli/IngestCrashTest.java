package org.orderly.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.orderly.exchange.audit.AuditCheckpoint;
import org.orderly.store.DatabaseSettings;
import org.orderly.store.OrderlyDatabase;
import org.orderly.store.audit.AuditStore;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Killing an ingestion of many messages (SIGKILL, mid-way) and running it again leaves every message stored
 * exactly once: what the killed run reported as stored is stored, the rest is stored by the second run, nothing twice.
 * The database stays up in this process (the commands share it), as a database outlives a killed server.
 */
class IngestCrashTest {

    private static String message(int i) {
        return "UNB+UNOA:4+XX+DE+260110:0900+" + i + "'UNH+1+PAXLST:D:05B:UN:IATA'TDT+20+XX" + (100 + i % 800)
                + "+++XX'"
                + "LOC+125+CDG'LOC+87+FRA'NAD+FL+++TRAVELLER" + i + ":ANNA'DTM+329:700101'NAT+2+SWE'"
                + "NAD+FL+++TRAVELLER" + i + ":BO'DTM+329:720202'NAT+2+SWE'CNT+42:2'UNT+12+1'UNZ+1+" + i + "'";
    }

    private static Process ingest(Path home, List<Path> files) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "-Dorderly.home=" + home,
                "-Dorderly.shared-data=" + home.resolve("no-shared-data"),
                "org.orderly.cli.Orderly",
                "passengers",
                "ingest",
                "--destination",
                "DEU"));
        files.forEach(f -> command.add(f.toString()));
        return new ProcessBuilder(command)
                .redirectErrorStream(false)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    /** {@code count} PAXLST files, one manifest each, in {@code home}. */
    private static List<Path> messageFiles(Path home, int count) throws IOException {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < count; i++) files.add(Files.writeString(home.resolve("m" + i + ".edi"), message(i)));
        return files;
    }

    /** Starts an ingestion of the files and kills it (SIGKILL: no shutdown hook, no clean close) once it reported {@code count} stored. */
    private static Set<String> killedAfterStoring(Path home, List<Path> files, int count) throws Exception {
        Process run = ingest(home, files);
        Set<String> reported = new HashSet<>();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(run.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null && reported.size() < count; line = out.readLine()) {
                if (line.contains(": stored")) reported.add(line.substring(0, line.indexOf(": stored")));
            }
            run.destroyForcibly();
            assertThat(run.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        return reported;
    }

    @Test
    void aKilledIngestionRunAgainStoresEveryMessageExactlyOnce() throws Exception {
        Path home = Files.createTempDirectory("orderly-crash-test");
        List<Path> files = messageFiles(home, 150);
        try (OrderlyDatabase database =
                OrderlyDatabase.open(new DatabaseSettings(home, null, null, null, false, true))) {
            JdbcClient jdbc = JdbcClient.create(database.dataSource());
            Set<String> reported = killedAfterStoring(home, files, 20);
            long afterKill =
                    jdbc.sql("select count(*) from manifest").query(Long.class).single();
            assertThat(reported).hasSizeGreaterThanOrEqualTo(20);
            assertThat(afterKill)
                    .as("killed while ingesting: some but not all stored")
                    .isGreaterThanOrEqualTo(reported.size())
                    .isLessThan(150);
            // Every message reported as stored is stored, with all its travellers.
            assertThat(jdbc.sql(
                                    "select count(*) from manifest m where (select count(*) from manifest_traveller t where t.manifest_id = m.id) <> 2")
                            .query(Long.class)
                            .single())
                    .isZero();

            Process second = ingest(home, files);
            String output;
            try (BufferedReader out =
                    new BufferedReader(new InputStreamReader(second.getInputStream(), StandardCharsets.UTF_8))) {
                output = String.join("\n", out.lines().toList());
            }
            assertThat(second.waitFor(300, TimeUnit.SECONDS)).isTrue();
            assertThat(second.exitValue()).as(output).isZero();
            for (String file : reported) assertThat(output).contains(file + ": already stored");
            assertThat(jdbc.sql("select count(*) from manifest")
                            .query(Long.class)
                            .single())
                    .isEqualTo(150);
            assertThat(jdbc.sql("select count(distinct digest) from manifest")
                            .query(Long.class)
                            .single())
                    .isEqualTo(150);
            assertThat(jdbc.sql("select count(*) from manifest_traveller")
                            .query(Long.class)
                            .single())
                    .isEqualTo(300);
        }
    }

    /**
     * A killed run writes no shutdown checkpoint: the entries it appended after the last one are guarded by the high-water
     * mark (forced to disk before each append returned), signed by the next run before its first append, and a deletion
     * of the entries after that checkpoint is refused at the next one, naming them.
     */
    @Test
    void theAuditTailOfAKilledRunIsCheckpointedBeforeTheNextAppendAndItsDeletionIsRefused() throws Exception {
        Path home = Files.createTempDirectory("orderly-audit-kill-test");
        List<Path> files = messageFiles(home, 60);
        try (OrderlyDatabase database =
                OrderlyDatabase.open(new DatabaseSettings(home, null, null, null, false, true))) {
            JdbcClient jdbc = JdbcClient.create(database.dataSource());
            int reported = killedAfterStoring(home, files, 20).size(); // no shutdown checkpoint
            AuditStore audit =
                    AuditStore.open(database.dataSource(), home.resolve("audit"), java.time.Clock.systemUTC());
            long afterKill = jdbc.sql("select count(*) from audit_entry")
                    .query(Long.class)
                    .single();
            assertThat(afterKill)
                    .as("an audit entry for each file reported stored")
                    .isGreaterThanOrEqualTo(reported);
            assertThat(audit.checkpoints())
                    .as("nothing signed the killed run's entries")
                    .isEmpty();

            Process second = ingest(home, files);
            try (BufferedReader out =
                    new BufferedReader(new InputStreamReader(second.getInputStream(), StandardCharsets.UTF_8))) {
                out.lines().forEach(line -> {});
            }
            assertThat(second.waitFor(300, TimeUnit.SECONDS)).isTrue();
            assertThat(audit.checkpoints())
                    .extracting(AuditCheckpoint::entries)
                    .as("signed before the second run appended")
                    .containsExactly(afterKill);
            long appended = jdbc.sql("select max(sequence) from audit_entry")
                    .query(Long.class)
                    .single();
            assertThat(appended)
                    .as("the second run appended at least three entries")
                    .isGreaterThanOrEqualTo(afterKill + 3);

            // Someone with the database's password deletes the last three entries, which no checkpoint counts.
            jdbc.sql("delete from audit_entry where sequence > ?")
                    .param(appended - 3)
                    .update();
            assertThatThrownBy(audit::checkpoint)
                    .hasMessageStartingWith("no audit checkpoint written: entries " + (appended - 2) + " to " + appended
                            + " are missing: Orderly appended up to entry " + appended);
            assertThat(audit.checkpoints())
                    .as("the shortened log was not signed")
                    .hasSize(1);
            assertThat(audit.verify().firstBrokenSequence()).isEqualTo(appended - 2);
        }
    }
}
