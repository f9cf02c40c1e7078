package org.orderly.negotiation.procedure;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Times and periods in the words the pages and messages use. */
final class Words {
    private static final DateTimeFormatter UTC =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private Words() {}

    static String instant(Instant instant) {
        return UTC.format(instant);
    }

    static String duration(Duration duration) {
        if (duration.toDays() > 0 && duration.equals(Duration.ofDays(duration.toDays())))
            return plural(duration.toDays(), "day");
        if (duration.toHours() > 0 && duration.equals(Duration.ofHours(duration.toHours())))
            return plural(duration.toHours(), "hour");
        return plural(duration.toMinutes(), "minute");
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }

    /** A commitment kind in words: "visa waiver". */
    static String kind(org.orderly.regime.Commitment.Kind kind) {
        return kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }

    /** An engine objective in words, as a negotiator would say it (the name as stored when it is none). */
    static String objective(String objective) {
        try {
            return org.orderly.negotiation.solver.Objective.parse(objective).words();
        } catch (IllegalArgumentException e) {
            return objective;
        }
    }
}
