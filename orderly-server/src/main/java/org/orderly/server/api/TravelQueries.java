package org.orderly.server.api;

import java.time.LocalDate;
import java.util.Locale;
import org.orderly.regime.Instrument;
import org.orderly.regime.Purpose;
import org.orderly.regime.Registry;
import org.orderly.regime.State;
import org.orderly.regime.reference.StateNames;
import org.orderly.server.regime.RegimeService;
import org.orderly.travel.requirement.TravelRequirement;
import org.orderly.travel.requirement.TravelRules;
import org.springframework.stereotype.Component;

/** Answers travel questions with names and clear errors; shared by the API, the pages and the command line. */
@Component
public class TravelQueries {
    private final RegimeService regime;

    public TravelQueries(RegimeService regime) {
        this.regime = regime;
    }

    /**
     * The answer for a passport, destination, date and purpose. States may be given by name, common
     * alias or ISO 3166 code, in any case.
     *
     * @throws UnknownStateException naming the field, what was typed and the closest states
     * @throws IllegalArgumentException naming a missing state or an unknown purpose
     */
    public TravelAnswer answer(String passport, String destination, LocalDate date, String purpose) {
        State p = state("passport", passport);
        State d = state("destination", destination);
        Purpose why = purpose(purpose);
        Registry registry = regime.registry();
        LocalDate today = RegimeService.today();
        TravelRules rules = regime.travelRules(date == null ? today : date);
        TravelRequirement requirement = rules.requirement(p.id(), d.id(), why).orElseThrow();
        String title = requirement.instrumentId() == null ? null
                : registry.instrument(requirement.instrumentId()).map(Instrument::title).orElse(null);
        return TravelAnswer.of(requirement, p.name(), d.name(), title, rules.authority(requirement).orElse(null), today);
    }

    /** The state a person means by what they typed. */
    public State state(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is missing: give a state's name or its ISO 3166 code, such as Germany or DEU");
        }
        StateNames.Resolution resolution = regime.stateNames().resolve(value.strip());
        if (resolution instanceof StateNames.Found found) return found.state();
        throw new UnknownStateException(field, value.strip(), ((StateNames.NotFound) resolution).suggestions());
    }

    public static Purpose purpose(String purpose) {
        if (purpose == null || purpose.isBlank()) return Purpose.TOURISM;
        try {
            return Purpose.valueOf(purpose.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("purpose '" + purpose + "' is not one of tourism, business, family, transit, study, work");
        }
    }
}
