package org.orderly.screening.normalise;

/**
 * Reads a digit written inside a word as the letter it stands for on a scanned or mistyped document (0 → o, 1 → i,
 * 3 → e, 4 → a, 5 → s, 6 → g, 7 → t, 8 → b, 9 → g, 2 → z); digits not touching a letter are left for the tokeniser to
 * drop.
 */
public final class LookAlikeDigits implements TextStage {
    private static final String LETTERS = "oizeasgtbg";

    @Override
    public String apply(String text) {
        char[] out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9' && insideWord(text, i)) {
                if (out == null) {
                    out = text.toCharArray();
                }
                out[i] = LETTERS.charAt(c - '0');
            }
        }
        return out == null ? text : new String(out);
    }

    // A digit belongs to a word when a letter is reached through digits on either side ("j0hn50n", "7im").
    private static boolean insideWord(String text, int at) {
        for (int direction = -1; direction <= 1; direction += 2) {
            for (int i = at + direction; i >= 0 && i < text.length(); i += direction) {
                char c = text.charAt(i);
                if (c >= 'a' && c <= 'z') {
                    return true;
                }
                if (c < '0' || c > '9') {
                    break;
                }
            }
        }
        return false;
    }
}
