package org.orderly.store.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.orderly.exchange.audit.AuditChain;
import org.orderly.exchange.audit.AuditCheckpoint;
import org.orderly.exchange.audit.AuditEntry;
import org.orderly.exchange.audit.AuditExport;
import org.orderly.exchange.audit.AuditKey;
import org.orderly.exchange.audit.AuditSigner;
import org.orderly.exchange.audit.AuditVerifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit log in PostgreSQL: appends are serialised (one transaction-scoped advisory lock) so that
 * the chain never forks, even with several servers on one database; each entry is signed with the audit key kept
 * outside the database; signed checkpoints (entry count and head hash) go to a file beside the key, and so does the
 * high-water mark ({@link AuditHighWater}: the last entry ever appended, forced to disk before an append returns),
 * which guards the entries after the latest checkpoint; reads and verification stream in sequence order.
 */
public final class AuditStore {
    private static final Logger log = LoggerFactory.getLogger(AuditStore.class);
    /** Key of the advisory lock that serialises appends. */
    private static final long APPEND_LOCK = 0x4f52_4445_524c_5941L;

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    /** For a batch of entries in one round trip (JdbcClient has no batch). */
    private final org.springframework.jdbc.core.JdbcTemplate batch;

    private final TransactionTemplate transactions;
    private final AuditSigner signer;
    private final CheckpointFile checkpoints;
    private final AuditHighWater highWater;
    /** The time entries and checkpoints are stamped with: the server's or the command line's one clock. */
    private final java.time.Clock clock;
    /** Whether this process has checkpointed what an earlier run left unsigned (a kill writes no shutdown checkpoint). */
    private volatile boolean checkpointedBeforeFirstAppend;

    public AuditStore(
            DataSource dataSource,
            AuditSigner signer,
            CheckpointFile checkpoints,
            AuditHighWater highWater,
            java.time.Clock clock) {
        this.dataSource = dataSource;
        this.clock = java.util.Objects.requireNonNull(clock, "clock");
        this.jdbc = JdbcClient.create(dataSource);
        this.batch = new org.springframework.jdbc.core.JdbcTemplate(dataSource);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.signer = signer;
        this.checkpoints = checkpoints;
        this.highWater = highWater;
    }

    /**
     * The audit log whose key, checkpoints and high-water mark are in {@code directory} (created, with a new key, at
     * first start). Entries written before signing existed are signed now if no checkpoint was ever written and their
     * chain is intact; a log without a high-water mark yet (an earlier Orderly's) gets one at its last entry.
     */
    public static AuditStore open(DataSource dataSource, Path directory, java.time.Clock clock) {
        AuditStore store = new AuditStore(
                dataSource,
                AuditKeys.loadOrCreate(directory),
                new CheckpointFile(directory.resolve(CheckpointFile.NAME)),
                new AuditHighWater(directory.resolve(AuditHighWater.NAME)),
                clock);
        store.adoptUnsignedEntries();
        store.markTheLastEntryOfAnEarlierOrderly();
        return store;
    }

    private void markTheLastEntryOfAnEarlierOrderly() {
        if (highWater.read().isPresent()) return;
        latest(1).forEach(last -> highWater.raise(last.sequence(), last.hash()));
    }

    private void adoptUnsignedEntries() {
        if (checkpoints.latest().isPresent()) return;
        transactions.executeWithoutResult(status -> {
            jdbc.sql("select pg_advisory_xact_lock(?)")
                    .param(APPEND_LOCK)
                    .query()
                    .singleRow();
            if (jdbc.sql("select count(*) from audit_entry where signature <> ''")
                            .query(Long.class)
                            .single()
                    > 0) return;
            if (jdbc.sql("select count(*) from audit_entry").query(Long.class).single() == 0) return;
            List<AuditEntry> entries = jdbc.sql("select * from audit_entry order by sequence")
                    .query((rs, n) -> entry(rs))
                    .list();
            for (AuditEntry entry : signer.adopt(entries)) {
                jdbc.sql("update audit_entry set signature = ? where sequence = ? and signature = ''")
                        .params(entry.signature(), entry.sequence())
                        .update();
            }
        });
    }

    /**
     * The DataSource the log writes through: a store that writes an act and its entry in one transaction uses this one,
     * so that both share one connection.
     */
    public DataSource dataSource() {
        return dataSource;
    }

