package org.orderly.screening.compare;

/**
 * One name in two grammatical forms: Slavic feminine surnames (Ivanova for Ivanov, Kowalska for Kowalski,
 * Kovalevskaya for Kovalevsky, Czech Nováková for Novák), Baltic nominative endings (Latvian Aleksandrs and Bērziņš,
 * Lithuanian Aleksandras and Petrauskas) and Lithuanian married and maiden forms (Petrauskienė, Petrauskaitė). Two words
 * are such forms when they split into the same stem of four letters or more and two endings that one paradigm pairs.
 * The comparator accepts them at {@link MatchRules#INFLECTION_SIMILARITY}; the candidate index enumerates them by the
 * keys of {@link #keys} (stem and paradigm).
 */
public final class InflectedForms {
    /** Endings a word may carry, longest first ("" = the bare stem). */
    private static final String[] ENDINGS = {
        "iene", "aite", "ova", "aya", "yte", "ute", "ius", "as", "is", "ys", "us", "iy", "ii", "ij", "a", "s", "i", "y",
        ""
    };
    /**
     * Pairs of endings that mark one name in two forms, with what the stem must end in ("" = a consonant, "*" = any
     * letter: the Lithuanian feminine endings are long and distinctive enough to allow stems of three letters).
     */
    private static final String[][] PAIRS = {
        {"", "ova", ""}, // Czech and Slovak feminine: Novak / Novakova
        {"", "a", "ov ev in yn"}, // Russian, Bulgarian feminine: Ivanov / Ivanova
        {"", "s", ""},
        {"", "as", ""},
        {"", "is", ""}, // Baltic nominative: Aleksandr / Aleksandrs, Aleksandras
        {"s", "a", ""}, // Latvian masculine / feminine: Ozols / Ozola
        {"i", "a", "sk ck dzk"},
        {"y", "a", "sk ck"}, // Polish, Czech: Kowalski / Kowalska, Novotny
        {"y", "aya", "sk ck"},
        {"iy", "aya", "sk ck"},
        {"ii", "aya", "sk ck"},
        {"ij", "aya", "sk ck"},
        {"i", "aya", "sk ck"}, // Russian: Kovalevsky / Kovalevskaya
        {"as", "iene", "*"},
        {"as", "aite", "*"},
        {"is", "iene", "*"},
        {"is", "yte", "*"},
        {"ys", "yte", "*"},
        {"us", "ute", "*"},
        {"us", "iene", "*"},
        {"ius", "iene", "*"}, // Lithuanian married / unmarried forms
    };

    static final int MIN_STEM = 4;
    /** Shortest stem with a Lithuanian feminine ending (Lucas / Lucaite). */
    static final int MIN_STEM_LONG_ENDING = 3;

    private InflectedForms() {}

    /** Whether the two different words are one name in two grammatical forms. */
    public static boolean related(String a, String b) {
        if (a.equals(b) || Math.min(a.length(), b.length()) < MIN_STEM) {
            return false;
        }
        for (String[] pair : PAIRS) {
            if (splits(a, pair[0], b, pair[1], pair[2]) || splits(b, pair[0], a, pair[1], pair[2])) {
                return true;
            }
        }
        return false;
    }

    private static boolean splits(String x, String xEnding, String y, String yEnding, String stemEnds) {
        if (!x.endsWith(xEnding) || !y.endsWith(yEnding)) {
            return false;
        }
        int stem = x.length() - xEnding.length();
        return stem == y.length() - yEnding.length() && x.regionMatches(0, y, 0, stem) && fits(x, stem, stemEnds);
    }

    /**
     * Keys two related words share: for each pair of endings the word can take part in (its stem long enough and
     * ending as that pair needs), the stem and the pair's number. Words of no paradigm (most) have none.
     */
    public static String[] keys(String word) {
        String[] out = new String[2 * PAIRS.length];
        int n = 0;
        for (int p = 0; p < PAIRS.length; p++) {
            for (int side = 0; side < 2; side++) {
                String ending = PAIRS[p][side];
                if (!word.endsWith(ending)) {
                    continue;
                }
                int stem = word.length() - ending.length();
                if (fits(word, stem, PAIRS[p][2])) {
                    out[n++] = word.substring(0, stem) + '|' + p;
                }
            }
        }
        return java.util.Arrays.stream(out, 0, n).distinct().toArray(String[]::new);
    }

    /** Whether word[0..stem) can be the stem of a pair whose stems end as {@code stemEnds} says. */
    private static boolean fits(String word, int stem, String stemEnds) {
        boolean anyEnd = stemEnds.equals("*");
        if (stem < (anyEnd ? MIN_STEM_LONG_ENDING : MIN_STEM)) {
            return false;
        }
        if (anyEnd) {
            return true;
        }
        if (stemEnds.isEmpty()) {
            return "aeiouy".indexOf(word.charAt(stem - 1)) < 0;
        }
        for (String end : stemEnds.split(" ")) {
            if (word.startsWith(end, stem - end.length())) {
                return true;
            }
        }
        return false;
    }
}
