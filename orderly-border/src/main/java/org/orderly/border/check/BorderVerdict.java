package org.orderly.border.check;

import java.util.ArrayList;
import java.util.List;
import org.orderly.regime.TravelCategory;
import org.orderly.travel.document.mrz.Finding;
import org.orderly.travel.document.mrz.StateCodes;
import org.orderly.travel.requirement.TravelAnswer;

/**
 * What the officer should do, said first: {@link Level#STOP} (red) for an expired document, a failed check digit, an
 * unreadable field, a watchlist hit or a specimen document; {@link Level#CAUTION} (amber) when the check could not be complete (no watchlist
 * loaded, no travel requirement) or needs a look (a visa to be seen, repaired characters); {@link Level#PROCEED}
 * (green) only when none of these holds. Each reason is a sentence in words.
 */
public record BorderVerdict(Level level, List<String> reasons) {

    /** Red, amber, green. */
    public enum Level {
        STOP("Stop"),
        CAUTION("Caution"),
        PROCEED("Proceed");

        private final String label;

        Level(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public BorderVerdict {
        reasons = List.copyOf(reasons);
    }

    public static BorderVerdict of(
            DocumentView document, List<HitView> hits, int watchlistsLoaded, TravelAnswer travel, String travelNote) {
        List<String> stop = new ArrayList<>();
        List<String> caution = new ArrayList<>();
        for (DocumentView.CheckView check : document.checks()) {
            if (!check.passed())
                stop.add("The check digit of the " + check.label() + " failed (expected " + check.expected()
                        + ", found " + check.actual() + " at " + check.position() + ").");
        }
        for (DocumentView.FindingView error : document.errors())
            stop.add("The zone is faulty: " + error.message() + ".");
        for (DocumentView.FindingView warning : document.warnings()) {
            if (Finding.EXPIRED.equals(warning.code()))
                stop.add("The document is no longer valid: " + warning.message() + ".");
        }
        if (StateCodes.SPECIMEN.equals(document.issuingState()) || StateCodes.SPECIMEN.equals(document.nationality())) {
            stop.add(
                    "This is a specimen of ICAO Doc 9303 (Utopia, UTO), not a travel document of any state: no one is admitted on it.");
        }
        long persons = hits.stream().filter(h -> "person".equals(h.kind())).count();
        long documents = hits.size() - persons;
        if (persons > 0)
            stop.add("The holder may be on a watchlist (" + persons + (persons == 1 ? " hit" : " hits")
                    + "): see the screening below.");
        if (documents > 0) stop.add("The document is listed as lost or stolen.");
        if (watchlistsLoaded == 0)
            caution.add("No watchlist is loaded on this server: the holder and the document were not screened.");
        if (!document.repairs().isEmpty())
            caution.add("Characters were repaired from likely OCR confusions: compare the zone with the document.");
        if (travel == null) {
            caution.add("No travel requirement could be given" + (travelNote == null ? "." : ": " + travelNote + "."));
        } else if (travel.category() == TravelCategory.NO_ADMISSION) {
            stop.add("The rules record no admission for " + travel.passportName() + " nationals.");
        } else if (travel.category() == TravelCategory.COVID_ENTRY_BAN) {
            stop.add("The visa data of " + travel.dataAsOf() + " record a temporary COVID-19 entry ban for "
                    + travel.passportName() + " nationals: check whether it still applies.");
        } else if (travel.category() == TravelCategory.VISA_REQUIRED || travel.category() == TravelCategory.E_VISA) {
            caution.add("A visa is required (" + travel.categoryLabel() + "): see it before admitting.");
        }
        if (!stop.isEmpty()) {
            List<String> all = new ArrayList<>(stop);
            all.addAll(caution);
            return new BorderVerdict(Level.STOP, all);
        }
        if (!caution.isEmpty()) return new BorderVerdict(Level.CAUTION, caution);
        return new BorderVerdict(
                Level.PROCEED,
                List.of("The zone is valid, no watchlist hit, and the travel requirement allows entry."));
    }
}
