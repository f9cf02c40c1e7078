package org.orderly.screening.index;

import java.util.Arrays;
import org.orderly.screening.compare.NameComparator;

/**
 * The distinct adjacent pairs of listed tokens (particles between them skipped, as the comparator does), keyed by their
 * joined variant keys with up to one letter deleted: a query word written as one, or two joined otherwise, finds the
 * listed pairs the comparator would align with it, and the names that have each pair.
 */
final class ListedPairs {
    final int[] first;
    final int[] second;
    final KeyTable keys;
    /** The names with pair k are {@code names[nameOffsets[k] .. nameOffsets[k + 1])}. */
    final int[] nameOffsets;

    final int[] names;
    private final Dictionary dictionary;

    private ListedPairs(
            Dictionary dictionary, int[] first, int[] second, KeyTable keys, int[] nameOffsets, int[] names) {
        this.dictionary = dictionary;
        this.first = first;
        this.second = second;
        this.keys = keys;
        this.nameOffsets = nameOffsets;
        this.names = names;
    }

    void write(java.io.DataOutputStream out) throws java.io.IOException {
        IndexFile.writeInts(out, first);
        IndexFile.writeInts(out, second);
        keys.write(out);
        IndexFile.writeInts(out, nameOffsets);
        IndexFile.writeInts(out, names);
    }

    /** The pairs of a saved index whose dictionary is this one. */
    static ListedPairs read(java.io.DataInputStream in, Dictionary dictionary) throws java.io.IOException {
        int[] first = IndexFile.readInts(in, "pairs");
        int[] second = IndexFile.readInts(in, "pairs");
        KeyTable keys = KeyTable.read(in);
        int[] nameOffsets = IndexFile.readInts(in, "pairs");
        int[] names = IndexFile.readInts(in, "pairs");
        if (second.length != first.length
                || nameOffsets.length != first.length + 1
                || nameOffsets[first.length] != names.length) {
            throw new SavedIndexException("saved index: its listed pairs do not add up");
        }
        for (int k = 0; k < first.length; k++) {
            if (first[k] < 0
                    || first[k] >= dictionary.tokens.length
                    || second[k] < 0
                    || second[k] >= dictionary.tokens.length) {
                throw new SavedIndexException("saved index: a listed pair names a word the names do not have");
            }
        }
        return new ListedPairs(dictionary, first, second, keys, nameOffsets, names);
    }

    ListedPairs(Dictionary dictionary) {
        this.dictionary = dictionary;
        int[] pairCount = {0};
        forEachPair(dictionary, (n, pair) -> pairCount[0]++);
        long[] packed = new long[pairCount[0]];
        int[] at = {0};
        forEachPair(dictionary, (n, pair) -> packed[at[0]++] = pair);
        Arrays.sort(packed);
        int distinct = 0;
        for (int k = 0; k < packed.length; k++) {
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
            // and the Korean syllables of the pair written as one (Chung Hee for Jeonghui): see KoreanSpellings
            int[] deletions = LookupKeys.deletionKeys(joinedVariant(k), new int[0], 0, 1);
            int[] korean = LookupKeys.koreanKeys(
                    NameComparator.joinedKoreanSpelling(dictionary.tokens[first[k]], dictionary.tokens[second[k]]));
            int[] all = Arrays.copyOf(deletions, deletions.length + korean.length);
            System.arraycopy(korean, 0, all, deletions.length, korean.length);
            keysOfPair[k] = LookupKeys.distinctKeys(all);
        }
        keys = KeyTable.of(keysOfPair);
        // The names of each pair: each occurrence's pair found once among the sorted distinct pairs, counted, then
        // filled.
        long[] distinctPairs = Arrays.copyOf(packed, distinct);
        int[] pairOfOccurrence = new int[packed.length];
        int[] occurrence = {0};
        nameOffsets = new int[distinct + 1];
        forEachPair(dictionary, (n, pair) -> {
            int k = Arrays.binarySearch(distinctPairs, pair);
            pairOfOccurrence[occurrence[0]++] = k;
            nameOffsets[k + 1]++;
        });
        for (int k = 0; k < distinct; k++) {
            nameOffsets[k + 1] += nameOffsets[k];
        }
        names = new int[nameOffsets[distinct]];
        int[] fill = Arrays.copyOf(nameOffsets, distinct);
        occurrence[0] = 0;
        forEachPair(dictionary, (n, pair) -> names[fill[pairOfOccurrence[occurrence[0]++]]++] = n);
    }

    private interface PairOfName {
        void accept(int name, long pair);
    }

    /** Each adjacent pair of each name, as (first id, second id) packed in a long. */
    private static void forEachPair(Dictionary dictionary, PairOfName action) {
        int[] offsets = dictionary.nameTokenOffsets;
        int[] tokens = dictionary.nameTokens;
        for (int n = 0; n < dictionary.names(); n++) {
            for (int p = offsets[n]; p < offsets[n + 1]; p++) {
                int next = p + 1;
                while (next < offsets[n + 1] && dictionary.tokens[tokens[next]].particle()) {
                    next++;
                }
                if (dictionary.tokens[tokens[p]].particle() || next >= offsets[n + 1]) {
                    continue;
                }
                action.accept(n, (long) tokens[p] << 32 | tokens[next]);
            }
        }
    }

    int size() {
        return first.length;
    }

    /** The variant key of the pair written as one. */
    String joinedVariant(int pair) {
        return NameComparator.joinedKey(dictionary.tokens[first[pair]], dictionary.tokens[second[pair]]);
    }
}
