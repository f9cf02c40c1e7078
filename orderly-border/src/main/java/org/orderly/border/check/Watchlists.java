package org.orderly.border.check;

import java.util.ArrayList;
import java.util.List;
import org.orderly.screening.DocumentHit;
import org.orderly.screening.Hit;
import org.orderly.screening.Screener;
import org.orderly.screening.compare.PersonDetails;
import org.orderly.screening.watchlist.Watchlist;

/** The watchlists a border screens against, with a summary of each (name and sizes, never the contents). */
public final class Watchlists {

    /** A loaded list's name and how many persons and documents it holds; never its contents. */
    public record Summary(String name, int persons, int documents) {}

    private final List<Summary> summaries;
    private final Screener screener;

    public Watchlists(List<Watchlist> lists) {
        this.screener = new Screener(lists);
        this.summaries = lists.stream()
                .map(l ->
                        new Summary(l.name(), l.persons().size(), l.documents().size()))
                .toList();
    }

    public List<Summary> summaries() {
        return summaries;
    }

    /** The screener over these lists, for checks composed elsewhere (the pre-arrival assessment of passengers). */
    public Screener screener() {
        return screener;
    }

    /** Person and document hits, persons best first; the document part is skipped when no number is given. */
    public List<HitView> screen(PersonDetails person, String documentNumber, String issuingState) {
        List<HitView> hits = new ArrayList<>();
        if (person != null) {
            for (Hit hit : screener.screen(person)) hits.add(HitView.of(hit));
        }
        if (documentNumber != null && !documentNumber.isBlank()) {
            for (DocumentHit hit : screener.screenDocument(documentNumber, issuingState)) hits.add(HitView.of(hit));
        }
        return hits;
    }
}
