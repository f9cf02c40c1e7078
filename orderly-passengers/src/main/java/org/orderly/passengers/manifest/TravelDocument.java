package org.orderly.passengers.manifest;

import java.time.LocalDate;

/**
 * A travel document as declared in the message (PAXLST DOC/DTM/LOC, PNRGOV SSR DOCS or DOCO): type
 * code (P passport, V visa…), number, issuing state and the dates, each null when absent. States are as
 * written (alpha-3 normally; some carriers send alpha-2). The holder's name is the one on the document
 * where the message gives it (SSR DOCS), which may differ from the booking name.
 */
public record TravelDocument(
        String type,
        String number,
        String issuingState,
        LocalDate expiry,
        LocalDate issued,
        String holderSurname,
        String holderGivenNames,
        String source) {

    /** The holder's given names then surname; null when the message gives no name on the document. */
    public String holderName() {
        if (holderSurname == null) return null;
        return ((holderGivenNames == null ? "" : holderGivenNames) + " " + holderSurname).strip();
    }
}
