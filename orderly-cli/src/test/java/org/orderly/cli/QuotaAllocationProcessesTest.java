package org.orderly.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.orderly.store.DatabaseSettings;
import org.orderly.store.OrderlyDatabase;
import org.orderly.store.audit.AuditStore;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Quota allocations from several processes at once, each with several threads, on one small quota: exactly the quota is
 * granted; and an allocation run killed with SIGKILL mid-way, then run again, loses no place it reported and grants none
 * twice. The database stays up in this process, as a database outlives killed clients.
 */
class QuotaAllocationProcessesTest {

    private static Process allocate(Path home, String channel, Path applicants, int threads) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "-Dorderly.home=" + home,
                "-Dorderly.shared-data=" + home.resolve("no-shared-data"),
                "org.orderly.cli.Orderly",
                "channels",
                "allocate",
                "--channel",
                channel,
                "--year",
                "2027",
                "--applicants",
                applicants.toString(),
                "--threads",
                Integer.toString(threads)));
        return new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    /** Defines a first-come channel of Germany with {@code places} a year, through the command line in this process. */
    private static void define(Path home, String id, int places) throws IOException {
        Path file = Files.writeString(
                home.resolve(id + ".json"),
                "{\"id\": \"" + id + "\", \"title\": \"Test channel " + id
                        + "\", \"destination\": \"DEU\", \"purpose\": \"WORK\", \"annualQuota\": " + places
                        + ", \"procedure\": \"FIRST_COME\"}");
        System.setProperty("orderly.home", home.toString());
        System.setProperty("orderly.shared-data", home.resolve("no-shared-data").toString());
        try {
            CommandRun run = CommandRun.of("channels", "define", file.toString());
            assertThat(run.status()).as(run.err()).isZero();
        } finally {
            System.clearProperty("orderly.home");
            System.clearProperty("orderly.shared-data");
        }
    }

    private static Path applicants(Path home, String name, int from, int count) throws IOException {
        StringBuilder lines = new StringBuilder();
        for (int i = from; i < from + count; i++)
            lines.append("APPLICANT-").append(i).append('\n');
        return Files.writeString(home.resolve(name), lines);
    }

    /** Each output line: applicant → what it was told. */
    private static Map<String, String> lines(Process run) throws IOException {
        Map<String, String> told = new HashMap<>();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(run.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine())
                told.put(line.substring(0, line.indexOf(':')), line.substring(line.indexOf(':') + 2));
        }
        return told;
    }

    private static long count(JdbcClient jdbc, String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    @Test
    void fourProcessesOfFourThreadsAskingFourHundredPlacesOfTwentyFiveGetExactlyTwentyFive() throws Exception {
        Path home = Files.createTempDirectory("orderly-quota-processes");
        define(home, "PROC_SMALL", 25);
        try (OrderlyDatabase database =
                OrderlyDatabase.open(new DatabaseSettings(home, null, null, null, false, true))) {
            JdbcClient jdbc = JdbcClient.create(database.dataSource());
            List<Process> runs = new ArrayList<>();
            for (int p = 0; p < 4; p++)
                runs.add(allocate(home, "PROC_SMALL", applicants(home, "applicants-" + p, p * 100, 100), 4));
            Map<String, String> told = new HashMap<>();
            for (Process run : runs) {
                told.putAll(lines(run));
                assertThat(run.waitFor(300, TimeUnit.SECONDS)).isTrue();
                assertThat(run.exitValue()).isZero();
            }
            assertThat(told).hasSize(400);
            assertThat(told.values().stream().filter(t -> t.startsWith("granted place ")))
                    .hasSize(25);
            assertThat(told.values().stream().filter(t -> t.equals("refused QUOTA_EXHAUSTED")))
                    .hasSize(375);
            assertThat(count(jdbc, "select count(*) from quota_allocation where channel_id = 'PROC_SMALL'"))
                    .isEqualTo(25);
            assertThat(
                            count(
                                    jdbc,
                                    "select count(distinct slot) from quota_allocation where channel_id = 'PROC_SMALL' and slot between 1 and 25"))
                    .isEqualTo(25);
            assertThat(count(jdbc, "select granted from quota_ledger where channel_id = 'PROC_SMALL'"))
                    .isEqualTo(25);
            assertThat(
                            count(
                                    jdbc,
                                    "select count(*) from audit_entry where subject = 'quota:PROC_SMALL/2027' and action = 'QUOTA_ALLOCATION'"))
                    .isEqualTo(25);
            assertThat(
                            count(
                                    jdbc,
                                    "select count(*) from audit_entry where subject = 'quota:PROC_SMALL/2027' and action = 'QUOTA_REFUSAL'"))
                    .isEqualTo(375);
        }
    }

    @Test
    void aKilledAllocationRunAgainLosesAndDoublesNothing() throws Exception {
        Path home = Files.createTempDirectory("orderly-quota-kill");
        define(home, "KILL_SMALL", 100);
        Path applicants = applicants(home, "applicants", 0, 300);
        try (OrderlyDatabase database =
                OrderlyDatabase.open(new DatabaseSettings(home, null, null, null, false, true))) {
            JdbcClient jdbc = JdbcClient.create(database.dataSource());
            // SIGKILL once 30 places were reported: no shutdown hook, no clean close, requests in flight.
            Process killed = allocate(home, "KILL_SMALL", applicants, 4);
            Map<String, Integer> reported = new HashMap<>();
            try (BufferedReader out =
                    new BufferedReader(new InputStreamReader(killed.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null && reported.size() < 30; line = out.readLine()) {
                    if (line.contains(": granted place "))
                        reported.put(
                                line.substring(0, line.indexOf(':')), Integer.valueOf(line.replaceAll(".*place ", "")));
                }
                killed.destroyForcibly();
                assertThat(killed.waitFor(60, TimeUnit.SECONDS)).isTrue();
            }
            long afterKill = count(jdbc, "select count(*) from quota_allocation where channel_id = 'KILL_SMALL'");
            assertThat(afterKill)
                    .as("killed mid-way")
                    .isGreaterThanOrEqualTo(30)
                    .isLessThan(100);
            assertThat(count(jdbc, "select granted from quota_ledger where channel_id = 'KILL_SMALL'"))
                    .as("the counter and the places agree")
                    .isEqualTo(afterKill);
            for (var place : reported.entrySet()) {
                assertThat(count(
                                jdbc,
                                "select slot from quota_allocation where channel_id = 'KILL_SMALL' and applicant = ?",
                                place.getKey()))
                        .as("a reported place is kept")
                        .isEqualTo(place.getValue().longValue());
            }

            Process again = allocate(home, "KILL_SMALL", applicants, 4);
            Map<String, String> told = lines(again);
            assertThat(again.waitFor(300, TimeUnit.SECONDS)).isTrue();
            assertThat(again.exitValue()).isZero();
            for (var place : reported.entrySet())
                assertThat(told.get(place.getKey())).isEqualTo("already place " + place.getValue());
            assertThat(count(jdbc, "select count(*) from quota_allocation where channel_id = 'KILL_SMALL'"))
                    .isEqualTo(100);
            assertThat(count(
                            jdbc,
                            "select count(distinct applicant) from quota_allocation where channel_id = 'KILL_SMALL'"))
                    .isEqualTo(100);
            assertThat(count(jdbc, "select count(distinct slot) from quota_allocation where channel_id = 'KILL_SMALL'"))
                    .isEqualTo(100);
            assertThat(
                            count(
                                    jdbc,
                                    "select count(*) from audit_entry where subject = 'quota:KILL_SMALL/2027' and action = 'QUOTA_ALLOCATION'"))
                    .as("each place audited once")
                    .isEqualTo(100);
            assertThat(AuditStore.open(database.dataSource(), home.resolve("audit"), java.time.Clock.systemUTC())
                            .verify()
                            .intact())
                    .as("the audit log is whole")
                    .isTrue();
        }
    }
}
