package org.orderly.exchange.audit;

/**
 * Checks audit entries one at a time, in sequence order (so that a long log streams through it): the chain, each
 * entry's signature by the audit key, and the log against the latest signed checkpoint. Names the first thing missing
 * or forged.
 */
public final class AuditVerifier {
    private final AuditKey key;
    private final AuditCheckpoint checkpoint;
    private String previous;
    private long expected;
    private long count;
    private long broken;
    private String problem = "";

    /** Verifies a log from its first entry against the checkpoint (null when none was written yet). */
    public AuditVerifier(AuditKey key, AuditCheckpoint checkpoint) {
        this(key, checkpoint, null);
    }

    private AuditVerifier(AuditKey key, AuditCheckpoint checkpoint, AuditCheckpoint start) {
        this.key = key;
        this.checkpoint = checkpoint;
        this.previous = start == null ? AuditChain.GENESIS : start.headHash();
        this.expected = start == null ? 1 : start.entries() + 1;
        this.count = start == null ? 0 : start.entries();
        if (checkpoint != null && !key.signed(checkpoint)) {
            fail(
                    0,
                    "the checkpoint of " + checkpoint.at() + " (" + checkpoint.entries()
                            + " entries) is not signed by the audit key " + key.fingerprint()
                            + ": it is forged or damaged, and nothing can be checked against it");
        }
    }

    /** Verifies only the entries after {@code start}, a checkpoint already verified: for writing the next checkpoint. */
    public static AuditVerifier after(AuditKey key, AuditCheckpoint start) {
        return new AuditVerifier(key, null, start);
    }

    /** Checks the next entry; false once something is wrong (later entries are then not looked at). */
    public boolean accept(AuditEntry entry) {
        if (broken != 0 || !problem.isEmpty()) return false;
        long sequence = entry.sequence();
        if (sequence != expected) {
            return fail(
                    sequence,
                    sequence > expected
                            ? (sequence - expected == 1
                                            ? "entry " + expected + " is missing"
                                            : "entries " + expected + " to " + (sequence - 1) + " are missing")
                                    + " (the next entry found is " + sequence + ")"
                            : "entry " + sequence + " appears out of order after entry " + (expected - 1));
        }
        if (!entry.previousHash().equals(previous)) {
            return fail(
                    sequence, "entry " + sequence + " does not follow the entry before it (its previous hash differs)");
        }
        if (!AuditChain.sealed(entry)) {
            return fail(
                    sequence,
                    "entry " + sequence
                            + " was changed after it was written (its hash no longer matches its contents)");
        }
        if (entry.signature().isEmpty()) {
            return fail(
                    sequence,
                    "entry " + sequence + " carries no signature: it was not written by Orderly (forged"
                            + (checkpoint != null && sequence > checkpoint.entries()
                                    ? " append after the checkpoint"
                                    : "")
                            + ")");
        }
        if (!key.signed(entry)) {
            return fail(
                    sequence,
                    "entry " + sequence + "'s signature does not match the audit key " + key.fingerprint()
                            + ": it was rewritten or forged (hashes recomputed without the key)");
        }
        if (checkpoint != null
                && sequence == checkpoint.entries()
                && !entry.hash().equals(checkpoint.headHash())) {
            return fail(
                    sequence,
                    "entry " + sequence + " is not the one the signed checkpoint of " + checkpoint.at()
                            + " ended with: the log was rewritten");
        }
        previous = entry.hash();
        expected++;
        count++;
        return true;
    }

    private boolean fail(long sequence, String why) {
        broken = sequence;
        problem = why;
        return false;
    }

    /** The verification of everything accepted so far, with the checkpoint checked for entries it counts but were not seen. */
    public AuditChain.Verification result() {
        String finalProblem = problem;
        long finalBroken = broken;
        if (finalProblem.isEmpty() && checkpoint != null && count < checkpoint.entries()) {
            finalBroken = count + 1;
            finalProblem = count == 0
                    ? "the log is empty, but the signed checkpoint of " + checkpoint.at() + " counts "
                            + checkpoint.entries() + " entries: every entry was deleted"
                    : (checkpoint.entries() - count == 1
                                    ? "entry " + checkpoint.entries() + " is missing"
                                    : "entries " + (count + 1) + " to " + checkpoint.entries() + " are missing")
                            + ": the signed checkpoint of " + checkpoint.at() + " counts " + checkpoint.entries()
                            + " entries, the log ends at " + count + " (truncated)";
        }
        return new AuditChain.Verification(
                count,
                finalProblem.isEmpty(),
                finalBroken,
                finalProblem,
                previous,
                checkpoint == null ? -1 : checkpoint.entries(),
                checkpoint == null ? null : checkpoint.at(),
                key.fingerprint());
    }
}
