package org.orderly.monitoring;

import java.util.List;
import java.util.Objects;

/**
 * One computed value of an indicator for a subject (a party, an instrument or a corridor such as {@code DEU→MAR}) and a
 * period (a date or a year, as precise as its source). A value is either a number or, where Orderly holds no records to
 * compute it from, explicitly "no records yet" — never a zero standing in for missing data.
 */
public record IndicatorValue(
        String indicatorId,
        String subject,
        String period,
        Double value,
        Double target,
        String note,
        List<Provenance> provenance) {

    public IndicatorValue {
        Objects.requireNonNull(indicatorId, "indicator id");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(period, "period");
        note = note == null ? "" : note;
        provenance = List.copyOf(provenance);
        if (value != null && (value.isNaN() || value.isInfinite()))
            throw new IllegalArgumentException("value must be finite, was " + value);
    }

    /** A value held where no record exists yet to compute it from. */
    public static IndicatorValue noRecordsYet(String indicatorId, String subject, String period, String why) {
        return new IndicatorValue(indicatorId, subject, period, null, null, "no records yet: " + why, List.of());
    }

    /**
     * A value held where the subject owes nothing to measure: a state with no commitment in force that the indicator
     * checks. Neither zero nor "target met": there is no target for it to meet.
     */
    public static IndicatorValue noCommitment(
            String indicatorId, String subject, String period, String why, List<Provenance> provenance) {
        return new IndicatorValue(indicatorId, subject, period, null, null, NO_COMMITMENT + ": " + why, provenance);
    }

    private static final String NO_COMMITMENT = "no commitment";

    /** Why there is no number, in two or three words: "no commitment" or "no records yet"; empty when there is a number. */
    public String absence() {
        if (value != null) return "";
        return note.startsWith(NO_COMMITMENT) ? NO_COMMITMENT : "no records yet";
    }

    /** True when Orderly has records for this value. */
    public boolean recorded() {
        return value != null;
    }

    /** True when a target is set and the value misses it; {@code lowerIsBetter} says which side of the target is good. */
    public boolean missesTarget(boolean lowerIsBetter) {
        if (value == null || target == null) return false;
        return lowerIsBetter ? value > target : value < target;
    }
}
