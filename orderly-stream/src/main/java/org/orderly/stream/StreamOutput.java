package org.orderly.stream;

import org.orderly.border.crossing.Crossing;
import org.orderly.border.crossing.StayEvent;

/**
 * What the overstay job emits: a stay event, a crossing that came too late for event-time order, or a message of the
 * crossings topic that is not a crossing (the last two kept and reported, never silently dropped). Exactly one is set.
 */
public record StreamOutput(StayEvent event, Crossing late, MalformedCrossing malformed) {

    public static StreamOutput of(StayEvent event) {
        return new StreamOutput(event, null, null);
    }

    public static StreamOutput late(Crossing crossing) {
        return new StreamOutput(null, crossing, null);
    }

    public static StreamOutput malformed(MalformedCrossing malformed) {
        return new StreamOutput(null, null, malformed);
    }
}
