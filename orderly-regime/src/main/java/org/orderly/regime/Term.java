package org.orderly.regime;

import java.time.LocalDate;

/**
 * The dates between which a commitment applies; an open start means "from the instrument's
 * entry into force", an open end means "until further notice".
 */
public record Term(LocalDate from, LocalDate until) {
    public static final Term OPEN = new Term(null, null);

    public Term {
        if (from != null && until != null && until.isBefore(from)) {
            throw new IllegalArgumentException("term ends (" + until + ") before it starts (" + from + ")");
        }
    }

    public boolean covers(LocalDate date) {
        return (from == null || !from.isAfter(date)) && (until == null || until.isAfter(date));
    }
}
