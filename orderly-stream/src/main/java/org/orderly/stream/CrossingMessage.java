package org.orderly.stream;

import org.orderly.border.crossing.Crossing;

/** A message read from the crossings topic: a crossing, or a report that it is malformed. Exactly one of the two is set. */
public record CrossingMessage(Crossing crossing, MalformedCrossing malformed) {

    static CrossingMessage of(Crossing crossing) {
        return new CrossingMessage(crossing, null);
    }

    static CrossingMessage malformed(MalformedCrossing malformed) {
        return new CrossingMessage(null, malformed);
    }
}