    /** The clock its entries are stamped with, so that a store writing beside it records the same time (the quota ledger). */
    public java.time.Clock clock() {
        return clock;
    }

    /** The public half of the audit key, to publish. */
    public AuditKey publicKey() {
        return signer.publicKey();
    }

    /**
     * Appends one entry after the last and returns it sealed and signed, once it is committed and the high-water mark
     * counts it (inside a caller's transaction: written with it, and counted once it commits). When the log ends before the mark (its tail was deleted), the entry is numbered after the mark, so that
     * the gap stays in the log for every verification to name.
     */
    public AuditEntry append(String actor, String party, String action, String subject, String detail) {
        return appendAll(List.of(new Act(actor, party, action, subject, detail)))
                .get(0);
    }

    /** One act to audit: who, for which party, what, on what, and the details. */
    public record Act(String actor, String party, String action, String subject, String detail) {}

    /**
     * Appends the acts in order, each its own entry after the one before, in one statement batch; as {@link #append}
     * otherwise (inside a caller's transaction: written with it, the high-water mark raised once, when it commits).
     */
    public List<AuditEntry> appendAll(List<Act> acts) {
        if (acts.isEmpty()) return List.of();
        checkpointBeforeFirstAppend();
        List<AuditEntry> appended = transactions.execute(status -> {
            LastInTransaction earlier = TransactionSynchronizationManager.isSynchronizationActive()
                    ? (LastInTransaction) TransactionSynchronizationManager.getResource(this)
                    : null;
            if (earlier != null && earlier.entry != null) {
                // This transaction appended before and holds the append lock until it ends: its last entry is the log's
                // last.
                return insert(earlier.entry.sequence() + 1, acts, earlier.entry.hash());
            }
            jdbc.sql("select pg_advisory_xact_lock(?)")
                    .param(APPEND_LOCK)
                    .query()
                    .singleRow();
            List<AuditEntry> last = jdbc.sql("select * from audit_entry order by sequence desc limit 1")
                    .query((rs, n) -> entry(rs))
                    .list();
            long sequence = last.isEmpty() ? 1 : last.get(0).sequence() + 1;
            Optional<AuditHighWater.Mark> mark = highWater.read();
            if (mark.isPresent() && mark.get().sequence() >= sequence) {
                log.error(
                        "AUDIT LOG CUT: it ends at entry {}, but Orderly appended up to entry {} (high-water mark {}): entries {} to {} "
                                + "were deleted. The new entry is numbered {}, after the gap.",
                        sequence - 1,
                        mark.get().sequence(),
                        highWater.path(),
                        sequence,
                        mark.get().sequence(),
                        mark.get().sequence() + 1);
                sequence = mark.get().sequence() + 1;
            }
            return insert(
                    sequence,
                    acts,
                    last.isEmpty() ? AuditChain.GENESIS : last.get(0).hash());
        });
        AuditEntry newest = appended.get(appended.size() - 1);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            // Appended inside a caller's transaction (an act and its entry in one): the entry exists once that commits,
            // and the mark must not count an entry a rollback takes away. Many entries in one transaction (acts decided
            // together) raise the mark once, to the last of them: one write and one flush for the commit.
            LastInTransaction last = (LastInTransaction) TransactionSynchronizationManager.getResource(this);
            if (last == null) {
                LastInTransaction mark = new LastInTransaction();
                TransactionSynchronizationManager.bindResource(this, mark);
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        highWater.raise(mark.entry.sequence(), mark.entry.hash());
                    }

                    @Override
                    public void afterCompletion(int status) {
                        TransactionSynchronizationManager.unbindResourceIfPossible(AuditStore.this);
                    }
                });
                last = mark;
            }
            last.entry = newest;
        } else {
            highWater.raise(newest.sequence(), newest.hash());
        }
        return appended;
    }

    /** Seals, signs and inserts the acts as entries from {@code sequence} on, after {@code previous}; the caller holds the append lock. */
    private List<AuditEntry> insert(long sequence, List<Act> acts, String previous) {
        // Microseconds: what PostgreSQL keeps, so that the hash recomputes from the stored row.
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<AuditEntry> entries = new ArrayList<>(acts.size());
        String before = previous;
        for (Act act : acts) {
            AuditEntry entry = signer.sign(AuditChain.seal(
                    sequence + entries.size(),
                    at,
                    act.actor(),
                    act.party(),
                    act.action(),
                    act.subject(),
                    act.detail(),
                    before));
            entries.add(entry);
            before = entry.hash();
        }
        batch.batchUpdate(
                """
                insert into audit_entry (sequence, at, actor, party, action, subject, detail, previous_hash, hash, signature)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                entries.stream()
                        .map(e -> new Object[] {
                            e.sequence(),
                            Timestamp.from(e.at()),
                            e.actor(),
                            e.party(),
                            e.action(),
                            e.subject(),
                            e.detail(),
                            e.previousHash(),
                            e.hash(),
                            e.signature()
                        })
                        .toList());
        return entries;
    }

    /** The last entry a transaction appended: the next append's predecessor, and the high-water mark once it commits. */
    private static final class LastInTransaction {
        private AuditEntry entry;
    }

    /**
     * Signs, before this process appends anything, the entries an earlier run appended after its last checkpoint (after a
     * kill there was no shutdown checkpoint). A refusal is logged, not thrown: the acts being audited go on, and every
     * checkpoint and verification after it names the problem.
     */
    private void checkpointBeforeFirstAppend() {
        if (checkpointedBeforeFirstAppend) return;
        synchronized (this) {
            if (checkpointedBeforeFirstAppend) return;
            try {
                boolean empty = jdbc.sql("select count(*) from audit_entry")
                                .query(Long.class)
                                .single()
                        == 0;
                if (!(empty && checkpoints.latest().isEmpty())) checkpoint();
            } catch (RuntimeException e) {
                log.error("Audit checkpoint at start-up not written: {}", e.getMessage());
            }
            checkpointedBeforeFirstAppend = true;
        }
    }

    /** The latest entries, newest first. */
    public List<AuditEntry> latest(int limit) {
        return jdbc.sql("select * from audit_entry order by sequence desc limit ?")
                .param(limit)
                .query((rs, n) -> entry(rs))
                .list();
    }

    /** Verifies the whole chain from its first entry: hashes, signatures, and the log against the latest checkpoint. */
    public AuditChain.Verification verify() {
        Optional<AuditHighWater.Mark> mark = highWater.read();
        Optional<AuditCheckpoint> latest = checkpoints.latest();
        AuditVerifier verifier = new AuditVerifier(signer.publicKey(), latest.orElse(null));
        String hashAtMark = streamFrom(1, verifier, mark);
        return againstHighWater(verifier.result(), mark, hashAtMark, latest);
    }

    /** Every checkpoint written, oldest first. */
    public List<AuditCheckpoint> checkpoints() {
        return checkpoints.all();
    }

    /**
     * Writes a signed checkpoint of the log as it is now, when it grew since the last one, after checking the entries
     * since that one (so that a checkpoint never blesses a log cut short or rewritten).
     *
     * @return the checkpoint written, or empty when nothing was added since the last
     * @throws IllegalStateException naming what is wrong when the log no longer matches the last checkpoint
     */
    public synchronized Optional<AuditCheckpoint> checkpoint() {
        Optional<AuditCheckpoint> last = checkpoints.latest();
        Optional<AuditHighWater.Mark> mark = highWater.read();
        AuditKey key = signer.publicKey();
        AuditVerifier verifier;
        long from;
        if (last.isPresent()) {
            AuditChain.Verification head = verifyHead(last.get());
            if (!head.intact()) throw new IllegalStateException("no audit checkpoint written: " + head.problem());
            verifier = AuditVerifier.after(key, last.get());
            from = last.get().entries() + 1;
        } else {
            verifier = new AuditVerifier(key, null);
            from = 1;
        }
        String hashAtMark = streamFrom(from, verifier, mark);
        AuditChain.Verification verification = againstHighWater(verifier.result(), mark, hashAtMark, last);
        if (!verification.intact())
            throw new IllegalStateException("no audit checkpoint written: " + verification.problem());
        if (last.isPresent() && verification.entries() == last.get().entries()) return Optional.empty();
        AuditCheckpoint checkpoint = signer.sign(new AuditCheckpoint(
                verification.entries(), verification.lastHash(), clock.instant().truncatedTo(ChronoUnit.MILLIS), ""));
        checkpoints.append(checkpoint);
        return Optional.of(checkpoint);
    }

    /** The entry the checkpoint ends with is still there, unchanged. */
    private AuditChain.Verification verifyHead(AuditCheckpoint checkpoint) {
        List<AuditEntry> entries = new ArrayList<>();
        if (checkpoint.entries() > 0) {
            entries.addAll(jdbc.sql("select * from audit_entry where sequence = ?")
                    .param(checkpoint.entries())
                    .query((rs, n) -> entry(rs))
                    .list());
        }
        AuditKey key = signer.publicKey();
        if (entries.isEmpty()) return AuditChain.verify(List.of(), key, checkpoint);
        AuditEntry head = entries.get(0);
        boolean same = head.hash().equals(checkpoint.headHash()) && key.signed(head);
        return new AuditChain.Verification(
                checkpoint.entries(),
                same,
                same ? 0 : head.sequence(),
                same
                        ? ""
                        : "entry " + head.sequence() + " is not the one the signed checkpoint of " + checkpoint.at()
                                + " ended with: the log was rewritten",
                head.hash(),
                checkpoint.entries(),
                checkpoint.at(),
                key.fingerprint());
    }

    /** Writes the whole log and its checkpoints in the export format ({@link AuditExport}). */
    public void export(Writer out) {
        try {
            AuditExport.writeHeader(out);
            IOException[] failure = new IOException[1];
            jdbc.sql("select * from audit_entry order by sequence").query(rs -> {
                if (failure[0] != null) return;
                try {
                    AuditExport.write(out, entry(rs));
                } catch (IOException e) {
                    failure[0] = e;
                }
            });
            if (failure[0] != null) throw failure[0];
            for (AuditCheckpoint checkpoint : checkpoints.all()) AuditExport.write(out, checkpoint);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the audit export: " + e.getMessage(), e);
        }
    }

    /** Streams the entries from {@code sequence} through the verifier; the hash of the entry at the mark, when seen. */
    private String streamFrom(long sequence, AuditVerifier verifier, Optional<AuditHighWater.Mark> mark) {
        boolean[] going = {true};
        long watched = mark.map(AuditHighWater.Mark::sequence).orElse(-1L);
        String[] hashAtMark = {null};
        jdbc.sql("select * from audit_entry where sequence >= ? order by sequence")
                .param(sequence)
                .query(rs -> {
                    if (!going[0]) return;
                    AuditEntry entry = entry(rs);
                    if (entry.sequence() == watched) hashAtMark[0] = entry.hash();
                    going[0] = verifier.accept(entry);
                });
        return hashAtMark[0];
    }

    /**
     * The verification, broken when the log ends before the high-water mark (its tail was deleted, perhaps after the last
     * signed checkpoint) or holds another entry at the mark's sequence.
     */
    private AuditChain.Verification againstHighWater(
            AuditChain.Verification verification,
            Optional<AuditHighWater.Mark> mark,
            String hashAtMark,
            Optional<AuditCheckpoint> latest) {
        if (!verification.intact() || mark.isEmpty()) return verification;
        long highest = mark.get().sequence();
        long entries = verification.entries();
        String where = "Orderly appended up to entry " + highest + " (the high-water mark in " + highWater.path() + ")";
        String problem;
        long broken;
        if (entries < highest) {
            broken = entries + 1;
            problem = entries == 0
                    ? "the log is empty, but " + where + ": every entry was deleted"
                    : (highest - entries == 1
                                    ? "entry " + highest + " is missing"
                                    : "entries " + (entries + 1) + " to " + highest + " are missing")
                            + ": " + where + ", the log ends at " + entries + " (its tail was deleted"
                            + latest.map(c -> " after the signed checkpoint of " + c.at() + ", which counts "
                                            + c.entries() + " entries)")
                                    .orElse(")");
        } else if (hashAtMark != null && !hashAtMark.equals(mark.get().hash())) {
            broken = highest;
            problem = "entry " + highest + " is not the one Orderly appended (" + where
                    + " holds another hash): the log was cut and " + "written again";
        } else {
            return verification;
        }
        return new AuditChain.Verification(
                entries,
                false,
                broken,
                problem,
                verification.lastHash(),
                verification.checkpointEntries(),
                verification.checkpointAt(),
                verification.keyFingerprint());
    }

    private static AuditEntry entry(ResultSet rs) throws SQLException {
        return new AuditEntry(
                rs.getLong("sequence"),
                rs.getTimestamp("at").toInstant(),
                rs.getString("actor"),
                rs.getString("party"),
                rs.getString("action"),
                rs.getString("subject"),
                rs.getString("detail"),
                rs.getString("previous_hash"),
                rs.getString("hash"),
                rs.getString("signature"));
    }
}
