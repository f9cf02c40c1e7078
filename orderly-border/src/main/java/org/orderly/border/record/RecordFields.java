package org.orderly.border.record;

import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.orderly.border.crossing.Crossing;
import org.orderly.border.crossing.StayRuleCodes;
import org.orderly.border.readmission.ReadmissionCase;
import org.orderly.regime.RegimeDates;
import org.orderly.regime.Registry;
import org.orderly.regime.Rulebook;
import org.orderly.regime.State;
import org.orderly.regime.reference.ReferenceData;
import org.orderly.travel.document.mrz.DocumentNumbers;
import org.orderly.travel.document.mrz.StateCodes;

/**
 * The one check of what a border record (a crossing, a readmission case) may hold, whichever way it comes in (the API,
 * {@code crossings import}, a Kafka message): states are states of the registry; issuing states and nationalities are
 * those or the ICAO Doc 9303 codes that are no state ({@code XXA} stateless, {@code UNO}…), Germany's {@code D} read as
 * {@code DEU}; document numbers as a machine-readable zone writes them ({@link DocumentNumbers}); ids, references and
 * crossing points short printable text; instants within the dates Orderly accepts. Every refusal is a
 * {@link FieldException} naming the field; what passes is normalised (upper-case codes, stripped text), so that only
 * normalised values reach the ledger and the audit log.
 */
public final class RecordFields {
    /** The longest id, traveller key, file reference or crossing point kept. */
    public static final int LONGEST_TEXT = 64;
    /** The longest reason given with an answer. */
    public static final int LONGEST_REASON = 2000;

    private static volatile RecordFields reference;

    private final Set<String> states;

    private RecordFields(Set<String> states) {
        this.states = Set.copyOf(states);
    }

    /** The rules with the states of this registry. */
    public static RecordFields of(Registry registry) {
        Set<String> codes = new HashSet<>();
        for (State state : registry.states()) codes.add(state.id());
        return new RecordFields(codes);
    }

    /** The rules with the states of Orderly's reference data (what a stream job reads with, having no database). */
    public static RecordFields reference() {
        RecordFields known = reference;
        if (known == null) {
            known = of(ReferenceData.load());
            reference = known;
        }
        return known;
    }

    /** A state of the registry (a border, a requesting or requested state), its code normalised. */
    public String state(String field, String value) {
        String code = code(field, value);
        if (!states.contains(code))
            throw new FieldException(field, "'" + printable(value) + "' is not a state in the registry");
        return code;
    }

    /** An issuing state or nationality: a state of the registry or an ICAO Doc 9303 code that is no state; null when blank. */
    public String travelCode(String field, String value) {
        if (value == null || value.isBlank()) return null;
        String code = code(field, value);
        if (states.contains(code) || StateCodes.ICAO_SPECIAL.contains(code)) return code;
        throw new FieldException(
                field, "'" + printable(value) + "' is neither a state in the registry nor an ICAO Doc 9303 code");
    }

    private static String code(String field, String value) {
        if (value == null || value.isBlank()) throw new FieldException(field, "is missing");
        String code = value.strip().toUpperCase(Locale.ROOT);
        // ICAO Doc 9303 writes Germany as D, where ISO 3166 and the registry write DEU.
        return code.equals("D") ? "DEU" : code;
    }

    /** A document number as a zone writes it. */
    public static String documentNumber(String field, String value) {
        java.util.Optional<String> problem = DocumentNumbers.problem(value);
        if (problem.isPresent()) throw new FieldException(field, problem.get());
        return value.strip().toUpperCase(Locale.ROOT);
    }

    /** Required short text: printable, no control characters, at most {@code longest} characters; stripped. */
    public static String text(String field, String value, int longest) {
        if (value == null || value.isBlank()) throw new FieldException(field, "is missing");
        return optionalText(field, value, longest);
    }

