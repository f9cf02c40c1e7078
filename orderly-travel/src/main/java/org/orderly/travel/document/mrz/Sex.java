package org.orderly.travel.document.mrz;

/** The sex field of a zone: M, F, or unspecified ({@code <} or {@code X}). */
public enum Sex {
    MALE,
    FEMALE,
    UNSPECIFIED
}
