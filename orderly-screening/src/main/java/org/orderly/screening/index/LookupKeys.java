package org.orderly.screening.index;

import java.util.Arrays;
import org.orderly.screening.compare.GivenNameVariants;
import org.orderly.screening.compare.InflectedForms;
import org.orderly.screening.compare.MatchRules;
import org.orderly.screening.compare.NameComparator;
import org.orderly.screening.compare.Romanisations;
import org.orderly.screening.compare.TokenFeatures;

/**
 * The lookup keys of a name token, hashed to ints: deletions of its spelling and variant key within the comparator's
 * typo bound, its consonant skeleton and phonetic codes. Two tokens the comparator can accept share a key.
 */
final class LookupKeys {
    private static final int TAG_DELETION = 0x1000;
    private static final int TAG_SKELETON = 0x3000;
    private static final int TAG_PHONETIC = 0x4000;
    private static final int TAG_GIVEN_NAME_GROUP = 0x5000;
    private static final int TAG_STEM = 0x6000;
    private static final int TAG_ROMANISATION = 0x7000;

    private LookupKeys() {}

    /**
     * The keys of a word: deletions of its spelling and of its variant key up to the comparator's typo bound for its
     * length (a listed word at least one, for parts written as one), its skeleton and its phonetic codes. Two words the
     * comparator accepts as a typo share a key with at most that many letters deleted on each side, so every accepted
     * pair is proposed.
     */
    /** The keys below, and one per hypocorism group of the word in this list. */
    static int[] keys(TokenFeatures t, boolean query, GivenNameVariants givenNames) {
        return keys(t, query, givenNames, true);
    }

    /**
     * As above; a query word's keys go two letters deep from six letters only with {@code twoLetters} (the comparator
     * counts two letters wrong only where all else agrees exactly, which the index knows from the query alone).
     */
    static int[] keys(TokenFeatures t, boolean query, GivenNameVariants givenNames, boolean twoLetters) {
        int[] keys = keys(t, query, twoLetters);
        int[] groups = givenNames.groups(t.text());
        if (groups.length == 0) {
            return keys;
        }
        int[] all = Arrays.copyOf(keys, keys.length + groups.length);
        for (int g = 0; g < groups.length; g++) {
            all[keys.length + g] = mix(TAG_GIVEN_NAME_GROUP * 31 + groups[g] * 0x9E3779B1);
        }
        return distinctKeys(all);
    }

    static int[] keys(TokenFeatures t, boolean query) {
        return keys(t, query, true);
    }

    private static int[] keys(TokenFeatures t, boolean query, boolean twoLetters) {
        int[] keys = deletionKeys(t.text(), new int[64], 0, deletionsFor(t.text(), query, twoLetters));
        if (!t.variant().equals(t.text())) {
            // (two letters wrong are counted on the spelling only)
            keys = deletionKeys(t.variant(), keys, keys.length, deletionsFor(t.variant(), query, false));
        }
        int k = keys.length;
        String[] stems = InflectedForms.keys(t.text());
        String[] readings = Romanisations.keys(t.text(), t.romanisation());
        keys = Arrays.copyOf(keys, k + 3 + stems.length + readings.length);
        for (String stem : stems) {
            keys[k++] = mix(hash(stem, -1, -1, TAG_STEM)); // grammatical forms of one name share stem and paradigm
        }
        for (String reading : readings) {
            keys[k++] = readingKey(reading); // and romanisations of one name a reading
        }
        if (t.skeleton().length() >= 2) {
            keys[k++] = mix(hash(t.skeleton(), -1, -1, TAG_SKELETON));
        }
        if (t.phonetic().length() >= 2) {
            keys[k++] = mix(hash(t.phonetic(), -1, -1, TAG_PHONETIC));
        }
        if (!t.phoneticAlternate().equals(t.phonetic()) && t.phoneticAlternate().length() >= 2) {
            keys[k++] = mix(hash(t.phoneticAlternate(), -1, -1, TAG_PHONETIC));
        }
        return distinctKeys(Arrays.copyOf(keys, k));
    }

    private static int deletionsFor(String spelling, boolean query, boolean twoLetters) {
        // Two deletions from six letters: the comparator accepts two letters wrong there when the rest agrees exactly.
        int edits = twoLetters && spelling.length() >= MatchRules.TWO_LETTERS_MIN_LENGTH
                ? 2
                : NameComparator.typoEdits(spelling.length());
        return query ? edits : Math.max(1, edits);
    }

    /** The key of one romanisation reading ({@link Romanisations#keys}), as a word's keys hold it. */
    static int readingKey(String reading) {
        return mix(hash(reading, -1, -1, TAG_ROMANISATION));
    }

    /** The keys of Korean syllables that are not a word of their own (two words joined), none for null. */
    static int[] koreanKeys(org.orderly.screening.compare.KoreanSpellings.Spelling spelling) {
        if (spelling == null) {
            return new int[0];
        }
        int[] keys = new int[spelling.keys().length];
        for (int k = 0; k < keys.length; k++) {
            keys[k] = readingKey(spelling.keys()[k]);
        }
        return keys;
    }

    static int[] distinctKeys(int[] keys) {
        Arrays.sort(keys);
        int distinct = 0;
        for (int i = 0; i < keys.length; i++) {
            if (i == 0 || keys[i] != keys[i - 1]) {
                keys[distinct++] = keys[i];
            }
        }
        return Arrays.copyOf(keys, distinct);
    }

    /**
     * Appends to {@code into[0..from)} the key of the whole string and of every string left after deleting up to
     * {@code most} (0, 1 or 2) letters (two strings within that many edits share a key).
     */
    static int[] deletionKeys(String s, int[] into, int from, int most) {
        int n = s.length();
        int deletions = Math.min(most, n - 1);
        int needed = from + 1 + (deletions >= 1 ? n : 0) + (deletions == 2 ? n * (n - 1) / 2 : 0);
        int[] out = into.length >= needed ? into : Arrays.copyOf(into, needed);
        int k = from;
        out[k++] = mix(hash(s, -1, -1, TAG_DELETION));
        for (int i = 0; i < n && deletions >= 1; i++) {
            if (i > 0 && s.charAt(i) == s.charAt(i - 1)) {
                continue; // deleting either letter of a double gives the same string
            }
            out[k++] = mix(hash(s, i, -1, TAG_DELETION));
            if (deletions == 2) {
                for (int j = i + 1; j < n; j++) {
                    if (j > i + 1 && s.charAt(j) == s.charAt(j - 1)) {
                        continue;
                    }
                    out[k++] = mix(hash(s, i, j, TAG_DELETION));
                }
            }
        }
        return Arrays.copyOf(out, k);
    }

    private static int hash(String s, int skip, int skipToo, int tag) {
        int h = tag;
        for (int i = 0; i < s.length(); i++) {
            if (i != skip && i != skipToo) {
                h = 31 * h + s.charAt(i);
            }
        }
        return h;
    }

    private static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        h *= 0xC2B2AE35;
        h ^= h >>> 16;
        return h;
    }
}
