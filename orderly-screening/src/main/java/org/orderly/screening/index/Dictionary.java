package org.orderly.screening.index;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.orderly.screening.compare.NameComparator;
import org.orderly.screening.compare.NameFeatures;
import org.orderly.screening.compare.TokenFeatures;

/**
 * The listed tokens interned once (words, initials, particles apart) and the listed names as arrays of their ids, with
 * the per-token and per-name facts the index reads: which tokens are words, their first letters, each name's weight
 * and its posting class (1, 2, 3, 4+ words or initials).
 */
final class Dictionary {
    private static final String PARTICLE_KEY = "\u0001";

    final TokenFeatures[] tokens;
    final Map<String, Integer> ids;
    /** Per letter: the id of that listed initial, or -1. */
    final int[] initialIds;

    final int[] particleIds;
    final boolean[] wordTokens;
    final char[] firstLetters;
    /** Name n's token ids are {@code nameTokens[nameTokenOffsets[n] .. nameTokenOffsets[n + 1])}. */
    final int[] nameTokenOffsets;

    final int[] nameTokens;
    final byte[] nameClass;
    final double[] nameWeight;
    /** Names made of particles alone (never posted). */
    final int[] wordless;
    /**
     * Per name, how it is written: {@link #OTHER_SCRIPTS}, {@link #WHOLLY_HAN} or {@link #WHOLLY_HANGUL}
     * ({@link NameFeatures#characters()}); postings are kept apart by it, so that a query written wholly in Han or
     * Hangul can skip the names of its own script whose characters differ (the comparator caps those below threshold).
     */
    final byte[] nameGroup;
    /** Names written wholly in Han or Hangul, by their characters. */
    final Map<String, int[]> namesByCharacters;

    static final int GROUPS = 3;
    static final byte OTHER_SCRIPTS = 0;
    static final byte WHOLLY_HAN = 1;
    static final byte WHOLLY_HANGUL = 2;

    Dictionary(List<NameFeatures> names) {
        int size = names.size();
        Map<String, Integer> ids = new HashMap<>();
        TokenFeatures[] words = new TokenFeatures[1024];
        nameTokenOffsets = new int[size + 1];
        nameClass = new byte[size];
        nameWeight = new double[size];
        int[] tokens = new int[Math.max(16, size * 3)];
        int tokenCount = 0;
        int wordlessCount = 0;
        int[] wordlessNames = new int[16];
        for (int n = 0; n < size; n++) {
            List<TokenFeatures> features = names.get(n).tokens();
            int postedCount = 0;
            for (int i = 0; i < features.size() && i < NameComparator.MAX_TOKENS; i++) {
                TokenFeatures t = features.get(i);
                nameWeight[n] += t.weight();
                String key = t.particle() ? PARTICLE_KEY + t.text() : t.text();
                Integer id = ids.get(key);
                if (id == null) {
                    id = ids.size();
                    ids.put(key, id);
                    if (id == words.length) {
                        words = Arrays.copyOf(words, words.length * 2);
                    }
                    words[id] = t;
                }
                if (tokenCount == tokens.length) {
                    tokens = Arrays.copyOf(tokens, tokens.length * 2);
                }
                tokens[tokenCount++] = id;
                postedCount += t.particle() ? 0 : 1;
            }
            nameTokenOffsets[n + 1] = tokenCount;
            nameClass[n] = (byte) Math.min(4, postedCount);
            if (postedCount == 0) {
                if (wordlessCount == wordlessNames.length) {
                    wordlessNames = Arrays.copyOf(wordlessNames, wordlessCount * 2);
                }
                wordlessNames[wordlessCount++] = n;
            }
        }
        this.wordless = Arrays.copyOf(wordlessNames, wordlessCount);
        this.nameGroup = new byte[size];
        Map<String, int[]> byCharacters = new HashMap<>();
        for (int n = 0; n < size; n++) {
            String characters = names.get(n).characters();
            nameGroup[n] = group(characters);
            if (nameGroup[n] != OTHER_SCRIPTS) {
                byCharacters.merge(characters, new int[] {n}, (had, one) -> {
                    int[] more = Arrays.copyOf(had, had.length + 1);
                    more[had.length] = one[0];
                    return more;
                });
            }
        }
        this.namesByCharacters = byCharacters;
        this.nameTokens = Arrays.copyOf(tokens, tokenCount);
        this.tokens = Arrays.copyOf(words, ids.size());
        this.ids = ids;
        this.initialIds = new int[128];
        Arrays.fill(initialIds, -1);
        this.particleIds = IntStream.range(0, this.tokens.length)
                .filter(t -> this.tokens[t].particle())
                .toArray();
        this.wordTokens = new boolean[this.tokens.length];
        this.firstLetters = new char[this.tokens.length];
        for (int t = 0; t < this.tokens.length; t++) {
            wordTokens[t] = isWord(this.tokens[t]);
            firstLetters[t] =
                    this.tokens[t].text().isEmpty() ? 0 : this.tokens[t].text().charAt(0);
            if (!this.tokens[t].particle() && this.tokens[t].initial() && firstLetters[t] < 128) {
                initialIds[firstLetters[t]] = t;
            }
        }
    }

    int names() {
        return nameClass.length;
    }

    /** Whether this token (word, initial or particle) is listed, spelled exactly so. */
    boolean listed(TokenFeatures token) {
        return ids.containsKey(token.particle() ? PARTICLE_KEY + token.text() : token.text());
    }

    /** The id of a listed word or initial spelled so, or null. */
    Integer word(String text) {
        return ids.get(text);
    }

    /** Whether position p of name n is posted: words and initials are, once per name; particles are not. */
    boolean posted(int n, int p) {
        if (tokens[nameTokens[p]].particle()) {
            return false;
        }
        for (int q = nameTokenOffsets[n]; q < p; q++) {
            if (nameTokens[q] == nameTokens[p]) {
                return false;
            }
        }
        return true;
    }

    /** The group of a name with these characters ({@link NameFeatures#characters()}, null when not wholly Han or Hangul). */
    static byte group(String characters) {
        if (characters == null) {
            return OTHER_SCRIPTS;
        }
        return characters.startsWith(Character.UnicodeScript.HANGUL.name() + ":") ? WHOLLY_HANGUL : WHOLLY_HAN;
    }

    static boolean isWord(TokenFeatures t) {
        return !t.particle() && !t.initial();
    }
}
