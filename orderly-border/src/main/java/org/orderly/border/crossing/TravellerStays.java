package org.orderly.border.crossing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.orderly.border.stay.Stay;
import org.orderly.border.stay.StayHistory;

/**
 * What is kept of one traveller between crossings: the closed stays (each with its title, so that a stay under free
 * movement or a residence permit is shown but never counted; within {@link OverstayWatch#KEPT_DAYS}) and the open stay,
 * if any, with its last legal day, when its overstay alert is due, and whether it was raised. Immutable, so that a stream
 * job can keep it as keyed state.
 */
public record TravellerStays(List<Stay> closed, OpenStay open) {

    public static final TravellerStays NONE = new TravellerStays(List.of(), null);

    public TravellerStays {
        closed = List.copyOf(closed);
    }

    /** Every stay, the open one last (running on): what a traveller's view lists and a control counts. */
    public StayHistory history() {
        if (open == null) return new StayHistory(closed);
        List<Stay> all = new ArrayList<>(closed);
        OverstayWatch.append(all, new Stay(Crossing.dayOf(open.entryAt()), null, open.title()));
        return new StayHistory(all);
    }

    /** The stay begun by an entry and not yet ended; {@code due} is null when no limit applies. */
    public record OpenStay(
            String crossingId,
            Instant entryAt,
            String nationality,
            String rule,
            LocalDate lastLegalDay,
            Instant due,
            boolean raised) {

        /** The title the entry's rule gives the stay: a short stay unless the rule says it is not counted. */
        public Stay.Title title() {
            return OverstayWatch.title(StayRuleCodes.parse(rule));
        }
    }
}
