package org.orderly.stream;

import org.orderly.border.crossing.Crossing;

/**
 * A message read from the crossings topic, with its partition: a crossing, or a report that it is malformed. Exactly
 * one of the two is set. Partition -1: a crossing not read from a topic (a file, a generator, a collection).
 */
public record CrossingMessage(int partition, Crossing crossing, MalformedCrossing malformed) {

    static CrossingMessage of(int partition, Crossing crossing) {
        return new CrossingMessage(partition, crossing, null);
    }

    static CrossingMessage unpartitioned(Crossing crossing) {
        return new CrossingMessage(-1, crossing, null);
    }

    static CrossingMessage malformed(MalformedCrossing malformed) {
        return new CrossingMessage(malformed.partition(), null, malformed);
    }
}
