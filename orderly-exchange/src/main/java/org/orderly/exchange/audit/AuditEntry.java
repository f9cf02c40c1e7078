package org.orderly.exchange.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * One act on personal data, as the audit log keeps it: who ({@code actor}, acting for {@code party}),
 * when, what ({@code action} on {@code subject}, with {@code detail}), chained to the entry before by
 * {@code previousHash}; {@code hash} seals all of it and {@code signature} (Ed25519, base64, empty when unsigned)
 * proves that Orderly's audit key sealed it. Entries hold no personal data themselves.
 */
public record AuditEntry(
        long sequence,
        Instant at,
        String actor,
        String party,
        String action,
        String subject,
        String detail,
        String previousHash,
        String hash,
        String signature) {

    public AuditEntry {
        if (sequence < 1) throw new IllegalArgumentException("audit sequence starts at 1, was " + sequence);
        Objects.requireNonNull(at, "audit time");
        Objects.requireNonNull(actor, "audit actor");
        Objects.requireNonNull(action, "audit action");
        Objects.requireNonNull(previousHash, "audit previous hash");
        Objects.requireNonNull(hash, "audit hash");
        party = party == null ? "" : party;
        subject = subject == null ? "" : subject;
        detail = detail == null ? "" : detail;
        signature = signature == null ? "" : signature;
    }

    /** An entry not (yet) signed. */
    public AuditEntry(
            long sequence,
            Instant at,
            String actor,
            String party,
            String action,
            String subject,
            String detail,
            String previousHash,
            String hash) {
        this(sequence, at, actor, party, action, subject, detail, previousHash, hash, "");
    }

    /** The same entry with its signature. */
    public AuditEntry signed(String entrySignature) {
        return new AuditEntry(sequence, at, actor, party, action, subject, detail, previousHash, hash, entrySignature);
    }
}
