package org.orderly.regime;

import java.util.EnumSet;
import java.util.Set;

/**
 * Grantors admit beneficiaries' nationals without a visa for short stays: at most
 * {@code stayDays} within any {@code windowDays} (90 in any 180 in the Schengen area).
 */
public record VisaWaiver(
        String instrumentId, Scope scope, Term term, int stayDays, int windowDays, Set<Purpose> purposes, Source source)
        implements Commitment {

    public static final Set<Purpose> SHORT_STAY =
            Set.of(Purpose.TOURISM, Purpose.BUSINESS, Purpose.FAMILY, Purpose.TRANSIT);

    public VisaWaiver {
        Checks.common(instrumentId, scope, term, source);
        Checks.positive("visa waiver stay days", stayDays);
        Checks.positive("visa waiver window days", windowDays);
        if (stayDays > windowDays) {
            throw new IllegalArgumentException(
                    "visa waiver stay (" + stayDays + " days) exceeds its window (" + windowDays + " days)");
        }
        purposes = purposes == null || purposes.isEmpty() ? SHORT_STAY : Set.copyOf(EnumSet.copyOf(purposes));
    }

    @Override
    public Kind kind() {
        return Kind.VISA_WAIVER;
    }

    @Override
    public String describe() {
        return "visa-free stays of up to " + stayDays + " days in any " + windowDays + " days";
    }
}
