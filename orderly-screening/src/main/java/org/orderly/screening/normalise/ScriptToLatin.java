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
            String latin = isAscii(word) ? word : WORDS.get(word, ScriptToLatin::latin);
            if (start > 0) {
                out.append(' ');
            }
            out.append(latin);
            start = end + 1;
        }
        return out.toString();
    }

    /**
     * One word in Latin: by ICU, but Khmer (which ICU cannot transliterate) by {@link KhmerToLatin}; zero-width joiners
     * (Bengali conjuncts) dropped so they do not cut a word; the Ethiopic sixth-order vowel (ǝ), which usual Latin
     * spellings leave out (Matthew, not Matǝtǝhew), dropped; and a Bengali word's final inherent vowel, which is not
     * pronounced (Yadav, not Yadaba's final a), left out.
     */
    private static String latin(String word) {
        String w = word.replace("\u200C", "").replace("\u200D", "");
        if (KhmerToLatin.khmer(w)) {
            w = KhmerToLatin.read(w);
            if (isAscii(w)) {
                return w;
            }
        }
        String latin = TRANSLITERATOR.get().transliterate(w);
        int last = w.isEmpty() ? 0 : w.codePointBefore(w.length());
        Character.UnicodeScript script = null;
        for (int i = 0; i < w.length() && script == null; i += Character.charCount(w.codePointAt(i))) {
            if (w.codePointAt(i) >= 0x80) {
                script = Character.UnicodeScript.of(w.codePointAt(i)); // the word's script: its first letter past ASCII
            }
        }
        if (script == Character.UnicodeScript.ETHIOPIC) {
            latin = latin.replace("\u01DD", "").replace("\u0259", "");
        } else if (script == Character.UnicodeScript.BENGALI
                && bengaliConsonant(last)
                && latin.length() > 2
                && latin.endsWith("a")) {
            latin = latin.substring(0, latin.length() - 1);
        }
        return latin;
    }

    private static boolean bengaliConsonant(int c) {
        return c >= 0x0995 && c <= 0x09B9 || c >= 0x09DC && c <= 0x09DF;
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
