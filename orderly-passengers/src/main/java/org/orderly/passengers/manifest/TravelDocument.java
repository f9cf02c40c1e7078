package org.orderly.passengers.manifest;

import java.time.LocalDate;

/**
 * A travel document as declared in the message (PAXLST DOC/DTM/LOC, PNRGOV SSR DOCS or DOCO): type
 * code (P passport, V visa…), number, issuing state and the dates, each null when absent. States are as
 * written (alpha-3 normally; some carriers send alpha-2).
 */
public record TravelDocument(String type, String number, String issuingState, LocalDate expiry, LocalDate issued,
                             String source) {
}
