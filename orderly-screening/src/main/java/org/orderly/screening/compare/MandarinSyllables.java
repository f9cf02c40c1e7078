package org.orderly.screening.compare;

import com.ibm.icu.text.Transliterator;
import java.util.HashSet;
import java.util.Set;

/**
 * The toneless pinyin syllables that Han characters transliterate to (about 400), computed once with ICU: two such
 * syllables one letter apart are different names (Jiang and Xiang, Zhang and Zheng), not a typo of one another.
 */
final class MandarinSyllables {
    private static final Set<String> SYLLABLES = build();
    /** Letters of the longest syllable (zhuang): a longer token is none. */
    static final int LONGEST = SYLLABLES.stream().mapToInt(String::length).max().orElse(0);

    private MandarinSyllables() {}

    static java.util.Set<String> all() {
        return SYLLABLES;
    }

    static boolean contains(String token) {
        return SYLLABLES.contains(token);
    }

    private static Set<String> build() {
        StringBuilder han = new StringBuilder(2 * (0x9FFF - 0x4E00 + 1));
        for (char c = 0x4E00; c <= 0x9FFF; c++) {
            han.append(c).append(' ');
        }
        String latin =
                Transliterator.getInstance("Han-Latin; Latin-ASCII; Lower").transliterate(han.toString());
        Set<String> syllables = new HashSet<>();
        for (String syllable : latin.split("[^a-z]+")) {
            if (!syllable.isEmpty()) {
                syllables.add(syllable);
            }
        }
        return Set.copyOf(syllables);
    }
}
