package org.orderly.server.border;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.orderly.screening.DocumentHit;
import org.orderly.screening.Hit;
import org.orderly.screening.Screener;
import org.orderly.screening.compare.PersonDetails;
import org.orderly.screening.watchlist.Watchlist;
import org.orderly.screening.watchlist.WatchlistCsv;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The watchlists this server screens against, loaded once at start from {@link BorderProperties#watchlists()}.
 * A missing or malformed file stops the server: screening against a list that silently failed to load would clear everyone.
 */
@Component
public class Watchlists {
    private static final Logger log = LoggerFactory.getLogger(Watchlists.class);

    /** A loaded list's name and how many persons and documents it holds; never its contents. */
    public record Summary(String name, int persons, int documents) {
    }

    private final List<Summary> summaries;
    private final Screener screener;

    public Watchlists(BorderProperties properties) {
        List<Watchlist> lists = new ArrayList<>();
        for (BorderProperties.WatchlistFile file : properties.watchlists()) {
            if (file.path() == null || file.path().isBlank()) {
                throw new IllegalStateException("orderly.watchlists: the list '" + file.name() + "' has no path");
            }
            Path path = Path.of(file.path());
            if (!Files.isReadable(path)) {
                throw new IllegalStateException("orderly.watchlists: cannot read " + path.toAbsolutePath());
            }
            Watchlist loaded = WatchlistCsv.load(path);
            String name = file.name() == null || file.name().isBlank() ? loaded.name() : file.name();
            lists.add(new Watchlist(name, loaded.persons(), loaded.documents()));
        }
        this.screener = new Screener(lists);
        this.summaries = lists.stream().map(l -> new Summary(l.name(), l.persons().size(), l.documents().size())).toList();
        // Sizes only: the lists are personal data.
        log.info("Screening against {} watchlist(s): {}", summaries.size(), summaries);
    }

    public List<Summary> summaries() {
        return summaries;
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
