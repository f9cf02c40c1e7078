package org.orderly.stream;

import org.orderly.border.crossing.Crossing;
import org.orderly.border.crossing.StayEvent;

/**
 * What the overstay job emits: a stay event, or a crossing that came too late for event-time order (kept and
 * reported, never silently dropped). Exactly one of the two is set.
 */
public record StreamOutput(StayEvent event, Crossing late) {

    public static StreamOutput of(StayEvent event) {
        return new StreamOutput(event, null);
    }

    public static StreamOutput late(Crossing crossing) {
        return new StreamOutput(null, crossing);
    }
}
