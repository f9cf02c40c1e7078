package org.orderly.screening.watchlist;

import java.util.Locale;

/** A lost or stolen travel document, matched exactly on its normalised number and issuing state. */
public record DocumentEntry(String id, String number, String issuingState, String note) {
    public DocumentEntry {
        number = normaliseNumber(number);
        if (number.isEmpty()) {
            throw new IllegalArgumentException("a listed document needs a number");
        }
        issuingState = issuingState == null ? "" : issuingState.trim().toUpperCase(Locale.ROOT);
    }

    /**
     * Strips spaces, dashes and MRZ fillers and upper-cases; the letter O and the digit 0 stay distinct because
     * document numbers use both and folding them would report a different document.
     */
    public static String normaliseNumber(String number) {
        if (number == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(number.length());
        for (int i = 0; i < number.length(); i++) {
            char c = number.charAt(i);
            if (c == ' ' || c == '-' || c == '<' || c == '\t' || c == '\u2010' || c == '\u2013') {
                continue;
            }
            out.append(Character.toUpperCase(c));
        }
        return out.toString();
    }
}
