package org.orderly.bench.screening;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.orderly.screening.compare.NameComparator;
import org.orderly.screening.compare.NameFeatures;
import org.orderly.screening.compare.TokenFeatures;

/**
 * The distinct listed tokens (the first {@link NameComparator#MAX_TOKENS} of each name, a particle apart from the word
 * spelled alike) and the distinct adjacent pairs of them (particles between skipped, as the comparator joins parts),
 * numbered: what Orderly's index keeps as its dictionary and listed pairs, kept here for the Lucene baseline's per-name
 * bound, whose documents store their tokens as these numbers.
 */
final class Vocabulary {
    private final TokenFeatures[] tokens;
    private final Map<String, Integer> ids;
    private final int[] pairFirst;
    private final int[] pairSecond;
    private final String[] pairKeys;

    private Vocabulary(
            TokenFeatures[] tokens, Map<String, Integer> ids, int[] pairFirst, int[] pairSecond, String[] pairKeys) {
        this.tokens = tokens;
        this.ids = ids;
        this.pairFirst = pairFirst;
        this.pairSecond = pairSecond;
        this.pairKeys = pairKeys;
    }

    static Vocabulary of(List<NameFeatures> names) {
        Map<String, Integer> ids = new HashMap<>();
        List<TokenFeatures> tokens = new ArrayList<>();
        Map<Long, Integer> pairIds = new HashMap<>();
        List<String> pairKeys = new ArrayList<>();
        List<int[]> pairs = new ArrayList<>();
        for (NameFeatures name : names) {
            List<TokenFeatures> all = name.tokens();
            int limit = Math.min(all.size(), NameComparator.MAX_TOKENS);
            for (int i = 0; i < limit; i++) {
                TokenFeatures token = all.get(i);
                if (ids.putIfAbsent(key(token), tokens.size()) == null) {
                    tokens.add(token);
                }
            }
            for (int i = 0; i < limit; i++) {
                if (all.get(i).particle()) {
                    continue;
                }
                int next = i + 1;
                while (next < limit && all.get(next).particle()) {
                    next++;
                }
                if (next < limit) {
                    int first = ids.get(key(all.get(i)));
                    int second = ids.get(key(all.get(next)));
                    if (pairIds.putIfAbsent((long) first << 32 | second, pairKeys.size()) == null) {
                        pairKeys.add(NameComparator.joinedKey(all.get(i), all.get(next)));
                        pairs.add(new int[] {first, second});
                    }
                }
            }
        }
        int[] pairFirst = new int[pairs.size()];
        int[] pairSecond = new int[pairs.size()];
        for (int p = 0; p < pairs.size(); p++) {
            pairFirst[p] = pairs.get(p)[0];
            pairSecond[p] = pairs.get(p)[1];
        }
        return new Vocabulary(
                tokens.toArray(new TokenFeatures[0]), ids, pairFirst, pairSecond, pairKeys.toArray(new String[0]));
    }

    /** The token's term: its text, marked when it is a particle. */
    static String key(TokenFeatures token) {
        return token.particle() ? "\u0001" + token.text() : token.text();
    }

    /** Whether a listed name has this token as spelled. */
    boolean listed(TokenFeatures token) {
        return ids.containsKey(key(token));
    }

    int id(TokenFeatures token) {
        return ids.get(key(token));
    }

    int tokenCount() {
        return tokens.length;
    }

    TokenFeatures token(int id) {
        return tokens[id];
    }

    int pairCount() {
        return pairKeys.length;
    }

    int pairFirst(int pair) {
        return pairFirst[pair];
    }

    int pairSecond(int pair) {
        return pairSecond[pair];
    }

    /** The variant key of the pair written as one. */
    String pairKey(int pair) {
        return pairKeys[pair];
    }
}
