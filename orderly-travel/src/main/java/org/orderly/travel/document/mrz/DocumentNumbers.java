package org.orderly.travel.document.mrz;

import java.util.Locale;
import java.util.Optional;

/**
 * A document number as a machine-readable zone carries it (ICAO Doc 9303): the letters A-Z and digits 0-9 only, no
 * filler, at most {@link #LONGEST} characters — nine in the number field, the rest in the optional data of a TD1 or TD2
 * document, as {@link MrzReader} reads long numbers. What a record keeps of a document read elsewhere (a crossing, a
 * watchlist) is checked by the same rule, so that it can be matched with a zone.
 */
public final class DocumentNumbers {
    /**
     * The longest number a zone can carry: nine characters in the number field, then the TD1 optional data up to the
     * check digit that ends the number (the layout {@link MrzReader} reads, 9 + 15 - 1).
     */
    public static final int LONGEST =
            9 + (Layout.of(MrzFormat.TD1).optionalTo - Layout.of(MrzFormat.TD1).optionalFrom) - 1;

    private DocumentNumbers() {}

    /** The number in upper case without surrounding spaces (as a zone writes it), or what is wrong with it. */
    public static Optional<String> problem(String number) {
        String text = number == null ? "" : number.strip();
        if (text.isEmpty()) return Optional.of("is empty");
        if (text.length() > LONGEST)
            return Optional.of(
                    "has " + text.length() + " characters; a machine-readable zone carries at most " + LONGEST);
        String upper = text.toUpperCase(Locale.ROOT);
        for (int i = 0; i < upper.length(); i++) {
            char c = upper.charAt(i);
            if (c == '<' || CheckDigit.value(c) < 0) {
                return Optional.of("has " + describe(c) + " at position " + (i + 1)
                        + "; a document number holds only the letters A-Z and digits 0-9 (ICAO Doc 9303)");
            }
        }
        return Optional.empty();
    }

    private static String describe(char c) {
        return c < 0x20 || c == 0x7f ? String.format("the control character U+%04X", (int) c) : "'" + c + "'";
    }
}
