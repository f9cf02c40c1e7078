package org.orderly.exchange.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The hash chain of the audit log: each entry's hash is SHA-256 over its sequence, time, actor, party,
 * action, subject, detail and the previous entry's hash, so that changing, removing or reordering any
 * entry breaks every hash after it. Each entry is signed with the audit key, and signed checkpoints kept
 * outside the database say how long the log was: together they reveal a rewrite with recomputed hashes,
 * a forged append, a truncation or the deletion of everything. Anyone holding the entries, a checkpoint and
 * the public key can verify them offline.
 */
public final class AuditChain {
    /** The previous hash of the first entry. */
    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {}

    /** Seals a new entry after {@code previousHash} (unsigned: {@link AuditSigner#sign(AuditEntry)} signs it). */
    public static AuditEntry seal(
            long sequence,
            Instant at,
            String actor,
            String party,
            String action,
            String subject,
            String detail,
            String previousHash) {
        String hash = hash(sequence, at, actor, party, action, subject, detail, previousHash);
        return new AuditEntry(sequence, at, actor, party, action, subject, detail, previousHash, hash);
    }

    static String hash(
            long sequence,
            Instant at,
            String actor,
            String party,
            String action,
            String subject,
            String detail,
            String previousHash) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            // Length-prefixed fields, so that no two different entries share a canonical text.
            for (String field : new String[] {
                Long.toString(sequence),
                at.toString(),
                actor,
                nullToEmpty(party),
                action,
                nullToEmpty(subject),
                nullToEmpty(detail),
                previousHash
            }) {
                byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
                digest.update((bytes.length + ":").getBytes(StandardCharsets.UTF_8));
                digest.update(bytes);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /** Whether the entry's hash is the hash of its contents. */
    static boolean sealed(AuditEntry entry) {
        return hash(
                        entry.sequence(),
                        entry.at(),
                        entry.actor(),
                        entry.party(),
                        entry.action(),
                        entry.subject(),
                        entry.detail(),
                        entry.previousHash())
                .equals(entry.hash());
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    /**
     * The outcome of a verification: how many entries hold, and the first that does not, with what is missing or
     * forged; the checkpoint it was checked against ({@code checkpointEntries} -1 when there was none) and the
     * fingerprint of the key that checked the signatures.
     */
    public record Verification(
            long entries,
            boolean intact,
            long firstBrokenSequence,
            String problem,
            String lastHash,
            long checkpointEntries,
            Instant checkpointAt,
            String keyFingerprint) {}

    /** Verifies entries given in sequence order, from the first, against the key and the latest checkpoint (or null). */
    public static Verification verify(Iterable<AuditEntry> entries, AuditKey key, AuditCheckpoint latest) {
        AuditVerifier verifier = new AuditVerifier(key, latest);
        for (AuditEntry entry : entries) {
            if (!verifier.accept(entry)) break;
        }
        return verifier.result();
    }
}
