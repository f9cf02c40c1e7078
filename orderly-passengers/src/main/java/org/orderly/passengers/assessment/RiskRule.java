package org.orderly.passengers.assessment;

import java.util.List;

/**
 * An analyst's risk rule: every criterion must hold for a traveller to be flagged; the explanation
 * shows each criterion beside the traveller's own value.
 */
public record RiskRule(String id, String description, List<Criterion> criteria) {
    public RiskRule {
        if (id == null || id.isBlank()) throw new IllegalArgumentException("a risk rule needs an id");
        if (criteria == null || criteria.isEmpty())
            throw new IllegalArgumentException("risk rule " + id + " needs a criterion");
        criteria = List.copyOf(criteria);
    }

    /** One test of a traveller field: {@code nationality in SYR,IRQ}, {@code age < 18}, {@code document.expiry is missing}. */
    public record Criterion(String field, Operator operator, List<String> values) {
        public Criterion {
            values = List.copyOf(values);
        }

        public String describe() {
            return field + " " + operator.symbol() + (values.isEmpty() ? "" : " " + String.join(",", values));
        }
    }

    public enum Operator {
        EQUALS("="),
        NOT_EQUALS("!="),
        IN("in"),
        NOT_IN("not in"),
        LESS_THAN("<"),
        GREATER_THAN(">"),
        MISSING("is missing"),
        PRESENT("is present");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }
}
