package org.orderly.screening.index;

import org.orderly.screening.compare.GivenNameVariants;
import org.orderly.screening.compare.InflectedForms;
import org.orderly.screening.compare.MatchRules;
import org.orderly.screening.compare.NameComparator;
import org.orderly.screening.compare.Romanisations;
import org.orderly.screening.compare.TokenFeatures;

/**
 * What the comparator's token rules need to know of each listed word, in flat primitive arrays: lengths, the set of
 * letters, hashes of the variant key, skeleton and phonetic codes, and whether the word fits a grammatical paradigm. A fuzzy lookup proposes a
 * listed word for a query word by a shared key; {@link #mayAccept} refuses most proposals from these arrays alone, by
 * a necessary condition of every rule, so that the word's {@link TokenFeatures} (an object and three strings at
 * random places in memory) is read only for the few that may pass. It never refuses a pair the comparator accepts.
 */
final class WordSketches {
    private final byte[] textLength;
    private final byte[] variantLength;
    private final int[] textLetters;
    private final int[] variantLetters;
    private final int[] variantHash;
    private final int[] skeletonHash;
    private final int[] phoneticHash;
    private final int[] alternateHash;
    private final boolean[] inflectable;
    /** Words a rule reads beyond these arrays (a romanisation reading, a hypocorism group): always checked in full. */
    private final boolean[] special;

    private final boolean[] readable;
    private final boolean[] grouped;
    /** One bit per Korean syllable key of the word (KoreanSpellings): two words that meet share a key, so a bit. */
    private final long[] koreanBits;

    WordSketches(TokenFeatures[] words, GivenNameVariants givenNames) {
        int n = words.length;
        textLength = new byte[n];
        variantLength = new byte[n];
        textLetters = new int[n];
        variantLetters = new int[n];
        variantHash = new int[n];
        skeletonHash = new int[n];
        phoneticHash = new int[n];
        alternateHash = new int[n];
        inflectable = new boolean[n];
        special = new boolean[n];
        readable = new boolean[n];
        grouped = new boolean[n];
        koreanBits = new long[n];
        for (int t = 0; t < n; t++) {
            Query q = new Query(words[t], givenNames);
            textLength[t] = (byte) Math.min(127, q.textLength);
            variantLength[t] = (byte) Math.min(127, q.variantLength);
            textLetters[t] = q.textLetters;
            variantLetters[t] = q.variantLetters;
            variantHash[t] = q.variantHash;
            skeletonHash[t] = q.skeletonHash;
            phoneticHash[t] = q.phoneticHash;
            alternateHash[t] = q.alternateHash;
            inflectable[t] = q.inflectable;
            readable[t] = q.readable;
            grouped[t] = q.grouped;
            koreanBits[t] = q.koreanBits;
        }
    }

    /** The same facts of a query word, computed once per lookup. */
    static final class Query {
        final int textLength;
        final int variantLength;
        final int textLetters;
        final int variantLetters;
        final int variantHash;
        final int skeletonHash;
        final int phoneticHash;
        final int alternateHash;
        final boolean inflectable;
        final boolean readable;
        final boolean grouped;
        final long koreanBits;

        Query(TokenFeatures word, GivenNameVariants givenNames) {
            textLength = word.text().length();
            variantLength = word.variant().length();
            textLetters = letters(word.text());
            variantLetters = letters(word.variant());
            variantHash = word.variant().hashCode() | 1;
            skeletonHash = word.skeleton().length() >= 2 ? word.skeleton().hashCode() | 1 : 0;
            phoneticHash = word.phonetic().length() >= 2 ? word.phonetic().hashCode() | 1 : 0;
            alternateHash = word.phoneticAlternate().length() >= 2
                    ? word.phoneticAlternate().hashCode() | 1
                    : 0;
            inflectable = InflectedForms.keys(word.text()).length > 0;
            // Pinyin, Wade-Giles and the two Korean systems' fold are checked in full; Korean syllables in their
            // popular
            // spellings (which many Latin words split into) only where the two words share a key's bit.
            Romanisations.Reading reading = word.romanisation();
            readable = reading != null
                    && (reading.pinyinAsWadeGiles() != null || reading.wadeGiles() || reading.koreanFold() != null);
            long bits = 0;
            if (reading != null && reading.korean() != null) {
                for (String key : reading.korean().keys()) {
                    bits |= 1L << (key.hashCode() & 63);
                }
            }
            koreanBits = bits;
            grouped = givenNames.groups(word.text()).length > 0;
        }
    }

    /**
     * False only when no token rule of the comparator can accept the pair, in either order: a different variant key,
     * skeleton and phonetic codes, lengths or letter sets too far apart for the typo rules, and no romanisation
     * reading, hypocorism group or grammatical paradigm on both sides.
     */
    boolean mayAccept(Query q, int t) {
        if (q.variantHash == variantHash[t]
                || q.readable && readable[t]
                || q.grouped && grouped[t]
                || (q.koreanBits & koreanBits[t]) != 0) {
            return true; // same spelling or variant key; romanisations and hypocorisms are checked in full
        }
        if (q.skeletonHash != 0 && q.skeletonHash == skeletonHash[t]) {
            return true;
        }
        int textDifference = Math.abs(q.textLength - textLength[t]);
        if (q.phoneticHash != 0
                && textDifference <= 2
                && (q.phoneticHash == phoneticHash[t]
                        || q.phoneticHash == alternateHash[t]
                        || q.alternateHash != 0
                                && (q.alternateHash == phoneticHash[t] || q.alternateHash == alternateHash[t]))) {
            return true;
        }
        int shorter = Math.min(q.textLength, textLength[t]);
        int edits = Math.max(
                NameComparator.typoEdits(shorter), shorter >= MatchRules.TWO_LETTERS_MIN_LENGTH && shorter < 8 ? 2 : 0);
        if (textDifference <= edits && Integer.bitCount(q.textLetters ^ textLetters[t]) <= 2 * edits) {
            return true; // each edit changes at most two letters of the set
        }
        int variantEdits = NameComparator.typoEdits(Math.min(q.variantLength, variantLength[t]));
        if (Math.abs(q.variantLength - variantLength[t]) <= variantEdits
                && Integer.bitCount(q.variantLetters ^ variantLetters[t]) <= 2 * variantEdits) {
            return true;
        }
        // Grammatical forms: both words must fit a paradigm (most words fit none).
        return q.inflectable && inflectable[t];
    }

    /** The set of letters a-z of a word, one bit each (other characters share the last bits). */
    private static int letters(String word) {
        int set = 0;
        for (int i = 0; i < word.length(); i++) {
            set |= 1 << ((word.charAt(i) - 'a') & 31);
        }
        return set;
    }
}
