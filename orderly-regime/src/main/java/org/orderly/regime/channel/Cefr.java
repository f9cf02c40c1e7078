package org.orderly.regime.channel;

import java.util.Arrays;
import java.util.Locale;

/** The Common European Framework of Reference levels of language proficiency, lowest first. */
public enum Cefr {
    A1,
    A2,
    B1,
    B2,
    C1,
    C2;

    /**
     * The level written as in the framework ({@code B1}, {@code b1}).
     *
     * @throws IllegalArgumentException naming what was given and the levels there are
     */
    public static Cefr parse(String what, String text) {
        String t = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
        try {
            return valueOf(t);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    what + " '" + text + "' is not a CEFR level " + Arrays.toString(values()));
        }
    }

    /** 1 for A1 … 6 for C2, the scale a points grid counts in. */
    public int rank() {
        return ordinal() + 1;
    }
}
