package org.orderly.server.audit;

import org.orderly.exchange.audit.AuditEntry;
import org.orderly.store.audit.AuditStore;
import org.springframework.security.core.Authentication;
import org.orderly.server.security.Roles;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Records each act on personal data in the hash-chained audit log, with the signed-in principal and the
 * party it acts for. What is recorded names lists, counts and list entry ids, never the data screened.
 */
@Component
public class AuditTrail {
    private final AuditStore store;

    public AuditTrail(AuditStore store) {
        this.store = store;
    }

    /** The kinds of act the log records. */
    public enum Action { DOCUMENT_READ, SCREENING, BORDER_CHECK, EMRTD_VERIFICATION, CROSSINGS, READMISSION,
        MANIFEST_INGESTED, MANIFEST_READ, PASSENGER_TRANSFER, TRANSFER_REFUSED, TRANSFER_READ, DATA_SUBJECT_REPORT, RETENTION }

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
