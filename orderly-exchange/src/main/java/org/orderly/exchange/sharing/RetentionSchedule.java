package org.orderly.exchange.sharing;

import java.time.Duration;
import java.time.Instant;

/**
 * When held personal data is depersonalised and when it is deleted: masked once the agreed retention has
 * passed, deleted a further period later (set by the deployment; the masked rows keep counts for monitoring
 * until then).
 */
public record RetentionSchedule(int maskAfterDays, int deleteAfterMaskingDays) {
    public RetentionSchedule {
        if (maskAfterDays < 0 || deleteAfterMaskingDays < 0)
            throw new IllegalArgumentException("retention periods cannot be negative");
    }

    public enum Stage {
        HELD,
        MASK,
        DELETE
    }

    /** The stage of data received at {@code received}, on {@code now}. */
    public Stage stage(Instant received, Instant now) {
        Duration age = Duration.between(received, now);
        if (age.compareTo(Duration.ofDays((long) maskAfterDays + deleteAfterMaskingDays)) >= 0) return Stage.DELETE;
        if (age.compareTo(Duration.ofDays(maskAfterDays)) >= 0) return Stage.MASK;
        return Stage.HELD;
    }

    /** The instant before which received data must be masked. */
    public Instant maskBefore(Instant now) {
        return now.minus(Duration.ofDays(maskAfterDays));
    }

    /** The instant before which received data must be deleted. */
    public Instant deleteBefore(Instant now) {
        return now.minus(Duration.ofDays((long) maskAfterDays + deleteAfterMaskingDays));
    }
}
