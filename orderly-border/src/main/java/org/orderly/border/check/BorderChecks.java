package org.orderly.border.check;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.orderly.screening.compare.BirthDate;
import org.orderly.screening.compare.Nationality;
import org.orderly.screening.compare.PersonDetails;
import org.orderly.travel.document.mrz.Mrz;
import org.orderly.travel.document.mrz.MrzException;
import org.orderly.travel.document.mrz.MrzReader;
import org.orderly.travel.document.mrz.StateCodes;
import org.orderly.travel.requirement.TravelAnswer;
import org.orderly.travel.requirement.TravelQueries;

/**
 * The check at a crossing, shared by the API, the border page and any government system that embeds it: read the zone, screen the holder and the document
 * against the watchlists, and find the travel requirement for the holder's nationality at this border.
 */
public final class BorderChecks {
    private final Watchlists watchlists;
    private final TravelQueries travel;
    private final BorderAudit audit;

    public BorderChecks(Watchlists watchlists, TravelQueries travel, BorderAudit audit) {
        this.watchlists = watchlists;
        this.travel = travel;
        this.audit = audit;
    }

    /** The outcome of one border check; {@code travel} is null when no requirement could be given, and {@code travelNote} says why. */
    public record BorderCheck(
            BorderVerdict verdict,
            List<String> notes,
            DocumentView document,
            List<HitView> hits,
            String border,
            TravelAnswer travel,
            String travelNote) {}

    /**
     * Reads a zone given as lines or as text (lines win when both are given), on a date (default today on the clock of
     * the travel queries).
     *
     * @throws MrzException when the zone cannot be read at all, naming the line and column
     */
    public Mrz read(List<String> lines, String text, LocalDate on, boolean repair) {
        MrzReader reader = MrzReader.on(on == null ? travel.today() : on).withRepair(repair);
        if (lines != null && !lines.isEmpty())
            return reader.read(
                    lines.stream().map(l -> l == null ? null : l.strip()).toList());
        if (text != null && !text.isBlank()) return reader.readText(text);
        throw new MrzException(1, 1, "no zone given: send \"lines\" (two or three) or \"text\"");
    }

    /** Screens a person (name required when a person is screened) and a document (optional) against every loaded list. */
    public List<HitView> screen(
            String name, String birthDate, String nationality, String documentNumber, String issuingState) {
        boolean person = name != null && !name.isBlank();
        boolean document = documentNumber != null && !documentNumber.isBlank();
        if (!person && !document) throw new IllegalArgumentException("give a name, a documentNumber or both");
        PersonDetails details = person ? new PersonDetails(name, BirthDate.parse(birthDate), nationality) : null;
        List<HitView> hits = watchlists.screen(details, documentNumber, issuingState);
        audit.record(BorderAudit.Act.SCREENING, listNames(), describe(person, document, hits));
        return hits;
    }

    private String listNames() {
        return String.join(
                ",",
                watchlists.summaries().stream().map(Watchlists.Summary::name).toList());
    }

    /** What the audit log keeps of a screening: what was screened and which list entries it hit, never the data itself. */
    private static String describe(boolean person, boolean document, List<HitView> hits) {
        return "screened " + (person ? "person" : "") + (person && document ? " and " : "")
                + (document ? "document" : "") + "; hits " + hits.size()
                + (hits.isEmpty()
                        ? ""
                        : ": "
                                + String.join(
                                        ", ",
                                        hits.stream()
                                                .map(h -> h.watchlist() + " #" + h.entryId())
                                                .toList()));
    }

    /**
     * The whole check for a zone at the border of {@code border} (a state code; null leaves the travel part out with a
     * note). A zone given as text is first made readable ({@link ZoneText}: capitals, lines), each change noted.
     */
    public BorderCheck check(List<String> lines, String text, LocalDate on, boolean repair, String border) {
        // A state code Orderly knows, or nothing: free text never reaches the audit log.
        if (border != null && !border.isBlank()) border = travel.stateCode("border", border);
        ZoneText zone = lines != null && !lines.isEmpty() ? new ZoneText(text, List.of()) : ZoneText.of(text);
        Mrz mrz = read(lines, zone.text(), on, repair);
        DocumentView document = DocumentView.of(mrz);
        PersonDetails holder = new PersonDetails(
                document.holderName(),
                mrz.birthDate() == null
                        ? null
                        : new BirthDate(
                                mrz.birthDate().getYear(),
                                mrz.birthDate().getMonthValue(),
                                mrz.birthDate().getDayOfMonth()),
                mrz.nationality());
        List<HitView> hits =
                watchlists.screen(holder.name().isBlank() ? null : holder, mrz.documentNumber(), mrz.issuingState());
        audit.record(
                BorderAudit.Act.BORDER_CHECK,
                listNames(),
                "border " + (border == null ? "none" : border) + "; "
                        + describe(!holder.name().isBlank(), mrz.documentNumber() != null, hits));
        String nationality = Nationality.alpha3(mrz.nationality());
        String at = border == null || border.isBlank() ? null : border.trim().toUpperCase(Locale.ROOT);
        TravelAnswer answer = null;
        String note = null;
        if (at == null) {
            note = "no border given: sign in as an officer of a state or pass the border state's code";
        } else if (StateCodes.SPECIMEN.equals(nationality) || StateCodes.SPECIMEN.equals(mrz.issuingState())) {
            // Not a misspelt state (the nearest name would be Trinidad and Tobago, TTO): the specimen of ICAO Doc 9303.
            note = "UTO is Utopia, the invented state of the ICAO Doc 9303 specimen documents: this is a specimen, "
                    + "not a travel document of any state";
        } else if (nationality == null) {
            note = "the zone gives no nationality that the rulebook can look up";
        } else {
            try {
                answer = travel.answer(nationality, at, on, null);
            } catch (IllegalArgumentException e) {
                // Stateless persons, refugees and organisations' documents (XXA, XXB, UNO…) are not states of the
                // rulebook.
                note = e.getMessage();
            }
        }
        BorderVerdict verdict =
                BorderVerdict.of(document, hits, watchlists.summaries().size(), answer, note);
        return new BorderCheck(verdict, zone.notes(), document, hits, at, answer, note);
    }
}
