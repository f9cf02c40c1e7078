package org.orderly.stream;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.orderly.border.crossing.Crossing;

/**
 * What the readers hand on to the overstays: a crossing in time (applied in event-time order), a late crossing or a
 * message that is not a crossing (both reported as they are). Late and malformed messages go through the same keyed
 * exchange as the crossings in time, so that every output of the job leaves one operator and is chained to whatever
 * consumes it; a union of the reported messages with the stay events would cost a second exchange of every output.
 * Exactly one of {@code crossing} and {@code malformed} is set; {@code late} only with a crossing.
 */
record Arrival(Crossing crossing, boolean late, MalformedCrossing malformed) {
    /** Flink's type for arrivals: {@link ArrivalSerializer}, field by field, never Kryo. */
    static final TypeInformation<Arrival> TYPE = new ArrivalSerializer.Type();

    static Arrival inTime(Crossing crossing) {
        return new Arrival(crossing, false, null);
    }

    static Arrival late(Crossing crossing) {
        return new Arrival(crossing, true, null);
    }

    static Arrival malformed(MalformedCrossing malformed) {
        return new Arrival(null, false, malformed);
    }
}
