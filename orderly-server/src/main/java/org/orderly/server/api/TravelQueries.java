package org.orderly.server.api;

import java.time.LocalDate;
import java.util.Locale;
import java.util.NoSuchElementException;
import org.orderly.regime.Instrument;
import org.orderly.regime.Party;
import org.orderly.regime.Purpose;
import org.orderly.regime.Registry;
import org.orderly.server.regime.RegimeService;
import org.orderly.travel.requirement.TravelRequirement;
import org.springframework.stereotype.Component;

/** Answers travel questions with names and clear errors; shared by the API, the pages and the command line. */
@Component
public class TravelQueries {
    private final RegimeService regime;

    public TravelQueries(RegimeService regime) {
        this.regime = regime;
    }

    /**
     * The answer for a passport, destination, date and purpose (codes are case-insensitive).
     *
     * @throws IllegalArgumentException naming the unknown code or purpose
     */
    public TravelAnswer answer(String passport, String destination, LocalDate date, String purpose) {
        String p = code("passport", passport);
        String d = code("destination", destination);
        Purpose why = purpose(purpose);
        Registry registry = regime.registry();
        RegimeService.requireSane("date", date);
        TravelRequirement requirement = regime.travelRules(date == null ? RegimeService.today() : date)
                .requirement(p, d, why).orElseThrow();
        String title = requirement.instrumentId() == null ? null
                : registry.instrument(requirement.instrumentId()).map(Instrument::title).orElse(null);
        return TravelAnswer.of(requirement, name(registry, p), name(registry, d), title);
    }

    /**
     * The state code for a value given by a caller (case-insensitive).
     *
     * @throws IllegalArgumentException when it is missing or not a state of the rulebook
     */
    public String stateCode(String what, String value) {
        return code(what, value);
    }

    private String code(String what, String value) {
        if (value == null || value.isBlank()) throw new IllegalArgumentException(what + " is missing: give an ISO 3166 alpha-3 code such as DEU");
        String code = value.trim().toUpperCase(Locale.ROOT);
        if (regime.rulebook(RegimeService.today()).indexOf(code) < 0) {
            String shown = value.length() > 20 ? value.substring(0, 20) + "…" : value;
            throw new IllegalArgumentException(what + " '" + shown + "' is not a state code Orderly knows (ISO 3166 alpha-3, e.g. DEU, JPN)");
        }
        return code;
    }

    private static Purpose purpose(String purpose) {
        if (purpose == null || purpose.isBlank()) return Purpose.TOURISM;
        try {
            return Purpose.valueOf(purpose.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("purpose '" + purpose + "' is not one of tourism, business, family, transit, study, work");
        }
    }

    private static String name(Registry registry, String code) {
        return registry.party(code).map(Party::name).orElseThrow(() -> new NoSuchElementException(code));
    }
}
