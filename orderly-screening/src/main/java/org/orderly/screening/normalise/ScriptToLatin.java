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

    @Override
    public String apply(String text) {
        if (isAscii(text)) {
            return text;
        }
        return TRANSLITERATOR.get().transliterate(text);
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
