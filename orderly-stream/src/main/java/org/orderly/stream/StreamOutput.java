package org.orderly.stream;

import org.orderly.border.crossing.Crossing;
import org.orderly.border.crossing.StayEvent;

/**
 * What the overstay job emits: a stay event, a crossing that came too late for event-time order, or a message of the
 * crossings topic that is not a crossing (the last two kept and reported, never silently dropped). Exactly one is set.
 * The stay event is held in the field of its kind, so that Flink serialises every field with its own serializer
 * (records of strings, instants and dates) instead of falling back to Kryo for the interface {@link StayEvent}.
 */
public record StreamOutput(
        StayEvent.StayDecision decision,
        StayEvent.OverstayRaised raised,
        StayEvent.OverstayCleared cleared,
        StayEvent.ExitWithoutEntry exitWithoutEntry,
        StayEvent.EntryWithoutExit entryWithoutExit,
        Crossing late,
        MalformedCrossing malformed) {

    public static StreamOutput of(StayEvent event) {
        return event.match(
                decision -> new StreamOutput(decision, null, null, null, null, null, null),
                raised -> new StreamOutput(null, raised, null, null, null, null, null),
                cleared -> new StreamOutput(null, null, cleared, null, null, null, null),
                exit -> new StreamOutput(null, null, null, exit, null, null, null),
                entry -> new StreamOutput(null, null, null, null, entry, null, null));
    }

    public static StreamOutput late(Crossing crossing) {
        return new StreamOutput(null, null, null, null, null, crossing, null);
    }

    public static StreamOutput malformed(MalformedCrossing malformed) {
        return new StreamOutput(null, null, null, null, null, null, malformed);
    }

    /** The stay event, of whichever kind; null when this output is a late crossing or a malformed message. */
    public StayEvent event() {
        if (decision != null) return decision;
        if (raised != null) return raised;
        if (cleared != null) return cleared;
        if (exitWithoutEntry != null) return exitWithoutEntry;
        return entryWithoutExit;
    }
}
