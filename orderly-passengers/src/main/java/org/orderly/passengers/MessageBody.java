package org.orderly.passengers;

import org.orderly.passengers.edifact.Segment;

/** The segments of one message, between its UNH and UNT, read into a {@link ManifestBuilder}. */
public interface MessageBody {
    void segment(Segment segment);

    /** The message ended (UNT, or the input ran out): finish what is open and check declared counts. */
    void end(Segment trailer);
}
