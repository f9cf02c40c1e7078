package org.orderly.screening.index;

import java.util.Arrays;
import org.orderly.screening.compare.NameComparator;

/**
 * The distinct adjacent pairs of listed tokens (particles between them skipped, as the comparator does), keyed by their
 * joined variant keys with up to one letter deleted: a query word written as one, or two joined otherwise, finds the
 * listed pairs the comparator would align with it.
 */
final class ListedPairs {
    final int[] first;
    final int[] second;
    final KeyTable keys;
    private final Dictionary dictionary;

    ListedPairs(Dictionary dictionary) {
        this.dictionary = dictionary;
        int[] offsets = dictionary.nameTokenOffsets;
        int[] tokens = dictionary.nameTokens;
        long[] packed = new long[Math.max(16, tokens.length)];
        int pairCount = 0;
        for (int n = 0; n < dictionary.names(); n++) {
            for (int p = offsets[n]; p < offsets[n + 1]; p++) {
                int next = p + 1;
                while (next < offsets[n + 1] && dictionary.tokens[tokens[next]].particle()) {
                    next++;
                }
                if (dictionary.tokens[tokens[p]].particle() || next >= offsets[n + 1]) {
                    continue;
                }
                packed[pairCount++] = (long) tokens[p] << 32 | tokens[next];
            }
        }
        packed = Arrays.copyOf(packed, pairCount);
        Arrays.sort(packed);
        int distinct = 0;
        for (int k = 0; k < pairCount; k++) {
            if (k == 0 || packed[k] != packed[k - 1]) {
                packed[distinct++] = packed[k];
            }
        }
        first = new int[distinct];
        second = new int[distinct];
        int[][] keysOfPair = new int[distinct][];
        for (int k = 0; k < distinct; k++) {
            first[k] = (int) (packed[k] >>> 32);
            second[k] = (int) packed[k];
            keysOfPair[k] = LookupKeys.distinctKeys(LookupKeys.deletionKeys(joinedVariant(k), new int[0], 0, 1));
        }
        keys = KeyTable.of(keysOfPair);
    }

    int size() {
        return first.length;
    }

    /** The variant key of the pair written as one. */
    String joinedVariant(int pair) {
        return NameComparator.joinedKey(dictionary.tokens[first[pair]], dictionary.tokens[second[pair]]);
    }
}
