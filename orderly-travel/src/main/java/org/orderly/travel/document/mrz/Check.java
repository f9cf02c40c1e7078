package org.orderly.travel.document.mrz;

import java.util.List;

/**
 * One check digit of a zone: the digit computed over the covered characters ({@code expected}), the
 * character found in the zone ({@code actual}), and where both are; the last span is the check digit itself.
 */
public record Check(String name, char expected, char actual, boolean passed, List<Span> positions) {

    public static final String DOCUMENT_NUMBER = "documentNumber";
    public static final String BIRTH_DATE = "birthDate";
    public static final String EXPIRY_DATE = "expiryDate";
    /** The TD3 personal number / optional data check digit (line 2, column 43). */
    public static final String OPTIONAL_DATA = "optionalData";

    public static final String COMPOSITE = "composite";

    public Check {
        positions = List.copyOf(positions);
    }

    /** Where the check digit stands in the zone. */
    public Span digitPosition() {
        return positions.get(positions.size() - 1);
    }
}
