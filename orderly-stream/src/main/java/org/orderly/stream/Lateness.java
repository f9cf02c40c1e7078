package org.orderly.stream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.orderly.border.crossing.Crossing;

/**
 * Which crossings of a stream, in order of arrival, are late: those no later than the greatest time seen before them
 * less the lateness allowed, less one millisecond. The embedded twin of the job's admission ({@link PartitionLateness},
 * the same rule per partition).
 */
public final class Lateness {
    private Lateness() {}

    /** The crossings in time, and the late ones, each list in arrival order. */
    public record Split(List<Crossing> inTime, List<Crossing> late) {}

    public static Split split(List<Crossing> arrivals, Duration allowed) {
        long greatest = Long.MIN_VALUE;
        List<Crossing> inTime = new ArrayList<>();
        List<Crossing> late = new ArrayList<>();
        for (Crossing crossing : arrivals) {
            long at = crossing.at().toEpochMilli();
            long watermark = greatest == Long.MIN_VALUE ? Long.MIN_VALUE : greatest - allowed.toMillis() - 1;
            if (at <= watermark) {
                late.add(crossing);
            } else {
                inTime.add(crossing);
            }
            greatest = Math.max(greatest, at);
        }
        return new Split(inTime, late);
    }
}
