package org.orderly.regime;

import java.time.LocalDate;

/**
 * The dates between which a commitment applies; an open start means "from the instrument's
 * entry into force", an open end means "until further notice". A {@code condition} (such as "from the
 * entry into force of a visa-exemption agreement with the EU") with no start date means the condition
 * is not met: the commitment is written in the instrument but applies on no date until a start is recorded. With a
 * start date, the {@code condition} is a limit the term records in words and Orderly does not model (such as a
 * suspension for passports issued after a date): it applies, and every answer that rests on it says so.
 */
public record Term(LocalDate from, LocalDate until, String condition) implements java.io.Serializable {
    public static final Term OPEN = new Term(null, null);

    public Term {
        if (from != null && until != null && until.isBefore(from)) {
            throw new IllegalArgumentException("term ends (" + until + ") before it starts (" + from + ")");
        }
        condition = condition == null || condition.isBlank() ? null : condition.strip();
    }

    public Term(LocalDate from, LocalDate until) {
        this(from, until, null);
    }

    /** Whether the commitment waits for a condition that is not met (a condition and no start date). */
    public boolean pending() {
        return condition != null && from == null;
    }

    public boolean covers(LocalDate date) {
        return !pending() && (from == null || !from.isAfter(date)) && (until == null || until.isAfter(date));
    }
}
