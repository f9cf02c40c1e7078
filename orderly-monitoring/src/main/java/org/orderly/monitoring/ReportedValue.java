package org.orderly.monitoring;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import org.orderly.regime.Source;

/**
 * A value of an indicator that a party reports for itself, with its source, shown beside the value Orderly computes.
 * The period is a year ({@code 2024}) or a date ({@code 2024-06-30}), as precise as the source; it is compared with a
 * computed value of the same indicator, party and period.
 *
 * @param submittedBy the account that submitted it, acting for {@code party}
 */
public record ReportedValue(
        String indicatorId,
        String party,
        String period,
        double value,
        Source source,
        String submittedBy,
        Instant submittedAt) {

    /**
     * The tolerance: a reported value disagrees with the computed one when they differ by more than 0.5 % of the computed
     * value, or by more than 0.005 in the indicator's unit when that is larger, so that rounding to a published precision
     * (a cost of 6.2 % reported against a computed 6.19) does not flag, while one passport more or less in a count of
     * passports (at most 199 in the visa matrix) always does.
     */
    public static final double RELATIVE_TOLERANCE = 0.005;

    public static final double ABSOLUTE_TOLERANCE = 0.005;

    public ReportedValue {
        Objects.requireNonNull(indicatorId, "indicator id");
        Objects.requireNonNull(party, "party");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(submittedBy, "submitted by");
        Objects.requireNonNull(submittedAt, "submitted at");
        period = checkedPeriod(period);
        if (Double.isNaN(value) || Double.isInfinite(value))
            throw new IllegalArgumentException("value: must be a finite number, was " + value);
    }

    /** The period as given when it is a year (1900–2999) or an ISO date; the reason otherwise, naming the field. */
    public static String checkedPeriod(String period) {
        if (period == null || period.isBlank())
            throw new IllegalArgumentException("period: missing (a year such as 2024, or a date such as 2024-06-30)");
        String p = period.strip();
        if (p.matches("[12][0-9]{3}")) return p;
        if (p.matches("[12][0-9]{3}-[0-9]{2}-[0-9]{2}")) {
            try {
                return LocalDate.parse(p).toString();
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("period: '" + period + "' is not a calendar date");
            }
        }
        throw new IllegalArgumentException("period: '" + period + "' is neither a year (2024) nor a date (2024-06-30)");
    }

    /** The largest difference from {@code computed} that still agrees. */
    public static double tolerance(double computed) {
        return Math.max(RELATIVE_TOLERANCE * Math.abs(computed), ABSOLUTE_TOLERANCE);
    }

    /** True when a computed value for the same period exists and this value differs from it by more than the tolerance. */
    public boolean disagreesWith(IndicatorValue computed) {
        if (computed == null || !computed.recorded()) return false;
        return Math.abs(value - computed.value()) > tolerance(computed.value());
    }
}
