package org.orderly.regime.reference;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.orderly.regime.FreeMovement;
import org.orderly.regime.Instrument;
import org.orderly.regime.Participation;
import org.orderly.regime.Pillar;
import org.orderly.regime.Registry;
import org.orderly.regime.Scope;
import org.orderly.regime.Source;
import org.orderly.regime.State;
import org.orderly.regime.Term;

/** Orderly's reference data (temporary minimal set until the authored files land). */
public final class ReferenceData {
    private ReferenceData() {
    }

    /** Instrument id → file name of its UN Treaty Collection extract in shared/data/ratifications. */
    public static java.util.Map<String, String> ratificationFiles() {
        return java.util.Map.of("ICMW", "hr_status_icmw.csv", "CAT", "hr_status_cat.csv");
    }

    public static Registry load() {
        Source iso = new Source("ISO 3166-1", "https://www.iso.org/obp/ui/#search", LocalDate.of(2026, 11, 1));
        List<State> states = List.of(
                new State("DEU", "DE", "276", "Germany", "Europe", "Western Europe", State.Standing.UN_MEMBER, iso),
                new State("FRA", "FR", "250", "France", "Europe", "Western Europe", State.Standing.UN_MEMBER, iso),
                new State("JPN", "JP", "392", "Japan", "Asia", "Eastern Asia", State.Standing.UN_MEMBER, iso),
                new State("MAR", "MA", "504", "Morocco", "Africa", "Northern Africa", State.Standing.UN_MEMBER, iso));
        Source eu = new Source("Directive 2004/38/EC", "https://eur-lex.europa.eu/eli/dir/2004/38/oj", LocalDate.of(2026, 11, 1));
        return new Registry(states,
                List.of(new Instrument("EU_FREE_MOVEMENT", "EU free movement of persons", Instrument.Kind.REGIONAL_AGREEMENT,
                        Instrument.Level.REGIONAL, true, LocalDate.of(1957, 3, 25), LocalDate.of(1958, 1, 1), Set.of(Pillar.LEGAL_MOVEMENT), eu)),
                List.of(new Participation("DEU", "EU_FREE_MOVEMENT", Participation.Status.MEMBER, LocalDate.of(1958, 1, 1), null, List.of(), eu),
                        new Participation("FRA", "EU_FREE_MOVEMENT", Participation.Status.MEMBER, LocalDate.of(1958, 1, 1), null, List.of(), eu)),
                List.of(new FreeMovement("EU_FREE_MOVEMENT", Scope.reciprocal(), Term.OPEN, true, eu)), List.of());
    }
}
