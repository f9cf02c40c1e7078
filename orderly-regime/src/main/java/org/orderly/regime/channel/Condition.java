package org.orderly.regime.channel;

import java.util.Objects;

/** A term of the stay a channel gives (duration, renewal, change of employer, family, permanent residence, a right), in words. */
public record Condition(Kind kind, String statement, Provenance provenance) implements java.io.Serializable {

    /** What the statement is about. */
    public enum Kind {
        DURATION,
        RENEWAL,
        EMPLOYER_CHANGE,
        FAMILY_REUNION,
        PERMANENT_RESIDENCE,
        RIGHT
    }

    public Condition {
        Objects.requireNonNull(kind, "condition kind");
        Objects.requireNonNull(provenance, "condition provenance");
        if (statement == null || statement.isBlank())
            throw new IllegalArgumentException("a " + kind + " condition needs its statement");
        statement = statement.strip();
    }
}
