package org.orderly.negotiation.procedure;

import java.util.Objects;

/** Where a proposal stands under the procedure's decision rule at an instant, with the reason in words. */
public record Decision(Outcome outcome, String reason) {
    /** Still open, adopted (the secretariat may conclude), or blocked (the round reopens without this deal). */
    public enum Outcome {
        PENDING,
        ADOPTED,
        BLOCKED
    }

    public Decision {
        Objects.requireNonNull(outcome, "decision outcome");
        Objects.requireNonNull(reason, "decision reason");
    }

    static Decision pending(String reason) {
        return new Decision(Outcome.PENDING, reason);
    }

    static Decision adopted(String reason) {
        return new Decision(Outcome.ADOPTED, reason);
    }

    static Decision blocked(String reason) {
        return new Decision(Outcome.BLOCKED, reason);
    }
}
