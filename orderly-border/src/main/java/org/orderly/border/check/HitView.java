package org.orderly.border.check;

import java.util.List;
import org.orderly.screening.DocumentHit;
import org.orderly.screening.Hit;
import org.orderly.screening.compare.Comparison;
import org.orderly.screening.compare.TokenMatch;

/**
 * A screening hit as the API, the border page and the command line show it: the list and entry, the score, the fields
 * that matched and the explanation; {@code kind} is {@code person} or {@code document}.
 */
public record HitView(
        String kind,
        String watchlist,
        String entryId,
        String listedName,
        String matchedName,
        String birthDate,
        String nationality,
        Double score,
        List<String> matchedFields,
        String explanation,
        List<TokenMatch> matches,
        String documentNumber,
        String issuingState,
        String note) {

    public static HitView of(Hit hit) {
        Comparison c = hit.explanation();
        return new HitView(
                "person",
                hit.watchlist(),
                hit.entry().id(),
                hit.entry().name(),
                hit.matchedName(),
                hit.entry().birthDate() == null ? null : hit.entry().birthDate().toString(),
                hit.entry().nationality(),
                Math.round(hit.score() * 1000) / 1000.0,
                hit.matchedFields(),
                c.explanation(),
                c.matches(),
                null,
                null,
                null);
    }

    public static HitView of(DocumentHit hit) {
        return new HitView(
                "document",
                hit.watchlist(),
                hit.entry().id(),
                null,
                null,
                null,
                null,
                null,
                List.of("document_number", "issuing_state"),
                "document " + hit.entry().number()
                        + (hit.entry().issuingState().isEmpty()
                                ? ""
                                : " of " + hit.entry().issuingState()) + " is listed as lost or stolen"
                        + (hit.entry().note() == null || hit.entry().note().isBlank()
                                ? ""
                                : ": " + hit.entry().note()),
                List.of(),
                hit.entry().number(),
                hit.entry().issuingState(),
                hit.entry().note());
    }
}
