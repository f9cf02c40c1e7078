package org.orderly.screening.normalise;

import com.ibm.icu.text.Transliterator;

/**
 * Transliterates any script to Latin ASCII with ICU ({@code Any-Latin; Latin-ASCII}), which also strips diacritics;
 * pure ASCII text is passed through untouched because the transliterator is costly.
 */
public final class ScriptToLatin implements TextStage {
    private static final String RULES = "Any-Latin; Latin-ASCII";
    // ICU transliterators are expensive to build and not documented as thread-safe: one per thread, built once.
    private static final ThreadLocal<Transliterator> TRANSLITERATOR =
            ThreadLocal.withInitial(() -> Transliterator.getInstance(RULES));

    private static final java.util.concurrent.ConcurrentHashMap<String, String> WORDS =
            new java.util.concurrent.ConcurrentHashMap<>();
    private static final int MAX_CACHED = 1_000_000;

    @Override
    public String apply(String text) {
        if (isAscii(text)) {
            return text;
        }
        // Names repeat their words heavily: transliterate each space-separated word once (bounded cache).
        StringBuilder out = new StringBuilder(text.length() * 2);
        int start = 0;
        while (start <= text.length()) {
            int end = text.indexOf(' ', start);
            if (end < 0) {
                end = text.length();
            }
            String word = text.substring(start, end);
            String latin = isAscii(word) ? word : WORDS.get(word);
            if (latin == null) {
                latin = TRANSLITERATOR.get().transliterate(word);
                if (WORDS.size() < MAX_CACHED) {
                    WORDS.put(word, latin);
                }
            }
            if (start > 0) {
                out.append(' ');
            }
            out.append(latin);
            start = end + 1;
        }
        return out.toString();
    }

    static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
