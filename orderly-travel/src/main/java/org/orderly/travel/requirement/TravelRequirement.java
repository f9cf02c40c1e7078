package org.orderly.travel.requirement;

import java.time.LocalDate;
import java.util.List;
import org.orderly.regime.Purpose;
import org.orderly.regime.Source;
import org.orderly.regime.TravelCategory;

/**
 * What a holder of {@code passport} needs to enter {@code destination} on {@code date} for a
 * purpose, on what authority ({@link Basis}, the instrument if any) and from which sources.
 * {@code stayDays}/{@code windowDays} are null where no limit applies or none is recorded;
 * {@code unilateral} is the destination's own policy when a commitment took precedence over it.
 */
public record TravelRequirement(
        String passport,
        String destination,
        LocalDate date,
        Purpose purpose,
        TravelCategory category,
        Integer stayDays,
        Integer windowDays,
        Basis basis,
        String instrumentId,
        String explanation,
        TravelCategory unilateral,
        Integer unilateralStayDays,
        List<Source> sources) {

    /** On what authority the answer rests. */
    public enum Basis {
        OWN_COUNTRY,
        COMMITMENT,
        UNILATERAL_POLICY,
        NO_RULE
    }

    /**
     * Whether a commitment in force decided the answer over the destination's unilateral policy and changed it: a waiver
     * of 90 days where the policy already admits for 90 days overrides nothing.
     */
    public boolean overridesUnilateral() {
        return basis == Basis.COMMITMENT && changes(category, stayDays, unilateral, unilateralStayDays);
    }

    /** Whether an answer differs from the unilateral policy (category, or the days of stay). */
    static boolean changes(
            TravelCategory category, Integer stayDays, TravelCategory unilateral, Integer unilateralStayDays) {
        return unilateral != null
                && (unilateral != category || !java.util.Objects.equals(unilateralStayDays, stayDays));
    }
}
