package org.orderly.border.crossing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;

/**
 * One crossing of a border: who ({@code traveller}, the key that links a person's documents; by default the document's
 * issuing state and number), with which document, entering or leaving which state ({@code state}) at which crossing
 * point, when, and the stay rule applied at entry ({@code rule}, as {@link StayRuleCodes} writes it).
 */
public record Crossing(
        String id,
        String traveller,
        Direction direction,
        Instant at,
        String state,
        String crossingPoint,
        String documentNumber,
        String issuingState,
        String nationality,
        String rule) {

    /** Entering or leaving the territory. */
    public enum Direction {
        ENTRY,
        EXIT
    }

    public Crossing {
        id = required(id, "id");
        Objects.requireNonNull(direction, "direction");
        // Microseconds: what the ledger keeps, so that a crossing read back equals the one recorded.
        at = Objects.requireNonNull(at, "at").truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        state = required(state, "state").toUpperCase(Locale.ROOT);
        crossingPoint = required(crossingPoint, "crossing_point");
        documentNumber = required(documentNumber, "document_number").toUpperCase(Locale.ROOT);
        issuingState = required(issuingState, "issuing_state").toUpperCase(Locale.ROOT);
        nationality = nationality == null || nationality.isBlank()
                ? issuingState
                : nationality.strip().toUpperCase(Locale.ROOT);
        traveller = traveller == null || traveller.isBlank()
                ? documentKey(issuingState, documentNumber)
                : traveller.strip();
        // One way to say "no rule" (an exit's usual case), whether read from a file, a message or the ledger.
        rule = rule == null || rule.isBlank() ? null : rule.strip();
        if (direction == Direction.ENTRY) StayRuleCodes.parse(required(rule, "rule"));
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) throw new IllegalArgumentException("a crossing needs its " + field);
        return value.strip();
    }

    /** The traveller key of a document when no link to a person is known: issuing state and number. */
    public static String documentKey(String issuingState, String documentNumber) {
        return issuingState.strip().toUpperCase(Locale.ROOT) + ":"
                + documentNumber.strip().toUpperCase(Locale.ROOT);
    }

    /** The calendar day of the crossing, in UTC: the day of entry or of exit counted as a day of stay. */
    public LocalDate day() {
        return dayOf(at);
    }

    /**
     * The calendar day of an instant in UTC: {@code LocalDate.ofInstant(at, ZoneOffset.UTC)}, by epoch-day arithmetic,
     * because on Java 17 {@code ZoneOffset.getRules()} builds new zone rules at every call (every crossing, twice).
     */
    public static LocalDate dayOf(Instant at) {
        return LocalDate.ofEpochDay(Math.floorDiv(at.getEpochSecond(), SECONDS_PER_DAY));
    }

    /** The first instant of a day in UTC: {@code day.atStartOfDay(ZoneOffset.UTC).toInstant()}, without building zone rules. */
    public static Instant startOf(LocalDate day) {
        return Instant.ofEpochSecond(day.toEpochDay() * SECONDS_PER_DAY);
    }

    private static final long SECONDS_PER_DAY = 86_400;
}