    /** Optional short text (null when blank), under the rules of {@link #text}. */
    public static String optionalText(String field, String value, int longest) {
        if (value == null || value.isBlank()) return null;
        String text = value.strip();
        if (text.length() > longest)
            throw new FieldException(field, "has " + text.length() + " characters; at most " + longest + " are kept");
        for (int i = 0; i < text.length(); i++) {
            if (Character.isISOControl(text.charAt(i))) {
                throw new FieldException(
                        field,
                        String.format(
                                "holds the control character U+%04X at position %d", (int) text.charAt(i), i + 1));
            }
        }
        return text;
    }

    /** Free text such as a refusal's reason: at most {@link #LONGEST_REASON} characters, line breaks and tabs its only control characters. */
    public static String reason(String field, String value) {
        if (value == null || value.isBlank()) return null;
        String text = value.strip();
        if (text.length() > LONGEST_REASON)
            throw new FieldException(
                    field, "has " + text.length() + " characters; at most " + LONGEST_REASON + " are kept");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
                throw new FieldException(
                        field, String.format("holds the control character U+%04X at position %d", (int) c, i + 1));
            }
        }
        return text;
    }

    /**
     * A readmission request opened on the rulebook's date, every field checked: both states of the registry, the
     * person's file reference short printable text, the nationality a travel code.
     */
    public ReadmissionCase readmissionCase(
            String id,
            Rulebook rulebook,
            String requesting,
            String requested,
            String personReference,
            String nationality) {
        return ReadmissionCase.open(
                text("id", id, LONGEST_TEXT),
                rulebook,
                state("requesting", requesting),
                state("requested", requested),
                text("personReference", personReference, LONGEST_TEXT),
                travelCode("nationality", nationality));
    }

    /** A point in time within the dates Orderly accepts. */
    public static Instant instant(String field, Instant at) {
        if (at == null) throw new FieldException(field, "is missing");
        try {
            return RegimeDates.requireWithin(field, at);
        } catch (IllegalArgumentException e) {
            throw new FieldException(field, e.getMessage().substring(field.length() + 1));
        }
    }

    /**
     * A crossing whose every field passed its rule; {@code traveller} defaults to the document's key, {@code nationality}
     * to the issuing state. The field names are the columns of {@code CrossingRecords}.
     */
    public Crossing crossing(
            String id,
            String traveller,
            Crossing.Direction direction,
            Instant at,
            String state,
            String crossingPoint,
            String documentNumber,
            String issuingState,
            String nationality,
            String rule) {
        if (direction == null) throw new FieldException("direction", "is missing: entry or exit");
        String issuer = travelCode("issuing_state", issuingState);
        if (issuer == null) throw new FieldException("issuing_state", "is missing");
        String stayRule = optionalText("rule", rule, LONGEST_TEXT);
        if (direction == Crossing.Direction.ENTRY) {
            if (stayRule == null) throw new FieldException("rule", "is missing: an entry needs its stay rule");
            try {
                StayRuleCodes.parse(stayRule);
            } catch (IllegalArgumentException e) {
                throw new FieldException("rule", "is wrong: " + e.getMessage());
            }
        }
        return new Crossing(
                text("id", id, LONGEST_TEXT),
                optionalText("traveller", traveller, LONGEST_TEXT),
                direction,
                instant("at", at),
                state("state", state),
                text("crossing_point", crossingPoint, LONGEST_TEXT),
                documentNumber("document_number", documentNumber),
                issuer,
                travelCode("nationality", nationality),
                stayRule);
    }

    /** The value as an error may quote it: control characters shown as code points, at most 40 characters. */
    public static String quoted(String value) {
        return value == null ? "" : printable(value);
    }

    private static String printable(String value) {
        StringBuilder out = new StringBuilder();
        String text = value.strip();
        for (int i = 0; i < text.length() && out.length() < 40; i++) {
            char c = text.charAt(i);
            out.append(Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return text.length() > 40 || out.length() >= 40 ? out + "…" : out.toString();
    }
}
