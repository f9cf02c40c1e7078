package org.orderly.border.stay;

import java.util.Optional;
import org.orderly.regime.TravelCategory;
import org.orderly.travel.requirement.TravelAnswer;
import org.orderly.travel.requirement.TravelRequirement;

/** Which stay rule the rulebook gives a traveller: read from the travel requirement for the nationality, destination and date. */
public final class StayRules {
    private StayRules() {}

    /**
     * The rule of a travel requirement: own country and free movement are not counted; a stay limit with a window is
     * a rolling window, without one a fixed duration per entry; empty when the answer sets no limit Orderly knows
     * (a visa is required, whose own terms then decide; or no limit is recorded).
     */
    public static Optional<StayRule> of(TravelRequirement requirement) {
        return of(requirement.category(), requirement.stayDays(), requirement.windowDays());
    }

    /** The same for a travel answer as the API gives it. */
    public static Optional<StayRule> of(TravelAnswer answer) {
        return of(answer.category(), answer.stayDays(), answer.windowDays());
    }

    private static Optional<StayRule> of(TravelCategory category, Integer stayDays, Integer windowDays) {
        switch (category) {
            case OWN_COUNTRY, FREE_MOVEMENT -> {
                return Optional.of(new StayRule.NotCounted(Stay.Title.FREE_MOVEMENT, null));
            }
            case NO_ADMISSION, COVID_ENTRY_BAN, VISA_REQUIRED, E_VISA -> {
                return Optional.empty();
            }
            default -> {
                if (stayDays == null) return Optional.empty();
                if (windowDays == null) return Optional.of(new StayRule.FixedDuration(stayDays));
                return Optional.of(new StayRule.RollingWindow(stayDays, windowDays));
            }
        }
    }
}
