package org.orderly.screening.normalise;

import java.util.Locale;

/**
 * Reads the letters left in a script ICU cannot write in Latin (Khmer, Lao, Tibetan, Mongolian…) by their Unicode
 * character names ({@code KHMER LETTER SA → sa}, {@code KHMER VOWEL SIGN AA → aa}), so that such a name is never
 * silently empty: the reading is approximate but the same letters read the same on both sides. Other signs
 * (viramas, tone marks) are dropped.
 */
public final class LetterNames implements TextStage {
    @Override
    public String apply(String text) {
        if (ScriptToLatin.isAscii(text)) {
            return text;
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            String reading = unreadable(c) ? reading(c) : null;
            if (reading != null && out == null) {
                out = new StringBuilder(text.length() * 2).append(text, 0, i);
            }
            if (out != null) {
                if (reading != null) {
                    out.append(reading);
                } else {
                    out.appendCodePoint(c);
                }
            }
            i += Character.charCount(c);
        }
        return out == null ? text : out.toString();
    }

    /** Whether ICU leaves letters of this name untransliterated, so that this stage reads them (for explanations). */
    public static boolean needed(String name) {
        return !ScriptToLatin.isAscii(name)
                && new ScriptToLatin().apply(name).codePoints().anyMatch(LetterNames::unreadable);
    }

    private static boolean unreadable(int c) {
        if (c < 0x80) {
            return false;
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        return script != Character.UnicodeScript.LATIN
                && script != Character.UnicodeScript.COMMON
                && script != Character.UnicodeScript.INHERITED
                && script != Character.UnicodeScript.UNKNOWN
                && (Character.isLetter(c)
                        || Character.getType(c) == Character.NON_SPACING_MARK
                        || Character.getType(c) == Character.COMBINING_SPACING_MARK);
    }

    /** The last word of the character's name for a letter or vowel sign ("" for other signs). */
    private static String reading(int c) {
        String name = Character.getName(c);
        if (name == null) {
            return "";
        }
        if (!Character.isLetter(c) && !name.contains(" VOWEL ")) {
            return "";
        }
        String last = name.substring(name.lastIndexOf(' ') + 1).toLowerCase(Locale.ROOT);
        return last.chars().allMatch(ch -> ch >= 'a' && ch <= 'z') ? last : "";
    }
}
