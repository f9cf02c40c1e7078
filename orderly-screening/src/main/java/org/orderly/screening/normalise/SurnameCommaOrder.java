package org.orderly.screening.normalise;

import java.util.Locale;
import java.util.Set;

/**
 * Rewrites list order {@code SURNAME, Given} as {@code Given SURNAME}; a generational suffix after the
 * comma ({@code LAVILLA, JR}) is not a given name and is dropped instead.
 */
public final class SurnameCommaOrder implements TextStage {
    private static final Set<String> SUFFIXES = Set.of("jr", "jr.", "sr", "sr.", "ii", "iii", "iv", "junior", "senior");

    @Override
    public String apply(String text) {
        int comma = text.indexOf(',');
        if (comma < 0) {
            return text;
        }
        String before = text.substring(0, comma).trim();
        String after = text.substring(comma + 1).trim();
        if (after.isEmpty()) {
            return before;
        }
        if (SUFFIXES.contains(after.toLowerCase(Locale.ROOT))) {
            return before;
        }
        // Only the first comma separates surname from given names; later ones are punctuation.
        return after.replace(',', ' ') + " " + before;
    }
}
