package org.orderly.regime;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;

/**
 * Who decides entry, and where a traveller applies, for destinations bound by an instrument: for
 * example the Schengen short-stay visa under the Visa Code, applied for at the consulate of the
 * main destination. {@code decision} and {@code applyAt} may name the destination as {@code {destination}}.
 * A rule may be limited to some destinations and nationalities (empty: all) and to the dates of the law it cites
 * ({@code from} inclusive, {@code until} exclusive; null: open).
 */
public record VisaAuthority(
        String instrumentId,
        Set<String> destinations,
        Set<String> nationalities,
        LocalDate from,
        LocalDate until,
        Set<Purpose> purposes,
        Set<TravelCategory> categories,
        String decision,
        String applyAt,
        Source source) {
    public VisaAuthority {
        Objects.requireNonNull(instrumentId, "visa authority instrument");
        Objects.requireNonNull(decision, "visa authority decision");
        Objects.requireNonNull(applyAt, "visa authority place of application");
        Objects.requireNonNull(source, "visa authority source");
        destinations = destinations == null ? Set.of() : Set.copyOf(destinations);
        nationalities = nationalities == null ? Set.of() : Set.copyOf(nationalities);
        purposes = Set.copyOf(purposes);
        categories = Set.copyOf(categories);
        if (from != null && until != null && !until.isAfter(from)) {
            throw new IllegalArgumentException("visa authority ends (" + until + ") before it begins (" + from + ")");
        }
    }

    /** Whether this authority decides a journey of this purpose whose answer is of this category. */
    public boolean decides(Purpose purpose, TravelCategory category) {
        return purposes.contains(purpose) && categories.contains(category);
    }

    /** Whether the rule covers a journey of a national of {@code passport} to {@code destination} on the date. */
    public boolean covers(String passport, String destination, LocalDate date) {
        return (destinations.isEmpty() || destinations.contains(destination))
                && (nationalities.isEmpty() || nationalities.contains(passport))
                && (from == null || !from.isAfter(date))
                && (until == null || until.isAfter(date));
    }
}
