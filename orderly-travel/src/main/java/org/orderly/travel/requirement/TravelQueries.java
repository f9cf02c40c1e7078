package org.orderly.travel.requirement;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import org.orderly.regime.Instrument;
import org.orderly.regime.Party;
import org.orderly.regime.Purpose;
import org.orderly.regime.Registry;

/**
 * Answers travel questions with names and clear errors, over a registry and the travel rules compiled for a date;
 * the API, the pages, the border check and the command line all ask through it.
 */
public final class TravelQueries {
    private final Supplier<Registry> registry;
    private final Function<LocalDate, TravelRules> rules;

    /**
     * @param registry the registry as it stands now (read on every question, so a reloaded registry is seen)
     * @param rules    the travel rules compiled for a date (callers may cache them)
     */
    public TravelQueries(Supplier<Registry> registry, Function<LocalDate, TravelRules> rules) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    /** Today in UTC, the date a question without one is asked on. */
    public static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
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
        Registry current = registry.get();
        TravelRequirement requirement = rules.apply(date == null ? today() : date).requirement(p, d, why).orElseThrow();
        String title = requirement.instrumentId() == null ? null
                : current.instrument(requirement.instrumentId()).map(Instrument::title).orElse(null);
        return TravelAnswer.of(requirement, name(current, p), name(current, d), title);
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
        if (rules.apply(today()).rulebook().indexOf(code) < 0) {
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
