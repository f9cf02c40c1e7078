package org.orderly.screening.watchlist;

import java.util.List;
import org.orderly.screening.compare.BirthDate;
import org.orderly.screening.compare.Nationality;

/** A listed person: the list's own id, the primary name, aliases, and optional birth date and alpha-3 nationality. */
public record PersonEntry(String id, String name, List<String> aliases, BirthDate birthDate, String nationality) {
    public PersonEntry {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a listed person needs a name");
        }
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        nationality = Nationality.alpha3(nationality);
    }
}
