package org.orderly.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orderly.exchange.audit.AuditChain;
import org.orderly.exchange.audit.AuditCheckpoint;
import org.orderly.exchange.audit.AuditEntry;
import org.orderly.exchange.audit.AuditExport;
import org.orderly.exchange.audit.AuditKey;
import org.orderly.store.audit.AuditKeys;
import org.orderly.store.audit.AuditStore;
import org.springframework.jdbc.core.simple.JdbcClient;

class AuditStoreTest {
    @TempDir
    Path keys;

    AuditStore audit;
    JdbcClient jdbc;

    @BeforeEach
    void emptyLog() {
        jdbc = JdbcClient.create(TestDatabase.get().dataSource());
        jdbc.sql("truncate audit_entry").update();
        audit = AuditStore.open(TestDatabase.get().dataSource(), keys, java.time.Clock.systemUTC());
    }

    private void append(int count) {
        for (int i = 1; i <= count; i++) audit.append("officer", "DEU", "SCREENING", "list", "hits: " + i);
    }

    /**
     * An entry appended inside a caller's transaction (an act and its entry in one) that then rolls back is gone, and the
     * high-water mark does not count it: the log is intact and the next entry follows the last committed one.
     */
    @Test
    void anEntryOfATransactionThatRollsBackIsNotCountedByTheHighWaterMark() {
        append(2);
        var transactions = new org.springframework.transaction.support.TransactionTemplate(
                new org.springframework.jdbc.datasource.DataSourceTransactionManager(
                        TestDatabase.get().dataSource()));
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
                    audit.append("officer", "DEU", "PASSENGER_TRANSFER", "manifest:1", "transfer 9 to FRA");
                    throw new IllegalStateException("the act fails after its entry");
                }))
                .hasMessage("the act fails after its entry");
        assertThat(audit.verify().intact()).as(audit.verify().problem()).isTrue();
        assertThat(audit.append("officer", "DEU", "SCREENING", "list", "hits: 3")
                        .sequence())
                .isEqualTo(3);
        assertThat(audit.verify().intact()).as(audit.verify().problem()).isTrue();
    }

    @Test
    void appendedEntriesChainSignAndVerify() throws Exception {
        AuditEntry first = audit.append("officer", "DEU", "SCREENING", "wanted-persons", "hits: 1");
        AuditEntry second = audit.append("officer", "DEU", "BORDER_CHECK", "wanted-persons", "hits: 0");
        assertThat(first.previousHash()).isEqualTo(AuditChain.GENESIS);
        assertThat(second.previousHash()).isEqualTo(first.hash());
        assertThat(audit.publicKey().signed(second)).isTrue();
        AuditChain.Verification verification = audit.verify();
        assertThat(verification.intact()).isTrue();
        assertThat(verification.entries()).isEqualTo(2);
        assertThat(verification.checkpointEntries()).as("no checkpoint yet").isEqualTo(-1);
        assertThat(audit.latest(1))
                .singleElement()
                .extracting(AuditEntry::sequence)
                .isEqualTo(2L);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.resolve(AuditKeys.PRIVATE_KEY))))
                .isEqualTo("rw-------");
        assertThat(AuditKey.parse(Files.readString(keys.resolve(AuditKeys.PUBLIC_KEY)))
                        .fingerprint())
                .isEqualTo(audit.publicKey().fingerprint());
        assertThat(AuditStore.open(TestDatabase.get().dataSource(), keys, java.time.Clock.systemUTC())
                        .publicKey()
                        .fingerprint())
                .as("the same key after a restart")
                .isEqualTo(audit.publicKey().fingerprint());
    }

    @Test
    void concurrentAppendsNeverForkTheChain() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<AuditEntry>> futures = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            int n = i;
            futures.add(pool.submit(() -> audit.append("officer-" + n, "DEU", "SCREENING", "list", "")));
        }
        List<Long> sequences = new ArrayList<>();
        for (Future<AuditEntry> f : futures) sequences.add(f.get().sequence());
        pool.shutdown();
        Collections.sort(sequences);
        assertThat(sequences).hasSize(40).doesNotHaveDuplicates().startsWith(1L).endsWith(40L);
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void anEntryChangedInTheDatabaseIsFound() {
        append(3);
        jdbc.sql("update audit_entry set detail = 'hits: 0' where sequence = 2").update();
        AuditChain.Verification verification = audit.verify();
        assertThat(verification.intact()).isFalse();
        assertThat(verification.firstBrokenSequence()).isEqualTo(2);
    }

    @Test
    void checkpointsAreWrittenWhenTheLogGrewAndCountItsEntries() {
        assertThat(audit.checkpoint())
                .as("an empty log gets a checkpoint of 0 entries")
                .hasValueSatisfying(c -> assertThat(c.entries()).isZero());
        append(3);
        AuditCheckpoint checkpoint = audit.checkpoint().orElseThrow();
        assertThat(checkpoint.entries()).isEqualTo(3);
        assertThat(checkpoint.headHash()).isEqualTo(audit.latest(1).get(0).hash());
        assertThat(audit.publicKey().signed(checkpoint)).isTrue();
        assertThat(audit.checkpoint()).as("nothing new, no checkpoint").isEmpty();
        append(1);
        assertThat(audit.checkpoint())
                .hasValueSatisfying(c -> assertThat(c.entries()).isEqualTo(4));
        assertThat(audit.checkpoints()).extracting(AuditCheckpoint::entries).containsExactly(0L, 3L, 4L);
        assertThat(audit.verify().checkpointEntries()).isEqualTo(4);
    }

    @Test
    void findsATruncationAndRefusesToCheckpointIt() {
        append(10);
        audit.checkpoint();
        jdbc.sql("delete from audit_entry where sequence > 6").update();
        AuditChain.Verification verification = audit.verify();
        assertThat(verification.intact()).isFalse();
        assertThat(verification.problem())
                .startsWith("entries 7 to 10 are missing")
                .contains("(truncated)");
        assertThatThrownBy(audit::checkpoint).hasMessageContaining("no audit checkpoint written");
        assertThat(audit.checkpoints()).hasSize(1);
    }

    @Test
    void refusesToCheckpointALogWhoseTailWasDeletedAfterTheLastCheckpointAndNamesIt() {
        append(6);
        AuditCheckpoint signed = audit.checkpoint().orElseThrow();
        append(4);
        // Someone with the database's password deletes the entries no checkpoint counts yet.
        jdbc.sql("delete from audit_entry where sequence > 6").update();
        String named = "entries 7 to 10 are missing: Orderly appended up to entry 10 (the high-water mark in "
                + keys.resolve("audit-high-water")
                + "), the log ends at 6 (its tail was deleted after the signed checkpoint of "
                + signed.at() + ", which counts 6 entries)";
        assertThatThrownBy(audit::checkpoint)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("no audit checkpoint written: " + named);
        assertThat(audit.checkpoints()).as("the shortened log is not signed").hasSize(1);
        AuditChain.Verification verification = AuditStore.open(
                        TestDatabase.get().dataSource(), keys, java.time.Clock.systemUTC())
                .verify();
        assertThat(verification.intact()).as("after a restart too").isFalse();
        assertThat(verification.firstBrokenSequence()).isEqualTo(7);
        assertThat(verification.problem()).isEqualTo(named);

        // Appending goes on after the gap, so the log itself keeps showing it.
        assertThat(audit.append("officer", "DEU", "SCREENING", "list", "after the cut")
                        .sequence())
                .isEqualTo(11);
        assertThat(audit.verify().problem()).isEqualTo("entries 7 to 10 are missing (the next entry found is 11)");
        assertThatThrownBy(audit::checkpoint).hasMessageContaining("entries 7 to 10 are missing");
    }

    @Test
    void refusesToSignTheFirstCheckpointOfALogCutBeforeAnyCheckpoint() {
        append(5);
        jdbc.sql("delete from audit_entry where sequence >= 4").update();
        assertThatThrownBy(audit::checkpoint)
                .hasMessage("no audit checkpoint written: entries 4 to 5 are missing: Orderly appended up "
                        + "to entry 5 (the high-water mark in " + keys.resolve("audit-high-water")
                        + "), the log ends at 3 (its tail was deleted)");
        assertThat(audit.checkpoints()).isEmpty();
        jdbc.sql("delete from audit_entry").update();
        assertThat(audit.verify().problem())
                .isEqualTo("the log is empty, but Orderly appended up to entry 5 (the high-water mark in "
                        + keys.resolve("audit-high-water") + "): every entry was deleted");
    }

    @Test
    void checkpointsWhatAnEarlierRunLeftUnsignedBeforeItsFirstAppend() {
        append(3);
        assertThat(audit.checkpoints())
                .as("a killed run writes no shutdown checkpoint")
                .isEmpty();
        AuditStore restarted = AuditStore.open(TestDatabase.get().dataSource(), keys, java.time.Clock.systemUTC());
        restarted.append("officer", "DEU", "SCREENING", "list", "first of the new run");
        assertThat(restarted.checkpoints())
                .extracting(AuditCheckpoint::entries)
                .as("signed before the new run appended")
                .containsExactly(3L);
    }

    @Test
    void findsTheDeletionOfEverything() {
        append(5);
        audit.checkpoint();
        jdbc.sql("delete from audit_entry").update();
        AuditChain.Verification verification = audit.verify();
        assertThat(verification.intact()).isFalse();
        assertThat(verification.problem())
                .startsWith("the log is empty")
                .endsWith("counts 5 entries: every entry was deleted");
        assertThat(AuditStore.open(TestDatabase.get().dataSource(), keys, java.time.Clock.systemUTC())
                        .verify()
                        .intact())
                .as("a restart does not adopt anything over a checkpoint")
                .isFalse();
    }

    @Test
    void findsARewriteWithRecomputedHashes() {
        append(6);
        audit.checkpoint();
        // Someone with write access to the database rewrites entry 3 and recomputes every hash after it.
        List<AuditEntry> entries = new ArrayList<>(audit.latest(100));
        Collections.reverse(entries);
        String previous = entries.get(1).hash();
        for (AuditEntry e : entries.subList(2, 6)) {
            AuditEntry rewritten = AuditChain.seal(
                    e.sequence(),
                    e.at(),
                    e.actor(),
                    e.party(),
                    e.action(),
                    e.subject(),
                    e.sequence() == 3 ? "hits: 0" : e.detail(),
                    previous);
            jdbc.sql("update audit_entry set detail = ?, previous_hash = ?, hash = ? where sequence = ?")
                    .params(rewritten.detail(), rewritten.previousHash(), rewritten.hash(), rewritten.sequence())
                    .update();
            previous = rewritten.hash();
        }
        AuditChain.Verification verification = audit.verify();
        assertThat(verification.intact()).isFalse();
        assertThat(verification.firstBrokenSequence()).isEqualTo(3);
        assertThat(verification.problem()).contains("entry 3's signature does not match the audit key");
    }

    @Test
    void findsAForgedAppend() {
        append(4);
        audit.checkpoint();
        AuditEntry last = audit.latest(1).get(0);
        AuditEntry forged = AuditChain.seal(
                5, last.at().plusSeconds(1), "forger", "DEU", "SCREENING", "list", "hits: 0", last.hash());
        jdbc.sql(
                        "insert into audit_entry (sequence, at, actor, party, action, subject, detail, previous_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        forged.sequence(),
                        Timestamp.from(forged.at()),
                        forged.actor(),
                        forged.party(),
                        forged.action(),
                        forged.subject(),
                        forged.detail(),
                        forged.previousHash(),
                        forged.hash())
                .update();
        AuditChain.Verification verification = audit.verify();
        assertThat(verification.intact()).isFalse();
        assertThat(verification.firstBrokenSequence()).isEqualTo(5);
        assertThat(verification.problem())
                .isEqualTo(
                        "entry 5 carries no signature: it was not written by Orderly (forged append after the checkpoint)");
        assertThatThrownBy(audit::checkpoint).hasMessageContaining("entry 5 carries no signature");
    }

    @Test
    void signsTheEntriesOfAnEarlierOrderlyOnceWhenTheirChainIsIntact() {
        String previous = AuditChain.GENESIS;
        for (int i = 1; i <= 3; i++) {
            AuditEntry old = AuditChain.seal(
                    i,
                    java.time.Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i),
                    "officer",
                    "DEU",
                    "SCREENING",
                    "list",
                    "",
                    previous);
            jdbc.sql(
                            "insert into audit_entry (sequence, at, actor, party, action, subject, detail, previous_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(
                            old.sequence(),
                            Timestamp.from(old.at()),
                            old.actor(),
                            old.party(),
                            old.action(),
                            old.subject(),
                            old.detail(),
                            old.previousHash(),
                            old.hash())
                    .update();
            previous = old.hash();
        }
        assertThat(audit.verify().problem()).contains("entry 1 carries no signature");
        AuditStore adopted = AuditStore.open(TestDatabase.get().dataSource(), keys, java.time.Clock.systemUTC());
        assertThat(adopted.verify().intact()).isTrue();
        assertThat(adopted.append("officer", "DEU", "SCREENING", "list", "").sequence())
                .isEqualTo(4);
        assertThat(adopted.verify().intact()).isTrue();
    }

    @Test
    void anExportVerifiesOfflineWithThePublishedKeyAndShowsATruncatedExport() {
        append(5);
        audit.checkpoint();
        StringWriter out = new StringWriter();
        audit.export(out);
        AuditKey published = AuditKey.parse(audit.publicKey().pem());
        AuditExport export = AuditExport.read(new StringReader(out.toString()));
        assertThat(export.entries()).hasSize(5);
        assertThat(export.verify(published, List.of()).intact()).isTrue();

        String withoutTail = out.toString().replaceFirst("entry\t5\t[^\n]*\n", "");
        assertThat(AuditExport.read(new StringReader(withoutTail))
                        .verify(published, List.of())
                        .problem())
                .isEqualTo("entry 5 is missing: the signed checkpoint of "
                        + audit.checkpoints().get(0).at() + " counts 5 entries, the log ends at 4 (truncated)");
    }
}
