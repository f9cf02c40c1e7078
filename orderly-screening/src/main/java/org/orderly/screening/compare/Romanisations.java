package org.orderly.screening.compare;

import com.ibm.icu.text.Transliterator;
import java.util.HashSet;
import java.util.Set;

/**
 * One name in two romanisation systems: Mandarin in Pinyin and in Wade-Giles (Jiang / Chiang, Zedong / Tse-tung), and
 * Korean in Revised Romanization and McCune-Reischauer (Jeongil / Chong-il). A word is read as a run of syllables of a
 * system (Pinyin syllables are ICU's Han readings, Wade-Giles ones follow from them by {@link WadeGiles}, Korean ones
 * are ICU's readings of every Hangul syllable in both systems); two words correspond when their readings meet:
 * <ul>
 *   <li>Mandarin: one word read as Wade-Giles (apostrophes of aspiration dropped, as lists drop them) equals the other
 *       read as Pinyin and written in Wade-Giles; never two Pinyin words (Zhang and Chang are two surnames);</li>
 *   <li>Korean: both read as Korean syllables, equal once the two systems' differences are folded (g/k, d/t, b/p, j/ch,
 *       eo/ŏ, eu/ŭ, r/l, shi/si), and exactly one of them written with Revised Romanization's own letters (eo, eu, g, d,
 *       b, j): two spellings in one system that differ are two names (Jeong and Cheong).</li>
 * </ul>
 * The keys of {@link #keys} are shared by every pair {@link #related} accepts, so the candidate index enumerates them.
 */
public final class Romanisations {
    // Syllables with a vowel: the interjections ng, m, n, hm, hng would split any word.
    private static final Set<String> PINYIN = MandarinSyllables.all().stream()
            .filter(syllable -> syllable.chars().anyMatch(c -> "aeiouv".indexOf(c) >= 0))
            .collect(java.util.stream.Collectors.toUnmodifiableSet());
    private static final Set<String> WADE_GILES = wadeGiles();
    private static final Set<String> KOREAN = korean();
    private static final int LONGEST = 7;

    private Romanisations() {}

    /**
     * How a word reads in the systems above, computed once per word ({@link TokenFeatures}): its Pinyin reading written
     * in Wade-Giles (or null), whether it reads as Wade-Giles, its Korean fold (or null) and whether it uses Revised
     * Romanization's own letters.
     */
    public record Reading(
            String pinyinAsWadeGiles,
            boolean wadeGiles,
            String koreanFold,
            boolean revisedLetters,
            KoreanSpellings.Spelling korean) {}

    /** The word's readings, or null when it reads in none of the systems. */
    public static Reading of(String word) {
        if (word.length() < 2) {
            return null;
        }
        String pinyin = pinyinAsWadeGiles(word);
        boolean wadeGiles = isWadeGiles(word);
        String korean = isKorean(word) ? koreanFold(word) : null;
        KoreanSpellings.Spelling spelling = KoreanSpellings.of(word);
        return pinyin == null && !wadeGiles && korean == null && spelling == null
                ? null
                : new Reading(pinyin, wadeGiles, korean, revisedLetters(word), spelling);
    }

    /** {@link #related}: no relation, one name in two systems, or two Pinyin words one of which reads as Wade-Giles. */
    public enum Relation {
        NONE,
        SAME_NAME,
        SAME_KOREAN_SYLLABLE,
        SAME_IF_WADE_GILES
    }

    /**
     * Whether two different words are one name in two romanisation systems (see the class comment). Two words that are
     * both valid Pinyin but one of which is also the other's Wade-Giles form (Chang for Zhang, Chou for Zhou) are
     * {@link Relation#SAME_IF_WADE_GILES}: the comparator takes them for one name only when one of the two names has a
     * word that reads only as Wade-Giles.
     */
    public static Relation related(String a, Reading x, String b, Reading y) {
        if (x == null || y == null || a.equals(b)) {
            return Relation.NONE;
        }
        if (x.koreanFold() != null
                && y.koreanFold() != null
                && x.revisedLetters() != y.revisedLetters()
                && x.koreanFold().equals(y.koreanFold())) {
            // One syllable (Kim / Gim, Yong / Yeong) is shared by many names: weaker evidence than a whole given name.
            return KOREAN.contains(a) && KOREAN.contains(b) ? Relation.SAME_KOREAN_SYLLABLE : Relation.SAME_NAME;
        }
        Relation mandarin = mandarin(a, x, b, y);
        if (mandarin != Relation.NONE) {
            return mandarin;
        }
        // Korean names as their bearers spell them (Park for 박, Suk for 석): see KoreanSpellings.
        return switch (KoreanSpellings.related(x.korean(), y.korean())) {
            case 1 -> Relation.SAME_KOREAN_SYLLABLE;
            case 2 -> Relation.SAME_NAME;
            default -> Relation.NONE;
        };
    }

