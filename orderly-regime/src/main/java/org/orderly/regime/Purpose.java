package org.orderly.regime;

/** Why a person travels; some commitments and policies apply only to some purposes. */
public enum Purpose {
    TOURISM,
    BUSINESS,
    FAMILY,
    TRANSIT,
    STUDY,
    WORK
}
