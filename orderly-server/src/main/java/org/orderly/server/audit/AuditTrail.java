package org.orderly.server.audit;

import java.util.function.Function;
import java.util.function.Supplier;
import org.orderly.exchange.audit.AuditEntry;
import org.orderly.server.security.Roles;
import org.orderly.store.audit.AuditStore;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records each act on personal data in the hash-chained audit log, with the signed-in principal and the
 * party it acts for. What is recorded names lists, counts and list entry ids, never the data screened.
 */
@Component
public class AuditTrail {
    private final AuditStore store;
    private final TransactionTemplate transactions;

    public AuditTrail(AuditStore store, TransactionTemplate transactions) {
        this.store = store;
        this.transactions = transactions;
    }

    /** What one act appends to the log. */
    public record Entry(Action action, String subject, String detail) {}

    /**
     * Does {@code act} and appends the entry that describes its result in one transaction (the store's writes and the
     * audit append go through the one DataSource): both are written, or neither, so that no act on personal data is
     * kept without its entry. {@code entry} returns null when the result is nothing to record (a duplicate).
     */
    public <T> T recordWith(Supplier<T> act, Function<T, Entry> entry) {
        return transactions.execute(status -> {
            T result = act.get();
            Entry what = entry.apply(result);
            if (what != null) record(what.action(), what.subject(), what.detail());
            return result;
        });
    }

    /** The kinds of act the log records. */
    public enum Action {
        DOCUMENT_READ,
        SCREENING,
        BORDER_CHECK,
        EMRTD_VERIFICATION,
        CROSSINGS,
        READMISSION,
        MANIFEST_INGESTED,
        MANIFEST_READ,
        PASSENGER_TRANSFER,
        TRANSFER_REFUSED,
        TRANSFER_READ,
        DATA_SUBJECT_REPORT,
        RETENTION
    }

    public AuditEntry record(Action action, String subject, String detail) {
        Authentication principal = SecurityContextHolder.getContext().getAuthentication();
        String actor = principal == null ? "anonymous" : principal.getName();
        return store.append(actor, party(principal), action.name(), subject, detail);
    }

    private static String party(Authentication principal) {
        String party = Roles.party(principal);
        return party == null ? "" : party;
    }
}