    /** The Mandarin part of {@link #related}: Wade-Giles against Pinyin, or NONE. */
    public static Relation mandarin(String a, Reading x, String b, Reading y) {
        if (x == null || y == null || a.equals(b)) {
            return Relation.NONE;
        }
        if (y.pinyinAsWadeGiles() != null
                        && x.wadeGiles()
                        && y.pinyinAsWadeGiles().equals(a)
                || x.pinyinAsWadeGiles() != null
                        && y.wadeGiles()
                        && x.pinyinAsWadeGiles().equals(b)) {
            return x.pinyinAsWadeGiles() != null && y.pinyinAsWadeGiles() != null
                    ? Relation.SAME_IF_WADE_GILES
                    : Relation.SAME_NAME;
        }
        return Relation.NONE;
    }

    /**
     * Whether two words each read as two or more Korean syllables, one of them with Revised Romanization's own letters
     * (eo, eu: a Korean name, not a Latin one such as Abdul that happens to split into syllables), and their folds (the
     * systems' differences taken out) differ: then a syllable differs, and so does the name, as Mandarin syllables a
     * letter apart do. The Latin spelling rules would otherwise take {@code hw} for {@code w} across a syllable boundary
     * (Yeonghwan against Yong-won, joined by {@code SyllableHyphens}).
     */
    public static boolean differentKoreanNames(String a, Reading x, String b, Reading y) {
        return x != null
                && y != null
                && x.koreanFold() != null
                && y.koreanFold() != null
                && (revisedVowels(a) || revisedVowels(b))
                && !KOREAN.contains(a)
                && !KOREAN.contains(b)
                && !x.koreanFold().equals(y.koreanFold());
    }

    /**
     * Whether both words read as Korean syllables and differ even once the two systems' differences and the usual
     * popular spellings (oo and u, ou and o, ee and i, eo written u as in Hyun or o as in Yong) are folded: then a
     * syllable differs (Hyejin and Hojin, Yeonghui and Yong), which no romanisation of one name explains.
     */
    public static boolean differentKoreanFolds(String a, Reading x, String b, Reading y) {
        if (x == null || y == null || x.koreanFold() == null || y.koreanFold() == null) {
            return false;
        }
        return KoreanSpellings.related(x.korean(), y.korean()) == 0
                && !popularFold(a, "o").equals(popularFold(b, "o"))
                && !popularFold(a, "u").equals(popularFold(b, "u"));
    }

    private static String popularFold(String word, String eo) {
        return koreanFold(
                word.replace("eo", eo).replace("oo", "u").replace("ou", "o").replace("ee", "i"));
    }

    private static boolean revisedVowels(String word) {
        return word.contains("eo") || word.contains("eu");
    }

    /** Whether the word reads as Wade-Giles and not as Pinyin (hsiang, tse, chih). */
    public static boolean wadeGilesOnly(Reading reading) {
        return reading != null && reading.wadeGiles() && reading.pinyinAsWadeGiles() == null;
    }

    /** Keys two related words share: the Wade-Giles reading of a word (as written, or from its Pinyin) and the Korean fold. */
    public static String[] keys(String word, Reading reading) {
        if (reading == null) {
            return new String[0];
        }
        String[] korean =
                reading.korean() == null ? new String[0] : reading.korean().keys();
        String[] keys = new String[3 + korean.length];
        int n = 0;
        for (String key : korean) {
            keys[n++] = key;
        }
        if (reading.pinyinAsWadeGiles() != null) {
            keys[n++] = "m:" + reading.pinyinAsWadeGiles();
        }
        if (reading.wadeGiles() && !word.equals(reading.pinyinAsWadeGiles())) {
            keys[n++] = "m:" + word;
        }
        if (reading.koreanFold() != null) {
            keys[n++] = "k:" + reading.koreanFold();
        }
        return java.util.Arrays.copyOf(keys, n);
    }

