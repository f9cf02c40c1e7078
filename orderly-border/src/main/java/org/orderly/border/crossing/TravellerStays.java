package org.orderly.border.crossing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What is kept of one traveller between crossings: the closed stays (entry and exit days, counted ones only, within
 * {@link OverstayWatch#KEPT_DAYS}) and the open stay, if any, with its last legal day, when its overstay alert is due,
 * and whether it was raised. Immutable, so that a stream job can keep it as keyed state.
 */
public record TravellerStays(List<LocalDate[]> closed, OpenStay open) {

    public static final TravellerStays NONE = new TravellerStays(List.of(), null);

    public TravellerStays {
        closed = List.copyOf(closed);
    }

    /** The stay begun by an entry and not yet ended; {@code due} is null when no limit applies. */
    public record OpenStay(String crossingId, Instant entryAt, String nationality, String rule, LocalDate lastLegalDay,
                           Instant due, boolean raised) {
    }
}
