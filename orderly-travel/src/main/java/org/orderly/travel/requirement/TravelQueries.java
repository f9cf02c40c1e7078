package org.orderly.travel.requirement;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import org.orderly.regime.Instrument;
import org.orderly.regime.Purpose;
import org.orderly.regime.Registry;
import org.orderly.regime.State;
import org.orderly.regime.reference.StateNames;

/**
 * Answers travel questions with names and clear errors, over a registry and the travel rules compiled for a date;
 * the API, the pages, the border check and the command line all ask through it. States may be given by name,
 * common alias or ISO 3166 code, in any case.
 */
public final class TravelQueries {
    private final Supplier<Registry> registry;
    private final Function<LocalDate, TravelRules> rules;
    private final Clock clock;
    private volatile Names names;

    /** The state names of one registry snapshot. */
    private record Names(Registry registry, StateNames names) {}

    /**
     * @param registry the registry as it stands now (read on every question, so a reloaded registry is seen)
     * @param rules    the travel rules compiled for a date (callers may cache them)
     * @param clock    the clock whose day a question without a date is asked on (the server's or the command line's)
     */
    public TravelQueries(Supplier<Registry> registry, Function<LocalDate, TravelRules> rules, Clock clock) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.rules = Objects.requireNonNull(rules, "rules");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Today on this clock as the regime counts it ({@link org.orderly.regime.RegimeDates#today}), the date a question without one is asked on. */
    public LocalDate today() {
        return org.orderly.regime.RegimeDates.today(clock);
    }

    /**
     * The answer for a passport, destination, date and purpose, with who decides, where to apply and how old its data is.
     *
     * @throws UnknownStateException naming the field, what was typed and the closest states
     * @throws IllegalArgumentException naming a missing state or an unknown purpose
     */
    public TravelAnswer answer(String passport, String destination, LocalDate date, String purpose) {
        State p = state("passport", passport);
        State d = state("destination", destination);
        Purpose why = purpose(purpose);
        Registry current = registry.get();
        TravelRules compiled = rules.apply(date == null ? today() : date);
        TravelRequirement requirement =
                compiled.requirement(p.id(), d.id(), why).orElseThrow();
        String title = requirement.instrumentId() == null
                ? null
                : current.instrument(requirement.instrumentId())
                        .map(Instrument::title)
                        .orElse(null);
        return TravelAnswer.of(
                requirement,
                p.name(),
                d.name(),
                title,
                compiled.authority(requirement).orElse(null),
                compiled.airportTransit(requirement).orElse(null));
    }

    /** Resolves what people type for a state (names, aliases, codes) against the current registry. */
    public StateNames stateNames() {
        Registry current = registry.get();
        Names known = names;
        if (known == null || known.registry() != current) {
            known = new Names(current, StateNames.of(current));
            names = known;
        }
        return known.names();
    }

    /**
     * The state a person means by what they typed.
     *
     * @throws UnknownStateException when no state goes by that name, alias or code
     * @throws IllegalArgumentException when the value is missing
     */
    public State state(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(
                    field + " is missing: give a state's name or its ISO 3166 code, such as Germany or DEU");
        }
        String typed = value.strip();
        StateNames.Resolution resolution = stateNames().resolve(typed);
        // Only the start of a long input is echoed: a misplaced field may hold personal data.
        String shown = typed.length() > 20 ? typed.substring(0, 20) + "…" : typed;
        return resolution.match(StateNames.Found::state, notFound -> {
            throw new UnknownStateException(field, shown, notFound.suggestions());
        });
    }

    /**
     * The state code for a value given by a caller (a name, alias or code).
     *
     * @throws IllegalArgumentException when it is missing or names no state
     */
    public String stateCode(String what, String value) {
        return state(what, value).id();
    }

    public static Purpose purpose(String purpose) {
        if (purpose == null || purpose.isBlank()) return Purpose.TOURISM;
        try {
            return Purpose.valueOf(purpose.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "purpose '" + purpose + "' is not one of tourism, business, family, transit, study, work");
        }
    }
}
