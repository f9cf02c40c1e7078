package org.orderly.negotiation;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One choice on an issue; its {@code value} is the commitment's parameter (a quota, a deadline in
 * days, a year, a percentage) and a {@code null} value means "none": no commitment on this issue.
 */
public record Option(String id, String label, BigDecimal value) {
    public Option {
        Objects.requireNonNull(id, "option id");
        if (id.isBlank()) throw new IllegalArgumentException("option id is blank");
        label = label == null || label.isBlank() ? id : label;
    }

    public static Option none(String id, String label) {
        return new Option(id, label, null);
    }

    public static Option of(String id, String label, long value) {
        return new Option(id, label, BigDecimal.valueOf(value));
    }

    /** Whether choosing this option means making no commitment on the issue. */
    public boolean isNone() {
        return value == null;
    }
}
