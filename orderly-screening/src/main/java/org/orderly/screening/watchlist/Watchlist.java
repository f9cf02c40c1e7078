package org.orderly.screening.watchlist;

import java.util.List;

/** A named list that states agreed to share: persons to screen names against and lost or stolen documents. */
public record Watchlist(String name, List<PersonEntry> persons, List<DocumentEntry> documents) {
    public Watchlist {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a watchlist needs a name");
        }
        persons = List.copyOf(persons);
        documents = List.copyOf(documents);
    }
}
