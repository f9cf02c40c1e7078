package org.orderly.exchange.sharing;

import java.util.Set;

/** What the rules in force say about a transfer: allowed (with the fields that may go and those removed) or refused, with why. */
public sealed interface TransferDecision permits TransferDecision.Allowed, TransferDecision.Refused {

    String explanation();

    /** The transfer may go, with {@code fields} only; {@code removed} were asked for but are not covered. */
    record Allowed(String instrumentId, Set<String> fields, Set<String> removed, int retentionDays, String explanation)
            implements TransferDecision {
        public Allowed {
            fields = Set.copyOf(fields);
            removed = Set.copyOf(removed);
        }
    }

    record Refused(String explanation) implements TransferDecision {}
}
