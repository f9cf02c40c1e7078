package org.orderly.screening.index;

import java.util.Arrays;

/**
 * A read-only hash table from int keys to the ids that carry them, in flat arrays (ids grouped by bucket with a
 * counting sort), so that a lookup allocates nothing. The full key is kept beside each id, because a bucket also
 * holds other keys: callers skip entries whose {@link #hashes} differ from their key.
 */
final class KeyTable {
    private final int mask;
    private final int[] offsets;
    /** The id of each entry, grouped by bucket. */
    final int[] ids;
    /** The full key of each entry, beside {@link #ids}. */
    final int[] hashes;

    private KeyTable(int mask, int[] offsets, int[] ids, int[] hashes) {
        this.mask = mask;
        this.offsets = offsets;
        this.ids = ids;
        this.hashes = hashes;
    }

    /** Builds the table from the keys of each id ({@code keysOfId[id]}); the rows are released as they are read. */
    static KeyTable of(int[][] keysOfId) {
        long total = 0;
        for (int[] keys : keysOfId) total += keys.length;
        int buckets = Integer.highestOneBit((int) Math.max(16, Math.min(1 << 28, total))) << 1;
        int mask = buckets - 1;
        int[] offsets = new int[buckets + 1];
        for (int[] keys : keysOfId) {
            for (int key : keys) offsets[(key & mask) + 1]++;
        }
        for (int b = 0; b < buckets; b++) offsets[b + 1] += offsets[b];
        int[] ids = new int[(int) total];
        int[] hashes = new int[(int) total];
        int[] fill = Arrays.copyOf(offsets, buckets);
        for (int id = 0; id < keysOfId.length; id++) {
            for (int key : keysOfId[id]) {
                int at = fill[key & mask]++;
                ids[at] = id;
                hashes[at] = key;
            }
            keysOfId[id] = null;
        }
        return new KeyTable(mask, offsets, ids, hashes);
    }

    void write(java.io.DataOutputStream out) throws java.io.IOException {
        out.writeInt(mask);
        IndexFile.writeInts(out, offsets);
        IndexFile.writeInts(out, ids);
        IndexFile.writeInts(out, hashes);
    }

    static KeyTable read(java.io.DataInputStream in) throws java.io.IOException {
        int mask = in.readInt();
        int[] offsets = IndexFile.readInts(in, "key table");
        int[] ids = IndexFile.readInts(in, "key table");
        int[] hashes = IndexFile.readInts(in, "key table");
        if (offsets.length != mask + 2 || ids.length != hashes.length || offsets[offsets.length - 1] != ids.length) {
            throw new SavedIndexException("saved index: a key table does not add up");
        }
        return new KeyTable(mask, offsets, ids, hashes);
    }

    /** The first entry of the key's bucket. */
    int from(int key) {
        return offsets[key & mask];
    }

    /** One past the last entry of the key's bucket. */
    int to(int key) {
        return offsets[(key & mask) + 1];
    }
}
