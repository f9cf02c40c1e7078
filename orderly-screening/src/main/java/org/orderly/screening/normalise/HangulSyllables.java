package org.orderly.screening.normalise;

/**
 * Separates the surname of a Korean name written without spaces: a run of exactly three Hangul syllables is read as a
 * one-syllable surname and a two-syllable given name ({@code 김상현 → 김 상현}), the common shape of Korean names, so that
 * it meets its Latin form (Kim Sanghyeon). Other runs are left whole: a syllable alone would read as one or two Latin
 * letters and be taken for an initial.
 */
public final class HangulSyllables implements TextStage {
    @Override
    public String apply(String text) {
        StringBuilder out = null;
        int runStart = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean syllable = i < text.length() && syllable(text.charAt(i));
            if (syllable && runStart < 0) {
                runStart = i;
            } else if (!syllable && runStart >= 0) {
                if (i - runStart == 3) {
                    if (out == null) {
                        out = new StringBuilder(text.length() + 4).append(text, 0, runStart);
                    }
                    out.append(text.charAt(runStart)).append(' ').append(text, runStart + 1, i);
                } else if (out != null) {
                    out.append(text, runStart, i);
                }
                runStart = -1;
            }
            if (!syllable && i < text.length() && out != null) {
                out.append(text.charAt(i));
            }
        }
        return out == null ? text : out.toString();
    }

    private static boolean syllable(char c) {
        return c >= 0xAC00 && c <= 0xD7A3;
    }
}
