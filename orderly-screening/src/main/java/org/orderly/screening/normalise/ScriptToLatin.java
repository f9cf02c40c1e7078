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

    /** Distinct words whose transliteration is kept between uses (screened names pass through: see {@link WordCache}). */
    public static final int CACHE_LIMIT = 200_000;
    private static final com.github.benmanes.caffeine.cache.Cache<String, String> WORDS = WordCache.of(CACHE_LIMIT);

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
            String latin = isAscii(word) ? word : WORDS.get(word, w -> TRANSLITERATOR.get().transliterate(w));
            if (start > 0) {
                out.append(' ');
            }
            out.append(latin);
            start = end + 1;
        }
        return out.toString();
    }

    /** How many words' transliterations are cached now (after pending evictions are done). */
    public static long cachedWords() {
        WORDS.cleanUp();
        return WORDS.estimatedSize();
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
