package org.orderly.screening.normalise;

/**
 * Separates Hangul syllable blocks ({@code 김상현 → 김 상 현}), as Han characters are read one by one: Korean names are
 * often written without spaces, and their Latin forms join or split the syllables of the given name at will.
 */
public final class HangulSyllables implements TextStage {
    @Override
    public String apply(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (i > 0 && syllable(c) && syllable(text.charAt(i - 1))) {
                if (out == null) {
                    out = new StringBuilder(text.length() * 2).append(text, 0, i);
                }
                out.append(' ');
            }
            if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    private static boolean syllable(char c) {
        return c >= 0xAC00 && c <= 0xD7A3;
    }
}