    /** Whether a word is one romanised Mandarin (Pinyin or Wade-Giles) or Korean syllable. */
    public static boolean syllable(String word) {
        return PINYIN.contains(word)
                || WADE_GILES.contains(word)
                || KOREAN.contains(word)
                || KoreanSpellings.syllable(word);
    }

    /** The word read as Pinyin syllables and written in Wade-Giles without apostrophes, or null. */
    static String pinyinAsWadeGiles(String word) {
        StringBuilder out = new StringBuilder();
        return segment(word, 0, PINYIN, true, out) ? out.toString() : null;
    }

    static boolean isWadeGiles(String word) {
        return segments(word, WADE_GILES, false);
    }

    static boolean isKorean(String word) {
        return segments(word, KOREAN, false);
    }

    private static boolean revisedLetters(String word) {
        return word.contains("eo")
                || word.contains("eu")
                || word.replace("ng", "").indexOf('g') >= 0
                || word.indexOf('d') >= 0
                || word.indexOf('b') >= 0
                || word.indexOf('j') >= 0;
    }

    static String koreanFold(String word) {
        return word.replace("eo", "o")
                .replace("eu", "u")
                .replace("shi", "si")
                .replace('g', 'k')
                .replace("nk", "ng")
                .replace('d', 't')
                .replace('b', 'p')
                .replace("j", "ch")
                .replace('r', 'l');
    }

    private static boolean segments(String word, Set<String> syllables, boolean pinyinRule) {
        return segment(word, 0, syllables, pinyinRule, null);
    }

    /**
     * Whether word[from..] splits into syllables of the set, preferring the longest first syllable; with
     * {@code pinyin}, a syllable after the first may not start with a, e or o (Pinyin writes an apostrophe there), and the
     * Wade-Giles reading is appended to {@code out}.
     */
    private static boolean segment(String word, int from, Set<String> syllables, boolean pinyin, StringBuilder out) {
        if (from == word.length()) {
            return from > 0;
        }
        if (from > 0 && pinyin && "aeo".indexOf(word.charAt(from)) >= 0) {
            return false;
        }
        for (int end = Math.min(word.length(), from + LONGEST); end > from; end--) {
            String syllable = word.substring(from, end);
            if (syllables.contains(syllable)) {
                int mark = out == null ? 0 : out.length();
                if (out != null) {
                    out.append(WadeGiles.of(syllable).replace("'", ""));
                }
                if (segment(word, end, syllables, pinyin, out)) {
                    return true;
                }
                if (out != null) {
                    out.setLength(mark);
                }
            }
        }
        return false;
    }

    private static Set<String> wadeGiles() {
        Set<String> out = new HashSet<>();
        for (String pinyin : PINYIN) {
            out.add(WadeGiles.of(pinyin).replace("'", ""));
        }
        return Set.copyOf(out);
    }

    /** Every Hangul syllable's reading in Revised Romanization (ICU Hangul-Latin) and McCune-Reischauer (ICU BGN). */
    private static Set<String> korean() {
        StringBuilder hangul = new StringBuilder(2 * 11_172);
        for (char c = 0xAC00; c <= 0xD7A3; c++) {
            hangul.append(c).append(' ');
        }
        Set<String> out = new HashSet<>();
        for (String rules :
                new String[] {"Hangul-Latin; Latin-ASCII; Lower", "NFD; Korean-Latin/BGN; NFC; Latin-ASCII; Lower"}) {
            for (String syllable : Transliterator.getInstance(rules)
                    .transliterate(hangul.toString())
                    .split("[^a-z]+")) {
                if (!syllable.isEmpty()) {
                    out.add(syllable);
                }
            }
        }
        return Set.copyOf(out);
    }
}
