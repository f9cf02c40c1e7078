package org.orderly.server.coherence;

import java.time.LocalDate;
import org.orderly.regime.InstrumentRequest;
import org.orderly.regime.Registry;
import org.orderly.regime.coherence.CoherenceReport;
import org.orderly.regime.coherence.CoherenceRules;
import org.orderly.server.regime.RegimeService;
import org.springframework.stereotype.Service;

/** The one path to the coherence checker for the API and the page: the registry as it stands, a date, perhaps a draft. */
@Service
public class CoherenceService {
    private final RegimeService regime;

    CoherenceService(RegimeService regime) {
        this.regime = regime;
    }

    /** Every conflict in the registry on the date (today when null). */
    public CoherenceReport registry(LocalDate date) {
        return new CoherenceReport(CoherenceRules.STANDARD.conflicts(regime.registry(), on(date)));
    }

    /** The conflicts a draft would bring on the date (today when null); a bad draft is refused naming the field, nothing written. */
    public CoherenceReport draft(InstrumentRequest draft, LocalDate date) {
        Registry registry = regime.registry();
        return new CoherenceReport(CoherenceRules.STANDARD.conflicts(registry, draft.draft(registry), on(date)));
    }

    private LocalDate on(LocalDate date) {
        return RegimeService.requireSane("date", date == null ? regime.today() : date);
    }
}
