package org.orderly.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orderly.exchange.audit.AuditEntry;
import org.orderly.store.audit.AuditStore;

/**
 * The crash test, on the production settings: the database server is killed (SIGKILL to the postmaster and its
 * processes) while audit entries are being appended; after a restart every entry whose append returned is there.
 */
class AuditCrashTest {
    @TempDir
    Path home;

    @Test
    void everyConfirmedAuditEntrySurvivesAKillOfTheDatabaseMidWrite() throws Exception {
        DatabaseSettings production = new DatabaseSettings(home, null, null, null, false, true);
        Map<Long, String> confirmed = new ConcurrentHashMap<>();
        CountDownLatch enough = new CountDownLatch(1);
        OrderlyDatabase database = OrderlyDatabase.open(production);
        Thread writer;
        try {
            AuditStore audit = AuditStores.of(database);
            writer = new Thread(
                    () -> {
                        try {
                            for (int i = 0; ; i++) {
                                AuditEntry entry =
                                        audit.append("officer", "DEU", "BORDER_CHECK", "wanted-persons", "check " + i);
                                confirmed.put(entry.sequence(), entry.hash());
                                if (confirmed.size() == 150) enough.countDown();
                            }
                        } catch (RuntimeException databaseGone) {
                            // the kill: appends fail from here on
                        }
                    },
                    "audit-writer");
            writer.start();
            assertThat(enough.await(120, TimeUnit.SECONDS))
                    .as("150 appends confirmed before the kill")
                    .isTrue();
            killPostmaster(home.resolve("postgres"));
            writer.join(TimeUnit.SECONDS.toMillis(60));
            assertThat(writer.isAlive())
                    .as("the writer stopped when the database died")
                    .isFalse();
        } finally {
            database.close();
        }

        try (OrderlyDatabase restarted = OrderlyDatabase.open(production)) {
            AuditStore audit = AuditStores.of(restarted);
            List<AuditEntry> kept = audit.latest(100_000);
            Map<Long, String> found = new ConcurrentHashMap<>();
            kept.forEach(entry -> found.put(entry.sequence(), entry.hash()));
            assertThat(confirmed.size()).isGreaterThanOrEqualTo(150);
            List<Long> lost = confirmed.entrySet().stream()
                    .filter(e -> !e.getValue().equals(found.get(e.getKey())))
                    .map(Map.Entry::getKey)
                    .sorted()
                    .toList();
            assertThat(lost)
                    .as("confirmed entries lost in the crash, of %d confirmed", confirmed.size())
                    .isEmpty();
            assertThat(audit.verify().intact()).isTrue();
        }
    }

    /** kill -9 of the postmaster and of every process it started, as a crash would. */
    static void killPostmaster(Path dataDirectory) throws Exception {
        long pid = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid"))
                .get(0)
                .trim());
        ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("no postmaster " + pid));
        List<ProcessHandle> children = postmaster.descendants().toList();
        postmaster.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
        postmaster.onExit().get(30, TimeUnit.SECONDS);
        for (ProcessHandle child : children) child.onExit().get(30, TimeUnit.SECONDS);
    }
}
