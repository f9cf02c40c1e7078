package org.orderly.screening.normalise;

/**
 * Reads a Khmer word in Latin letters, since ICU has no transliterator for Khmer: syllable by syllable, after the
 * consonant-and-vowel tables of the UNGEGN romanization (2012), with the vowels written as Khmer names are usually
 * spelled in Latin (ែ as e: Sen, Manet; ី as i: Sihamoni) rather than in the system's two-series spelling. A consonant
 * carries the inherent vowel of its series (a for the first, o for the second, switched by ៉ and ៊) unless a vowel sign
 * follows it or it closes a syllable; a subscript consonant (after ្) joins the onset. Approximate, as any reading of
 * an abugida without a dictionary is, but the same name reads the same and close to its usual Latin spelling.
 */
final class KhmerToLatin {
    private static final int FIRST = 0x1780;
    /** Consonants ក (U+1780) to អ (U+17A2): letters and series (1 or 2). */
    private static final String[] CONSONANTS = {
        "k", "kh", "k", "kh", "ng", "ch", "chh", "ch", "chh", "nh", "d", "th", "d", "th", "n", "t", "th", "t", "th",
        "n", "b", "ph", "p", "ph", "m", "y", "r", "l", "v", "s", "s", "s", "h", "l", ""
    };

    private static final int[] SERIES = {
        1, 1, 2, 2, 2, 1, 1, 2, 2, 2, 1, 1, 2, 2, 1, 1, 1, 2, 2, 2, 1, 1, 2, 2, 2, 2, 2, 2, 2, 1, 1, 1, 1, 1, 1
    };
    /** Independent vowels ឣ (U+17A3) to ឳ (U+17B3). */
    private static final String[] INDEPENDENT = {
        "a", "a", "e", "ei", "o", "ou", "ou", "ov", "rue", "rue", "lue", "lue", "ae", "ai", "ao", "ao", "au"
    };
    /** Dependent vowel signs ា (U+17B6) to ៅ (U+17C5), first series then second series. */
    private static final String[][] VOWELS = {
        {"a", "ea"},
        {"e", "i"},
        {"i", "i"},
        {"oe", "ue"},
        {"eu", "eu"},
        {"o", "u"},
        {"ou", "u"},
        {"uo", "uo"},
        {"aeu", "eu"},
        {"oea", "oea"},
        {"ie", "ie"},
        {"e", "e"},
        {"e", "e"},
        {"ai", "ey"},
        {"ao", "o"},
        {"au", "ov"}
    };

    private static final char COENG = '\u17D2';
    private static final char TO_FIRST = '\u17C9';
    private static final char TO_SECOND = '\u17CA';
    private static final char NIKAHIT = '\u17C6';
    private static final char REAHMUK = '\u17C7';

    private KhmerToLatin() {}

    static boolean khmer(String word) {
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c >= 0x1780 && c <= 0x17FF) {
                return true;
            }
        }
        return false;
    }

    static String read(String word) {
        StringBuilder out = new StringBuilder(word.length() * 2);
        int n = word.length();
        int i = 0;
        while (i < n) {
            char c = word.charAt(i);
            if (c >= 0x17A3 && c <= 0x17B3) {
                out.append(INDEPENDENT[c - 0x17A3]);
                i++;
                continue;
            }
            if (!consonant(c)) {
                if (c < 0x1780 || c > 0x17FF) {
                    out.append(c); // not Khmer: left for the stages after
                }
                i++;
                continue;
            }
            // Onset: a consonant and its subscripts.
            int series = SERIES[c - FIRST];
            out.append(CONSONANTS[c - FIRST]);
            i++;
            while (i + 1 < n && word.charAt(i) == COENG && consonant(word.charAt(i + 1))) {
                out.append(CONSONANTS[word.charAt(i + 1) - FIRST]);
                series = SERIES[word.charAt(i + 1) - FIRST] == 2 ? 2 : series;
                i += 2;
            }
            if (i < n && (word.charAt(i) == TO_FIRST || word.charAt(i) == TO_SECOND)) {
                series = word.charAt(i) == TO_FIRST ? 1 : 2;
                i++;
            }
            boolean voweled = false;
            while (i < n && vowelSign(word.charAt(i))) {
                char v = word.charAt(i);
                if (v == NIKAHIT) {
                    out.append(voweled ? "m" : series == 1 ? "am" : "um");
                } else if (v == REAHMUK) {
                    out.append(voweled ? "h" : "ah");
                } else if (v >= 0x17B6 && v <= 0x17C5) {
                    out.append(VOWELS[v - 0x17B6][series - 1]);
                }
                voweled = true;
                i++;
            }
            if (!voweled) {
                out.append(series == 1 ? "a" : "o");
            }
            // Coda: a consonant that does not start a syllable of its own (no vowel sign, subscript or sign after it,
            // and not followed by a consonant that needs it as a vowel carrier).
            if (i < n && consonant(word.charAt(i)) && closes(word, i)) {
                char coda = word.charAt(i);
                out.append(coda == 0x179A ? "" : CONSONANTS[coda - FIRST]); // a final r is silent
                i++;
                while (i < n
                        && !consonant(word.charAt(i))
                        && word.charAt(i) != COENG
                        && (word.charAt(i) < 0x17A3 || word.charAt(i) > 0x17B3)
                        && word.charAt(i) >= 0x17C6
                        && word.charAt(i) <= 0x17DD) {
                    i++; // signs after a final consonant (bantoc, robat): no sound of their own here
                }
            }
        }
        return out.toString();
    }

    /** Whether the consonant at i closes the syllable before it rather than starting one. */
    private static boolean closes(String word, int i) {
        int next = i + 1;
        if (next >= word.length()) {
            return true;
        }
        char after = word.charAt(next);
        if (vowelSign(after)
                || after == COENG
                        && next + 1 < word.length()
                        && consonant(word.charAt(next + 1))
                        && next + 2 >= word.length()
                || after == TO_FIRST
                || after == TO_SECOND) {
            return false;
        }
        if (after == COENG) {
            return true; // a subscript after it starts the next syllable: this one closes the syllable before
        }
        return consonant(after)
                        && next + 1 < word.length()
                        && (vowelSign(word.charAt(next + 1))
                                || word.charAt(next + 1) == TO_FIRST
                                || word.charAt(next + 1) == TO_SECOND)
                || !consonant(after);
    }

    private static boolean consonant(char c) {
        return c >= 0x1780 && c <= 0x17A2;
    }

    private static boolean vowelSign(char c) {
        return c >= 0x17B6 && c <= 0x17C8;
    }
}
