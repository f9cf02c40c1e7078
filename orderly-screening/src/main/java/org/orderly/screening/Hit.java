package org.orderly.screening;

import java.util.List;
import org.orderly.screening.compare.Comparison;
import org.orderly.screening.watchlist.PersonEntry;

/** A listed person who matches a query: the list, the entry, the score, which fields matched and the explanation. */
public record Hit(
        String watchlist,
        PersonEntry entry,
        double score,
        String matchedName,
        List<String> matchedFields,
        Comparison explanation) {
    public Hit {
        matchedFields = List.copyOf(matchedFields);
    }
}
