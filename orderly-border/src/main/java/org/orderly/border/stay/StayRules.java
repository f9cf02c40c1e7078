package org.orderly.border.stay;

import java.util.Optional;
import org.orderly.travel.requirement.TravelRequirement;

/** Which stay rule the rulebook gives a traveller: read from the travel requirement for the nationality, destination and date. */
public final class StayRules {
    private StayRules() {
    }

    /**
     * The rule of a travel requirement: own country and free movement are not counted; a stay limit with a window is
     * a rolling window, without one a fixed duration per entry; empty when the answer sets no limit Orderly knows
     * (a visa is required, whose own terms then decide; or no limit is recorded).
     */
    public static Optional<StayRule> of(TravelRequirement requirement) {
        switch (requirement.category()) {
            case OWN_COUNTRY, FREE_MOVEMENT -> {
                return Optional.of(new StayRule.NotCounted(Stay.Title.FREE_MOVEMENT, null));
            }
            case NO_ADMISSION, VISA_REQUIRED, E_VISA -> {
                return Optional.empty();
            }
            default -> {
                if (requirement.stayDays() == null) return Optional.empty();
                if (requirement.windowDays() == null) return Optional.of(new StayRule.FixedDuration(requirement.stayDays()));
                return Optional.of(new StayRule.RollingWindow(requirement.stayDays(), requirement.windowDays()));
            }
        }
    }
}
