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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit log in PostgreSQL: appends are serialised (one transaction-scoped advisory lock) so that
 * the chain never forks, even with several servers on one database; each entry is signed with the audit key kept
 * outside the database; signed checkpoints (entry count and head hash) go to a file beside the key; reads and
 * verification stream in sequence order.
 */
public final class AuditStore {
    /** Key of the advisory lock that serialises appends. */
    private static final long APPEND_LOCK = 0x4f52_4445_524c_5941L;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final AuditSigner signer;
    private final CheckpointFile checkpoints;

    public AuditStore(DataSource dataSource, AuditSigner signer, CheckpointFile checkpoints) {
        this.jdbc = JdbcClient.create(dataSource);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.signer = signer;
        this.checkpoints = checkpoints;
    }

    /**
     * The audit log whose key and checkpoints are in {@code directory} (created, with a new key, at first start).
     * Entries written before signing existed are signed now if no checkpoint was ever written and their chain is intact.
     */
    public static AuditStore open(DataSource dataSource, Path directory) {
        AuditStore store = new AuditStore(dataSource, AuditKeys.loadOrCreate(directory), new CheckpointFile(directory.resolve(CheckpointFile.NAME)));
        store.adoptUnsignedEntries();
        return store;
    }

    private void adoptUnsignedEntries() {
        if (checkpoints.latest().isPresent()) return;
        transactions.executeWithoutResult(status -> {
            jdbc.sql("select pg_advisory_xact_lock(?)").param(APPEND_LOCK).query().singleRow();
            if (jdbc.sql("select count(*) from audit_entry where signature <> ''").query(Long.class).single() > 0) return;
            if (jdbc.sql("select count(*) from audit_entry").query(Long.class).single() == 0) return;
            List<AuditEntry> entries = jdbc.sql("select * from audit_entry order by sequence").query((rs, n) -> entry(rs)).list();
            for (AuditEntry entry : signer.adopt(entries)) {
                jdbc.sql("update audit_entry set signature = ? where sequence = ? and signature = ''").params(entry.signature(), entry.sequence()).update();
            }
        });
    }

    /** The public half of the audit key, to publish. */
    public AuditKey publicKey() {
        return signer.publicKey();
    }

    /** Appends one entry after the last and returns it sealed and signed. */
    public AuditEntry append(String actor, String party, String action, String subject, String detail) {
        return transactions.execute(status -> {
            jdbc.sql("select pg_advisory_xact_lock(?)").param(APPEND_LOCK).query().singleRow();
            List<AuditEntry> last = jdbc.sql("select * from audit_entry order by sequence desc limit 1").query((rs, n) -> entry(rs)).list();
            long sequence = last.isEmpty() ? 1 : last.get(0).sequence() + 1;
            String previous = last.isEmpty() ? AuditChain.GENESIS : last.get(0).hash();
            // Microseconds: what PostgreSQL keeps, so that the hash recomputes from the stored row.
            Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
            AuditEntry entry = signer.sign(AuditChain.seal(sequence, at, actor, party, action, subject, detail, previous));
            jdbc.sql("""
                    insert into audit_entry (sequence, at, actor, party, action, subject, detail, previous_hash, hash, signature)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(entry.sequence(), Timestamp.from(entry.at()), entry.actor(), entry.party(), entry.action(),
                            entry.subject(), entry.detail(), entry.previousHash(), entry.hash(), entry.signature())
                    .update();
            return entry;
        });
    }

    /** The latest entries, newest first. */
    public List<AuditEntry> latest(int limit) {
        return jdbc.sql("select * from audit_entry order by sequence desc limit ?").param(limit).query((rs, n) -> entry(rs)).list();
    }

    /** Verifies the whole chain from its first entry: hashes, signatures, and the log against the latest checkpoint. */
    public AuditChain.Verification verify() {
        AuditVerifier verifier = new AuditVerifier(signer.publicKey(), checkpoints.latest().orElse(null));
        streamFrom(1, verifier);
        return verifier.result();
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
        streamFrom(from, verifier);
        AuditChain.Verification verification = verifier.result();
        if (!verification.intact()) throw new IllegalStateException("no audit checkpoint written: " + verification.problem());
        if (last.isPresent() && verification.entries() == last.get().entries()) return Optional.empty();
        AuditCheckpoint checkpoint = signer.sign(new AuditCheckpoint(verification.entries(), verification.lastHash(),
                Instant.now().truncatedTo(ChronoUnit.MILLIS), ""));
        checkpoints.append(checkpoint);
        return Optional.of(checkpoint);
    }

    /** The entry the checkpoint ends with is still there, unchanged. */
    private AuditChain.Verification verifyHead(AuditCheckpoint checkpoint) {
        List<AuditEntry> entries = new ArrayList<>();
        if (checkpoint.entries() > 0) {
            entries.addAll(jdbc.sql("select * from audit_entry where sequence = ?").param(checkpoint.entries()).query((rs, n) -> entry(rs)).list());
        }
        AuditKey key = signer.publicKey();
        if (entries.isEmpty()) return AuditChain.verify(List.of(), key, checkpoint);
        AuditEntry head = entries.get(0);
        boolean same = head.hash().equals(checkpoint.headHash()) && key.signed(head);
        return new AuditChain.Verification(checkpoint.entries(), same, same ? 0 : head.sequence(),
                same ? "" : "entry " + head.sequence() + " is not the one the signed checkpoint of " + checkpoint.at() + " ended with: the log was rewritten",
                head.hash(), checkpoint.entries(), checkpoint.at(), key.fingerprint());
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

    private void streamFrom(long sequence, AuditVerifier verifier) {
        boolean[] going = {true};
        jdbc.sql("select * from audit_entry where sequence >= ? order by sequence").param(sequence).query(rs -> {
            if (going[0]) going[0] = verifier.accept(entry(rs));
        });
    }

    private static AuditEntry entry(ResultSet rs) throws SQLException {
        return new AuditEntry(rs.getLong("sequence"), rs.getTimestamp("at").toInstant(), rs.getString("actor"), rs.getString("party"),
                rs.getString("action"), rs.getString("subject"), rs.getString("detail"), rs.getString("previous_hash"), rs.getString("hash"),
                rs.getString("signature"));
    }
}
