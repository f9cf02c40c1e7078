package org.orderly.server.web;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.orderly.regime.Instrument;
import org.orderly.regime.Participation;
import org.orderly.regime.Party;
import org.orderly.regime.Registry;
import org.orderly.store.TreatyStatusImporter;

/**
 * What the pages may say about who takes part in an instrument on a date, and nothing more: dates with their
 * precision ("2007", "during 2007", "date unknown"), nothing before the instrument existed, and "not recorded in
 * Orderly" where no participation was ever recorded or a source's file leaves a party out.
 */
record ParticipationFacts(
        boolean recorded,
        boolean existed,
        String existedNote,
        List<Row> rows,
        List<Row> undated,
        int boundCount,
        int recordedCount,
        String coverage,
        String extractNote) {

    /** How a participation can be added, said wherever one is missing. */
    static final String HOW_TO_ADD =
            "A participation is added by the secretariat, always with its source; a reader who knows one "
                    + "can send the secretariat the source.";

    /** One participation as a page shows it. */
    record Row(
            String partyId,
            String partyName,
            String status,
            String act,
            String since,
            String until,
            String sourceTitle,
            String sourceReference,
            LocalDate asOf) {
        /** The row's source, for a link to it. */
        public org.orderly.regime.Source source() {
            return new org.orderly.regime.Source(sourceTitle, sourceReference, asOf);
        }

        /**
         * The source in a few words for a downloaded table: who states the fact and as of when, without the intermediary's
         * repository name that an imported extract's full title carries (the page links the full source).
         */
        public String shortSource() {
            int intermediary = sourceTitle.indexOf(", as extracted by ");
            String who = intermediary < 0 ? sourceTitle : sourceTitle.substring(0, intermediary) + ", extract";
            return who + (asOf == null ? "" : " (as of " + asOf + ")");
        }
    }

    /**
     * @param coverage    what an imported extract says it covers ("" when none was imported)
     * @param extractNote "in the extract of 2022-08" when the participations come from an imported extract, else ""
     */
    static ParticipationFacts of(
            Registry registry, Instrument instrument, LocalDate date, String coverage, String extractNote) {
        boolean recorded = !registry.participationsIn(instrument.id()).isEmpty();
        LocalDate existsFrom = instrument.adopted() != null ? instrument.adopted() : instrument.inForce();
        boolean existed = existsFrom == null || !existsFrom.isAfter(date);
        String existedNote = existed
                ? ""
                : "The instrument did not exist on " + date + ": it was "
                        + (instrument.adopted() != null
                                ? "adopted on " + instrument.adopted()
                                : "in force from " + instrument.inForce())
                        + ".";
        List<Row> rows = registry.participationsOn(instrument.id(), date).stream()
                .sorted(Comparator.comparing((Participation p) -> name(registry, p.partyId()))
                        .thenComparing(Participation::status))
                .map(p -> row(registry, p, date))
                .toList();
        List<Row> undated = registry.undatedParticipations(instrument.id()).stream()
                .sorted(Comparator.comparing((Participation p) -> name(registry, p.partyId()))
                        .thenComparing(Participation::status))
                .map(p -> row(registry, p, null))
                .toList();
        return new ParticipationFacts(
                recorded,
                existed,
                existedNote,
                rows,
                undated,
                registry.boundParties(instrument.id(), date).size(),
                registry.participationsIn(instrument.id()).size(),
                coverage == null ? "" : coverage,
                extractNote == null ? "" : extractNote);
    }

    static Row row(Registry registry, Participation p, LocalDate date) {
        return new Row(
                p.partyId(),
                name(registry, p.partyId()),
                status(registry, p, date),
                act(p),
                since(p, date),
                p.until() == null ? "" : p.until().toString(),
                p.source().title(),
                p.source().reference(),
                p.source().asOf());
    }

    /**
     * The status in words; a participation known only by its year is "during 2007" on a date within that year, and a
     * ratification made before the instrument entered into force says that it did not bind yet.
     */
    static String status(Registry registry, Participation p, LocalDate date) {
        String word = p.status().name().toLowerCase(Locale.ROOT);
        if (date == null) return word;
        if (p.pendingOn(date)) return word + " during " + p.since().getYear() + " (day not recorded)";
        if (p.status().binds() && p.effectiveOn(date) && !registry.isBound(p.partyId(), p.subjectId(), date)) {
            return word + ", not binding yet: the instrument "
                    + registry.instrument(p.subjectId())
                            .map(i -> i.inForce() == null
                                    ? "has no entry into force"
                                    : "enters into force on " + i.inForce())
                            .orElse("is not in force");
        }
        return word;
    }

    /**
     * The act by which the party takes part, in the words of treaty practice: a UN Treaty Collection extract gives one year
     * for "ratification or accession" and does not say which, so neither is claimed for its rows.
     */
    static String act(Participation p) {
        boolean extract = p.source().title().startsWith(TreatyStatusImporter.SOURCE_TITLE_PREFIX);
        return switch (p.status()) {
            case RATIFIED -> extract ? "ratification or accession" : "ratification";
            case ACCEDED -> "accession";
            case SIGNED -> "signature";
            case MEMBER -> "membership";
            case OBSERVER -> "observer";
        };
    }

    /** The count of parties bound on the date, with the extract it comes from: "57 parties bound on 2026-12-06 in the extract of 2022-08". */
    public String boundSentence(LocalDate date) {
        return boundCount + (boundCount == 1 ? " party" : " parties") + " bound on " + date
                + (extractNote.isEmpty() ? "" : " " + extractNote);
    }

    /** The date as its source gives it: a day, a year, or "date unknown". */
    static String since(Participation p, LocalDate date) {
        return date != null && p.pendingOn(date) ? "during " + p.sinceText() : p.sinceText();
    }

    private static String name(Registry registry, String id) {
        return registry.party(id).map(Party::name).orElse(id);
    }
}
