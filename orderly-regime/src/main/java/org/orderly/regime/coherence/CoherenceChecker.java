package org.orderly.regime.coherence;

import java.time.LocalDate;
import java.util.List;
import org.orderly.regime.Registry;

/**
 * Finds the conflicts a draft instrument with its commitments and participations would bring into the registry on a date.
 * A negotiation's conclusion asks it before anything binds; a conflict then needs the secretariat's recorded override.
 * {@link CoherenceRules#STANDARD} is the checker with the regime's rules.
 */
@FunctionalInterface
public interface CoherenceChecker {
    /** Checks no rule: every draft passes (for illustrations and tests of the procedure alone). */
    CoherenceChecker NO_RULES = (registry, draft, date) -> List.of();

    List<Conflict> conflicts(Registry registry, Draft draft, LocalDate date);
}
