package org.orderly.screening.compare;

import com.ibm.icu.text.Transliterator;

/**
 * The characters of a name written wholly in Han or wholly in Hangul, in simplified form and sorted (the order of
 * surname and given name varies): two such names whose characters differ name different people more often than one
 * mistyped, even when the Latin readings are one letter apart or the same (homophones).
 */
final class NativeCharacters {
    /** How {@link #of} starts for a name written in Hangul. */
    static final String HANGUL = Character.UnicodeScript.HANGUL.name() + ":";
    /** How {@link #of} starts for a name written in Han. */
    static final String HAN = Character.UnicodeScript.HAN.name() + ":";

    private static final ThreadLocal<Transliterator> SIMPLIFIED =
            ThreadLocal.withInitial(() -> Transliterator.getInstance("Traditional-Simplified"));
    // The transliterator is costly and names repeat their characters: each character's simplified form once.
    private static final java.util.concurrent.ConcurrentHashMap<Integer, String> SIMPLIFIED_CHARACTERS =
            new java.util.concurrent.ConcurrentHashMap<>();

    private NativeCharacters() {}

    /** The sorted characters (Han in simplified form), or null when the name is not wholly Han or wholly Hangul. */
    static String of(String original) {
        if (original == null || original.isEmpty() || original.charAt(0) < 0x1100) {
            return null;
        }
        Character.UnicodeScript script = null;
        StringBuilder letters = new StringBuilder(original.length());
        for (int i = 0; i < original.length(); ) {
            int c = original.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isWhitespace(c)) {
                continue;
            }
            Character.UnicodeScript of = Character.UnicodeScript.of(c);
            if (of != Character.UnicodeScript.HAN && of != Character.UnicodeScript.HANGUL
                    || script != null && of != script) {
                return null;
            }
            script = of;
            letters.appendCodePoint(c);
        }
        if (script == null) {
            return null;
        }
        String text = letters.toString();
        if (script == Character.UnicodeScript.HAN) {
            StringBuilder simplified = new StringBuilder(text.length());
            text.codePoints()
                    .forEach(c -> simplified.append(SIMPLIFIED_CHARACTERS.computeIfAbsent(
                            c, k -> SIMPLIFIED.get().transliterate(new String(Character.toChars(k))))));
            text = simplified.toString();
        }
        return script.name() + ":"
                + text.codePoints()
                        .sorted()
                        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                        .toString();
    }
}
