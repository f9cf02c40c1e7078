package org.orderly.store.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.orderly.exchange.audit.AuditChain;
import org.orderly.exchange.audit.AuditEntry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit log in PostgreSQL: appends are serialised (one transaction-scoped advisory lock) so that
 * the chain never forks, even with several servers on one database; reads and verification stream in
 * sequence order.
 */
public final class AuditStore {
    /** Key of the advisory lock that serialises appends. */
    private static final long APPEND_LOCK = 0x4f52_4445_524c_5941L;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    public AuditStore(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    /** Appends one entry after the last and returns it sealed. */
    public AuditEntry append(String actor, String party, String action, String subject, String detail) {
        return transactions.execute(status -> {
            jdbc.sql("select pg_advisory_xact_lock(?)").param(APPEND_LOCK).query().singleRow();
            List<AuditEntry> last = jdbc.sql("select * from audit_entry order by sequence desc limit 1").query((rs, n) -> entry(rs)).list();
            long sequence = last.isEmpty() ? 1 : last.get(0).sequence() + 1;
            String previous = last.isEmpty() ? AuditChain.GENESIS : last.get(0).hash();
            // Microseconds: what PostgreSQL keeps, so that the hash recomputes from the stored row.
            Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
            AuditEntry entry = AuditChain.seal(sequence, at, actor, party, action, subject, detail, previous);
            jdbc.sql("""
                    insert into audit_entry (sequence, at, actor, party, action, subject, detail, previous_hash, hash)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(entry.sequence(), Timestamp.from(entry.at()), entry.actor(), entry.party(), entry.action(),
                            entry.subject(), entry.detail(), entry.previousHash(), entry.hash())
                    .update();
            return entry;
        });
    }

    /** The latest entries, newest first. */
    public List<AuditEntry> latest(int limit) {
        return jdbc.sql("select * from audit_entry order by sequence desc limit ?").param(limit).query((rs, n) -> entry(rs)).list();
    }

    /** Verifies the whole chain from its first entry. */
    public AuditChain.Verification verify() {
        List<AuditEntry> entries = new ArrayList<>();
        jdbc.sql("select * from audit_entry order by sequence").query(rs -> {
            entries.add(entry(rs));
        });
        return AuditChain.verify(entries);
    }

    private static AuditEntry entry(ResultSet rs) throws SQLException {
        return new AuditEntry(rs.getLong("sequence"), rs.getTimestamp("at").toInstant(), rs.getString("actor"), rs.getString("party"),
                rs.getString("action"), rs.getString("subject"), rs.getString("detail"), rs.getString("previous_hash"), rs.getString("hash"));
    }
}
