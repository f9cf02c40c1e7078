package org.orderly.exchange.audit;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * A signed statement of how long the audit log was and how it ended: {@code entries} entries, the last with hash
 * {@code headHash}, at {@code at}. Kept outside the database, it reveals a log cut short, emptied or rewritten.
 */
public record AuditCheckpoint(long entries, String headHash, Instant at, String signature) {
    static final String TAG = "checkpoint";

    public AuditCheckpoint {
        if (entries < 0) throw new IllegalArgumentException("a checkpoint counts entries from 0, was " + entries);
        Objects.requireNonNull(headHash, "checkpoint head hash");
        Objects.requireNonNull(at, "checkpoint time");
        signature = signature == null ? "" : signature;
    }

    /** The text the signature covers. */
    public String signedText() {
        return "orderly-audit-checkpoint/1 entries=" + entries + " head=" + headHash + " at=" + at;
    }

    /** One line: {@code checkpoint<TAB>entries<TAB>head hash<TAB>time<TAB>signature}. */
    public String line() {
        return String.join("\t", TAG, Long.toString(entries), headHash, at.toString(), signature);
    }

    /**
     * Reads a line written by {@link #line()}.
     *
     * @throws IllegalArgumentException saying what is wrong with the line
     */
    public static AuditCheckpoint parse(String line) {
        String[] fields = line.split("\t", -1);
        if (fields.length != 5 || !fields[0].equals(TAG)) {
            throw new IllegalArgumentException("a checkpoint line has 5 tab-separated fields starting with '" + TAG
                    + "', found " + fields.length + " field(s)");
        }
        try {
            return new AuditCheckpoint(Long.parseLong(fields[1]), fields[2], Instant.parse(fields[3]), fields[4]);
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException("a checkpoint needs a count and a time: " + e.getMessage(), e);
        }
    }
}
