package org.orderly.monitoring.visa;

import java.util.Objects;

/**
 * A pair whose requirement differs between two snapshots: what it was, what it became and the kind of change.
 * {@code before} or {@code after} is null when the pair is listed in only one of the two snapshots.
 */
public record VisaChange(
        String passport, String destination, VisaRequirement before, VisaRequirement after, Kind kind) {

    /** The kinds of change, from the traveller's side. */
    public enum Kind {
        /** A visa applied for before travel (or a ban) is no longer needed. */
        LIFTED("lifted"),
        /** A visa applied for before travel (or a ban) is now needed where it was not. */
        IMPOSED("imposed"),
        /** More open within the same side: a lighter formality, or more visa-free days. */
        LOOSENED("loosened"),
        /** Less open within the same side: a heavier formality, or fewer visa-free days. */
        TIGHTENED("tightened"),
        /** The same category written differently: "visa free" with and without a number of days. */
        RESTATED("restated"),
        /**
         * A temporary COVID-19 ban began or ended: no change of the state's ordinary policy, so neither a visa requirement
         * imposed nor one lifted.
         */
        TEMPORARY_MEASURE("temporary measure began or ended"),
        /** The pair is listed only in the newer snapshot. */
        ADDED("added"),
        /** The pair is listed only in the older snapshot. */
        REMOVED("removed");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public VisaChange {
        Objects.requireNonNull(passport, "passport");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(kind, "kind");
    }

    /** The kind of change from {@code before} to {@code after} (either may be null), or null when they are the same value. */
    public static Kind classify(VisaRequirement before, VisaRequirement after) {
        if (before == null && after == null) return null;
        if (before == null) return Kind.ADDED;
        if (after == null) return Kind.REMOVED;
        if (before.text().equals(after.text())) return null;
        if (before.kind().temporary() || after.kind().temporary()) return Kind.TEMPORARY_MEASURE;
        if (before.kind().needsVisaOrBarred() && !after.kind().needsVisaOrBarred()) return Kind.LIFTED;
        if (!before.kind().needsVisaOrBarred() && after.kind().needsVisaOrBarred()) return Kind.IMPOSED;
        int order = Integer.compare(after.kind().ordinal(), before.kind().ordinal());
        if (order < 0) return Kind.LOOSENED;
        if (order > 0) return Kind.TIGHTENED;
        if (before.days() != null && after.days() != null) {
            return after.days() > before.days() ? Kind.LOOSENED : Kind.TIGHTENED;
        }
        return Kind.RESTATED;
    }
}
