package org.orderly.regime.coherence;

import java.time.LocalDate;
import java.util.List;
import org.orderly.regime.Commitment;
import org.orderly.regime.Instrument;
import org.orderly.regime.Registry;

/**
 * Finds the conflicts a draft instrument with its commitments would bring into the registry on a date. A negotiation's
 * conclusion asks it before anything binds; a conflict then needs the secretariat's recorded override.
 */
@FunctionalInterface
public interface CoherenceChecker {
    /** Checks no rule: every draft passes. The place-holder until the coherence rules are built. */
    CoherenceChecker NO_RULES = (registry, instrument, commitments, date) -> List.of();

    List<Conflict> conflicts(Registry registry, Instrument draft, List<Commitment> commitments, LocalDate date);
}
