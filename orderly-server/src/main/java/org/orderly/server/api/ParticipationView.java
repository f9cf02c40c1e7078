package org.orderly.server.api;

import java.time.LocalDate;
import java.util.List;
import org.orderly.regime.Participation;
import org.orderly.regime.Source;

/**
 * A participation as the API shows it: {@code since} as its source publishes it ("2007" for a year, "2007-03-14" for a
 * day, null when no source gives it), never a 1 January standing in for a year; {@code sincePrecision} says which.
 */
public record ParticipationView(
        String partyId,
        String subjectId,
        Participation.Status status,
        String since,
        Participation.Precision sincePrecision,
        LocalDate until,
        List<String> reservations,
        Source source) {

    public static ParticipationView of(Participation p) {
        return new ParticipationView(
                p.partyId(),
                p.subjectId(),
                p.status(),
                p.sincePublished(),
                p.since() == null ? null : p.sincePrecision(),
                p.until(),
                p.reservations(),
                p.source());
    }

    public static List<ParticipationView> of(List<Participation> participations) {
        return participations.stream().map(ParticipationView::of).toList();
    }

    /**
     * A participation sent to the API: {@code since} as published ("2014", "2014-06-26" or absent). A client that sends
     * a day with {@code sincePrecision: "YEAR"} (the earlier form) must send 1 January of the year, which is read as the year.
     */
    public record Request(
            String partyId,
            String subjectId,
            Participation.Status status,
            String since,
            Participation.Precision sincePrecision,
            LocalDate until,
            List<String> reservations,
            Source source) {

        /** @throws IllegalArgumentException naming the field that is missing or wrong */
        public Participation participation() {
            if (partyId == null || partyId.isBlank()) throw new IllegalArgumentException("partyId is missing");
            if (subjectId == null || subjectId.isBlank()) throw new IllegalArgumentException("subjectId is missing");
            if (status == null)
                throw new IllegalArgumentException(
                        "status is missing (one of " + List.of(Participation.Status.values()) + ")");
            if (source == null)
                throw new IllegalArgumentException("source is missing: a participation is recorded with its source");
            String published = since;
            if (sincePrecision == Participation.Precision.YEAR
                    && since != null
                    && since.strip().length() == 10) {
                LocalDate day = LocalDate.parse(since.strip());
                if (day.getMonthValue() != 1 || day.getDayOfMonth() != 1) {
                    throw new IllegalArgumentException(
                            "since " + since + " with sincePrecision YEAR must be 1 January; send the year itself (\""
                                    + day.getYear() + "\")");
                }
                published = Integer.toString(day.getYear());
            }
            return Participation.published(
                    partyId.strip().toUpperCase(java.util.Locale.ROOT),
                    subjectId.strip().toUpperCase(java.util.Locale.ROOT),
                    status,
                    published,
                    until,
                    reservations,
                    source);
        }
    }
}
