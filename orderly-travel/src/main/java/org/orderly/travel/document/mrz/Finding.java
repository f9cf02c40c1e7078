package org.orderly.travel.document.mrz;

/** Something noticed while reading a zone: an error makes the zone invalid, a warning does not. */
public record Finding(Severity severity, String code, String message, Span position) {

    /** Whether a finding invalidates the zone. */
    public enum Severity {
        ERROR,
        WARNING
    }

    public static final String NOT_A_DIGIT = "NOT_A_DIGIT";
    public static final String NOT_A_LETTER = "NOT_A_LETTER";
    public static final String INVALID_DATE = "INVALID_DATE";
    public static final String INVALID_SEX = "INVALID_SEX";
    public static final String BIRTH_DATE_UNKNOWN = "BIRTH_DATE_UNKNOWN";
    public static final String EXPIRED = "EXPIRED";
    public static final String UNKNOWN_ISSUING_STATE = "UNKNOWN_ISSUING_STATE";
    public static final String UNKNOWN_NATIONALITY = "UNKNOWN_NATIONALITY";
    public static final String NAME_TRUNCATED = "NAME_TRUNCATED";
    public static final String UNUSUAL_DOCUMENT_CODE = "UNUSUAL_DOCUMENT_CODE";

    /** Whether this finding is an error. */
    public boolean error() {
        return severity == Severity.ERROR;
    }
}
