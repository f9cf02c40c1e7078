package org.orderly.exchange.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The hash chain of the audit log: each entry's hash is SHA-256 over its sequence, time, actor, party,
 * action, subject, detail and the previous entry's hash, so that changing, removing or reordering any
 * entry breaks every hash after it. Anyone holding the entries can verify them offline.
 */
public final class AuditChain {
    /** The previous hash of the first entry. */
    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    /** Seals a new entry after {@code previousHash}. */
    public static AuditEntry seal(long sequence, Instant at, String actor, String party, String action, String subject,
                                  String detail, String previousHash) {
        String hash = hash(sequence, at, actor, party, action, subject, detail, previousHash);
        return new AuditEntry(sequence, at, actor, party, action, subject, detail, previousHash, hash);
    }

    static String hash(long sequence, Instant at, String actor, String party, String action, String subject,
                       String detail, String previousHash) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            // Length-prefixed fields, so that no two different entries share a canonical text.
            for (String field : new String[] {Long.toString(sequence), at.toString(), actor, nullToEmpty(party), action,
                    nullToEmpty(subject), nullToEmpty(detail), previousHash}) {
                byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
                digest.update((bytes.length + ":").getBytes(StandardCharsets.UTF_8));
                digest.update(bytes);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    /** The outcome of a verification: how many entries hold, and the first that does not, with why. */
    public record Verification(long entries, boolean intact, long firstBrokenSequence, String problem, String lastHash) {
    }

    /** Verifies entries given in sequence order, from the first. */
    public static Verification verify(Iterable<AuditEntry> entries) {
        String previous = GENESIS;
        long expected = 1;
        long count = 0;
        for (AuditEntry entry : entries) {
            if (entry.sequence() != expected) {
                return new Verification(count, false, entry.sequence(), "entry " + expected + " is missing (found " + entry.sequence() + ")", previous);
            }
            if (!entry.previousHash().equals(previous)) {
                return new Verification(count, false, entry.sequence(), "entry " + entry.sequence() + " does not follow the entry before it", previous);
            }
            String recomputed = hash(entry.sequence(), entry.at(), entry.actor(), entry.party(), entry.action(), entry.subject(),
                    entry.detail(), entry.previousHash());
            if (!recomputed.equals(entry.hash())) {
                return new Verification(count, false, entry.sequence(), "entry " + entry.sequence() + " was changed after it was written", previous);
            }
            previous = entry.hash();
            expected++;
            count++;
        }
        return new Verification(count, true, 0, "", previous);
    }
}
