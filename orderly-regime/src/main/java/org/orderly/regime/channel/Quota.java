package org.orderly.regime.channel;

import java.util.Objects;

/**
 * Places a channel opens in a year: for everyone ({@code GLOBAL}), for one nationality or one sector (an ISCO code),
 * given out under a procedure. A null {@code year} is a quota for every year the channel is in force (an annual quota
 * agreed without an end).
 */
public record Quota(
        Integer year,
        Kind kind,
        String target,
        int places,
        AllocationProcedure procedure,
        String note,
        Provenance provenance)
        implements java.io.Serializable {

    /** Whom the places are for. */
    public enum Kind {
        GLOBAL,
        NATIONALITY,
        SECTOR
    }

    public Quota {
        Objects.requireNonNull(kind, "quota kind");
        Objects.requireNonNull(procedure, "quota procedure");
        Objects.requireNonNull(provenance, "quota provenance");
        if (places < 0) throw new IllegalArgumentException("quota places must not be negative, was " + places);
        if (kind == Kind.GLOBAL ? target != null && !target.isBlank() : target == null || target.isBlank()) {
            throw new IllegalArgumentException(
                    kind == Kind.GLOBAL ? "a GLOBAL quota has no target" : "a " + kind + " quota needs a target");
        }
        if (kind == Kind.GLOBAL) target = null;
        note = note == null || note.isBlank() ? null : note.strip();
    }

    /** Whether the quota counts in {@code year}. */
    public boolean countsIn(int year) {
        return this.year == null || this.year == year;
    }

    /** The places in words, such as "65,000 places in 2026 (first come)". */
    public String describe() {
        String whom = switch (kind) {
            case GLOBAL -> "";
            case NATIONALITY -> " for nationals of " + target;
            case SECTOR -> " in ISCO " + target;
        };
        return String.format(
                java.util.Locale.ROOT,
                "%,d places%s %s (%s)",
                places,
                whom,
                year == null ? "a year" : "in " + year,
                procedure.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
    }
}
