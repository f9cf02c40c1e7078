package org.orderly.regime;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A party's relation to an instrument (signed, ratified, acceded) or to a process (member,
 * observer), with the date it took effect and that date's precision (a day, or only a year as in the
 * UN Treaty Collection extracts), the date it ended (if it did) and any reservations. An empty
 * {@code since} means the date is unknown (a signature whose day no source gives).
 */
public record Participation(
        String partyId,
        String subjectId,
        Status status,
        LocalDate since,
        LocalDate until,
        List<String> reservations,
        Source source,
        Precision sincePrecision)
        implements java.io.Serializable {

    /** The kinds of participation, from the weakest to the strongest tie. */
    public enum Status {
        OBSERVER,
        SIGNED,
        MEMBER,
        RATIFIED,
        ACCEDED;

        /** Whether this status binds the party to the instrument's commitments. */
        public boolean binds() {
            return this == MEMBER || this == RATIFIED || this == ACCEDED;
        }
    }

    /** How much of a date a source gives: the day, or only the year (stored as 1 January of it). */
    public enum Precision {
        DAY,
        YEAR
    }

    public Participation {
        Objects.requireNonNull(partyId, "participation party");
        Objects.requireNonNull(subjectId, "participation instrument or process");
        Objects.requireNonNull(status, "participation status");
        Objects.requireNonNull(source, "participation source");
        sincePrecision = sincePrecision == null ? Precision.DAY : sincePrecision;
        if (since != null
                && sincePrecision == Precision.YEAR
                && (since.getMonthValue() != 1 || since.getDayOfMonth() != 1)) {
            throw new IllegalArgumentException("participation of " + partyId + " in " + subjectId
                    + " gives only a year, so its date must be stored as 1 January of it, not " + since);
        }
        if (since != null && until != null && until.isBefore(since)) {
            throw new IllegalArgumentException("participation of " + partyId + " in " + subjectId + " ends (" + until
                    + ") before it begins (" + since + ")");
        }
        reservations = reservations == null ? List.of() : List.copyOf(reservations);
    }

    /** A participation whose date is known to the day (or unknown). */
    public Participation(
            String partyId,
            String subjectId,
            Status status,
            LocalDate since,
            LocalDate until,
            List<String> reservations,
            Source source) {
        this(partyId, subjectId, status, since, until, reservations, source, Precision.DAY);
    }

    /**
     * A participation whose date is given as its source publishes it: empty when no source gives it, four digits for a
     * year ("2007"), or a day ("2007-03-14"). The one reading of such a date, for reference files, forms, the API and
     * imported status lists.
     *
     * @throws IllegalArgumentException naming the text when it is none of these
     */
    public static Participation published(
            String partyId,
            String subjectId,
            Status status,
            String since,
            LocalDate until,
            List<String> reservations,
            Source source) {
        String text = since == null ? "" : since.strip();
        if (text.isEmpty())
            return new Participation(partyId, subjectId, status, null, until, reservations, source, Precision.DAY);
        if (text.matches("[0-9]{4}")) {
            return new Participation(
                    partyId,
                    subjectId,
                    status,
                    LocalDate.of(Integer.parseInt(text), 1, 1),
                    until,
                    reservations,
                    source,
                    Precision.YEAR);
        }
        try {
            return new Participation(
                    partyId, subjectId, status, LocalDate.parse(text), until, reservations, source, Precision.DAY);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "since '" + text + "' is not a date as published: a year (2007), a day (2007-03-14), "
                            + "or empty when no source gives it");
        }
    }

    /** The date as published, for data exchange: "2007" for a year, "2007-03-14" for a day, null when unknown. */
    public String sincePublished() {
        return since == null ? null : sinceText();
    }

    /** A participation known only by the year in which it took effect. */
    public static Participation inYear(String partyId, String subjectId, Status status, int year, Source source) {
        return new Participation(
                partyId, subjectId, status, LocalDate.of(year, 1, 1), null, List.of(), source, Precision.YEAR);
    }

    /**
     * Whether the participation is certainly effective on the date (begun, not ended). A participation
     * known only by its year is certain from 1 January of the next year; within its year see {@link #pendingOn}.
     * A participation whose date is unknown is effective on no date: an unknown date is never taken for any date.
     * Whether it binds is the registry's one rule, {@link Registry#boundParties}, which also asks the instrument.
     */
    public boolean effectiveOn(LocalDate date) {
        if (since == null) return false;
        boolean begun = sincePrecision == Precision.YEAR ? since.getYear() < date.getYear() : !since.isAfter(date);
        return begun && (until == null || until.isAfter(date));
    }

    /** Whether the date falls within the year of a participation known only by its year ("during 2007"). */
    public boolean pendingOn(LocalDate date) {
        return since != null
                && sincePrecision == Precision.YEAR
                && since.getYear() == date.getYear()
                && (until == null || until.isAfter(date));
    }

    /** The date as the source gives it: "2007-03-14", "2007" for a year, "date unknown" when there is none. */
    public String sinceText() {
        if (since == null) return "date unknown";
        return sincePrecision == Precision.YEAR ? Integer.toString(since.getYear()) : since.toString();
    }
}
