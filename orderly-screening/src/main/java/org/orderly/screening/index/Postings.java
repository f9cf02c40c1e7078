package org.orderly.screening.index;

import java.util.Arrays;

/**
 * The names posted per (listed token, group of script, class of name), each as a record carrying what the score bound needs (name,
 * weight, token count, birth year, token ids), so that reading a posting touches no other table. Each block is sorted
 * by birth year (unknown first), with a checkpoint every {@link #CHECKPOINT} records for finding a year by binary
 * search.
 */
final class Postings {
    /** Posting classes 1..4: names of 1, 2, 3, 4+ words or initials (0, names of particles alone, is never posted). */
    static final int CLASSES = 5;
    /** Ints before a record's token ids: name, weight, token count, birth year. */
    static final int HEADER = 4;

    static final int UNKNOWN_YEAR = Integer.MIN_VALUE;
    private static final int CHECKPOINT = 16;

    /** Per (token, group, class) block ({@link #block}): where its records start in {@link #records}, and how many names it has. */
    final int[] offsets;

    final int[] counts;
    /** Records of posted names, one after another: name, total weight (float bits), token count, birth year, token ids. */
    final int[] records;
    /** Per name, where one of its records starts (all of a name's records are alike), or -1 when it is not posted. */
    final int[] recordOf;

    private final int[] checkpointStart;
    private final int[] checkpoints;

    private Postings(
            int[] offsets, int[] counts, int[] records, int[] recordOf, int[] checkpointStart, int[] checkpoints) {
        this.offsets = offsets;
        this.counts = counts;
        this.records = records;
        this.recordOf = recordOf;
        this.checkpointStart = checkpointStart;
        this.checkpoints = checkpoints;
    }

    void write(java.io.DataOutputStream out) throws java.io.IOException {
        for (int[] array : new int[][] {offsets, counts, records, recordOf, checkpointStart, checkpoints}) {
            IndexFile.writeInts(out, array);
        }
    }

    /** The postings of a saved index whose dictionary is this one. */
    static Postings read(java.io.DataInputStream in, Dictionary dictionary) throws java.io.IOException {
        Postings read = new Postings(
                IndexFile.readInts(in, "postings"),
                IndexFile.readInts(in, "postings"),
                IndexFile.readInts(in, "postings"),
                IndexFile.readInts(in, "postings"),
                IndexFile.readInts(in, "postings"),
                IndexFile.readInts(in, "postings"));
        int blocks = dictionary.tokens.length * Dictionary.GROUPS * CLASSES;
        if (read.offsets.length != blocks + 1
                || read.counts.length != blocks
                || read.recordOf.length != dictionary.names()
                || read.offsets[blocks] != read.records.length) {
            throw new SavedIndexException("saved index: its postings do not fit the names given");
        }
        return read;
    }

    /** Posts the dictionary's names; {@code years[n]} is name n's birth year or {@link #UNKNOWN_YEAR}. */
    Postings(Dictionary dictionary, int[] years) {
        int size = dictionary.names();
        int[] nameTokenOffsets = dictionary.nameTokenOffsets;
        int[] nameTokens = dictionary.nameTokens;
        byte[] nameClass = dictionary.nameClass;
        byte[] nameGroup = dictionary.nameGroup;
        int blocks = dictionary.tokens.length * Dictionary.GROUPS * CLASSES;
        offsets = new int[blocks + 1];
        counts = new int[blocks];
        for (int n = 0; n < size; n++) {
            int length = nameTokenOffsets[n + 1] - nameTokenOffsets[n];
            for (int p = nameTokenOffsets[n]; p < nameTokenOffsets[n + 1]; p++) {
                if (dictionary.posted(n, p)) {
                    int block = block(nameTokens[p], nameGroup[n], nameClass[n]);
                    offsets[block + 1] += HEADER + length;
                    counts[block]++;
                }
            }
        }
        for (int b = 0; b < blocks; b++) {
            offsets[b + 1] += offsets[b];
        }
        records = new int[offsets[blocks]];
        int[] fill = Arrays.copyOf(offsets, blocks);
        recordOf = new int[size];
        Arrays.fill(recordOf, -1);
        // Names are filed in order of birth year (unknown first), so that every block is sorted by year and a query can
        // read only the years near its own where a distant year would need a name score no link reaches.
        long[] byYear = new long[size];
        for (int n = 0; n < size; n++) {
            byYear[n] = (long) years[n] << 32 | n;
        }
        Arrays.sort(byYear);
        for (long entry : byYear) {
            int n = (int) entry;
            int from = nameTokenOffsets[n];
            int length = nameTokenOffsets[n + 1] - from;
            for (int p = from; p < from + length; p++) {
                if (dictionary.posted(n, p)) {
                    int block = block(nameTokens[p], nameGroup[n], nameClass[n]);
                    int at = fill[block];
                    records[at] = n;
                    records[at + 1] = Float.floatToIntBits((float) dictionary.nameWeight[n]);
                    records[at + 2] = length;
                    records[at + 3] = years[n];
                    System.arraycopy(nameTokens, from, records, at + HEADER, length);
                    fill[block] = at + HEADER + length;
                    recordOf[n] = at;
                }
            }
        }
        checkpointStart = new int[blocks + 1];
        for (int b = 0; b < blocks; b++) {
            checkpointStart[b + 1] = checkpointStart[b] + (counts[b] + CHECKPOINT - 1) / CHECKPOINT;
        }
        checkpoints = new int[checkpointStart[blocks]];
        for (int b = 0; b < blocks; b++) {
            int k = 0;
            int c = checkpointStart[b];
            for (int at = offsets[b]; at < offsets[b + 1]; at += HEADER + records[at + 2], k++) {
                if (k % CHECKPOINT == 0) {
                    checkpoints[c++] = at;
                }
            }
        }
    }

    /** The block of the names of this class and group of script posted under this token. */
    static int block(int token, int group, int cls) {
        return (token * Dictionary.GROUPS + group) * CLASSES + cls;
    }

    /** A record of the block at or before the first one born in {@code year} or later (records sorted by year). */
    int seek(int block, int year) {
        int lo = checkpointStart[block];
        int hi = checkpointStart[block + 1];
        while (lo < hi) { // first checkpoint whose record is born in `year` or later
            int mid = (lo + hi) >>> 1;
            if (records[checkpoints[mid] + 3] < year) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo == checkpointStart[block] ? offsets[block] : checkpoints[lo - 1];
    }
}
