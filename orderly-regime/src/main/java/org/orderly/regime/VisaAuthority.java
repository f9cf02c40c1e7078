package org.orderly.regime;

import java.util.Objects;
import java.util.Set;

/**
 * Who decides entry, and where a traveller applies, for destinations bound by an instrument: for
 * example the Schengen short-stay visa under the Visa Code, applied for at the consulate of the
 * main destination. {@code decision} and {@code applyAt} may name the destination as {@code {destination}}.
 */
public record VisaAuthority(String instrumentId, Set<Purpose> purposes, Set<TravelCategory> categories,
                            String decision, String applyAt, Source source) {
    public VisaAuthority {
        Objects.requireNonNull(instrumentId, "visa authority instrument");
        Objects.requireNonNull(decision, "visa authority decision");
        Objects.requireNonNull(applyAt, "visa authority place of application");
        Objects.requireNonNull(source, "visa authority source");
        purposes = Set.copyOf(purposes);
        categories = Set.copyOf(categories);
    }

    /** Whether this authority decides a journey of this purpose whose answer is of this category. */
    public boolean decides(Purpose purpose, TravelCategory category) {
        return purposes.contains(purpose) && categories.contains(category);
    }
}
