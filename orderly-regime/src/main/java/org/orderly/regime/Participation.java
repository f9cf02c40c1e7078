package org.orderly.regime;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A party's relation to an instrument (signed, ratified, acceded) or to a process (member,
 * observer), with the date it took effect, the date it ended (if it did) and any reservations.
 */
public record Participation(String partyId, String subjectId, Status status, LocalDate since,
                            LocalDate until, List<String> reservations, Source source) {

    /** The kinds of participation, from the weakest to the strongest tie. */
    public enum Status {
        OBSERVER, SIGNED, MEMBER, RATIFIED, ACCEDED;

        /** Whether this status binds the party to the instrument's commitments. */
        public boolean binds() {
            return this == MEMBER || this == RATIFIED || this == ACCEDED;
        }
    }

    public Participation {
        Objects.requireNonNull(partyId, "participation party");
        Objects.requireNonNull(subjectId, "participation instrument or process");
        Objects.requireNonNull(status, "participation status");
        Objects.requireNonNull(source, "participation source");
        if (since != null && until != null && until.isBefore(since)) {
            throw new IllegalArgumentException("participation of " + partyId + " in " + subjectId
                    + " ends (" + until + ") before it begins (" + since + ")");
        }
        reservations = reservations == null ? List.of() : List.copyOf(reservations);
    }

    /** Whether the participation is effective on the date (begun, not ended). */
    public boolean effectiveOn(LocalDate date) {
        return (since == null || !since.isAfter(date)) && (until == null || until.isAfter(date));
    }

    /** Whether the party is bound by the subject's commitments on the date. */
    public boolean bindsOn(LocalDate date) {
        return status.binds() && effectiveOn(date);
    }
}
