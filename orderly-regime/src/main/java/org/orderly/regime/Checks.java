package org.orderly.regime;

import java.util.Objects;

/** Argument checks shared by the commitment records, with messages that name the field. */
final class Checks {
    private Checks() {}

    static void common(String instrumentId, Scope scope, Term term, Source source) {
        Objects.requireNonNull(instrumentId, "commitment instrument");
        Objects.requireNonNull(scope, "commitment scope");
        Objects.requireNonNull(term, "commitment term (use Term.OPEN)");
        Objects.requireNonNull(source, "commitment source");
    }

    static int positive(String field, int value) {
        if (value <= 0) throw new IllegalArgumentException(field + " must be positive, was " + value);
        return value;
    }

    static int notNegative(String field, int value) {
        if (value < 0) throw new IllegalArgumentException(field + " must not be negative, was " + value);
        return value;
    }

    static String text(String field, String value) {
        if (value == null || value.isBlank()) throw new IllegalArgumentException(field + " is missing");
        return value;
    }
}
