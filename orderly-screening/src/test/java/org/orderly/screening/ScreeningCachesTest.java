package org.orderly.screening;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.orderly.screening.compare.TokenFeatures;
import org.orderly.screening.normalise.ScriptToLatin;

/**
 * Screened travellers' names pass through the process-wide word caches: more distinct names than the caches' bounds
 * leave them at their bounds (issue 27, item 8), not holding every name screened since the process started.
 */
class ScreeningCachesTest {
    @Test
    void comparisonFeaturesOfScreenedWordsStayWithinTheBound() {
        Random random = new Random(27);
        for (int i = 0; i < TokenFeatures.CACHE_LIMIT + 60_000; i++) {
            TokenFeatures.of(word(random, 'a', 26), false);
        }
        long cached = TokenFeatures.cachedWords();
        assertTrue(cached <= TokenFeatures.CACHE_LIMIT, cached + " words cached, bound " + TokenFeatures.CACHE_LIMIT);
    }

    @Test
    void transliterationsOfScreenedWordsStayWithinTheBound() {
        Random random = new Random(8);
        ScriptToLatin stage = new ScriptToLatin();
        for (int i = 0; i < ScriptToLatin.CACHE_LIMIT + 30_000; i++) {
            stage.apply(word(random, 'а', 32)); // Cyrillic: transliterated, so cached
        }
        long cached = ScriptToLatin.cachedWords();
        assertTrue(cached <= ScriptToLatin.CACHE_LIMIT, cached + " words cached, bound " + ScriptToLatin.CACHE_LIMIT);
    }

    private static String word(Random random, char first, int letters) {
        char[] word = new char[9];
        for (int i = 0; i < word.length; i++) {
            word[i] = (char) (first + random.nextInt(letters));
        }
        return new String(word);
    }
}
