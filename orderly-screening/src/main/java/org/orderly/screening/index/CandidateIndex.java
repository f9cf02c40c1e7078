package org.orderly.screening.index;

import java.util.Arrays;
import java.util.List;
import org.orderly.screening.compare.NameFeatures;
import org.orderly.screening.compare.TokenFeatures;

/**
 * Finds the names worth scoring without scanning the list: an inverted index from hashed keys (each word's consonant
 * skeleton and phonetic code, and each unordered pair of word skeletons) to name ordinals, stored as flat arrays. A
 * query reads its rarest posting lists first, within a fixed budget of postings, and keeps the names that share the most
 * key weight with it.
 */
public final class CandidateIndex {
    /** Postings read per query at most: common keys ("mhmd") are only read when little else is known. */
    public static final int DEFAULT_POSTING_BUDGET = 6_000;
    /** Names passed on to scoring per query at most. */
    public static final int DEFAULT_CANDIDATES = 64;

    private static final int PAIR_WEIGHT = 3;
    private final int mask;
    private final int[] offsets;
    private final int[] postings;
    private final int size;
    private final int postingBudget;
    private final int maxCandidates;
    private final ThreadLocal<Scratch> scratch;

    private static final class Scratch {
        final int[] counts;
        final int[] touched;

        Scratch(int size, int touchedCapacity) {
            counts = new int[size];
            touched = new int[touchedCapacity];
        }
    }

    public CandidateIndex(List<NameFeatures> names) {
        this(names, DEFAULT_POSTING_BUDGET, DEFAULT_CANDIDATES);
    }

    public CandidateIndex(List<NameFeatures> names, int postingBudget, int maxCandidates) {
        this.size = names.size();
        this.postingBudget = postingBudget;
        this.maxCandidates = maxCandidates;
        int[][] keysPerName = new int[size][];
        long totalKeys = 0;
        for (int n = 0; n < size; n++) {
            keysPerName[n] = keys(names.get(n));
            totalKeys += keysPerName[n].length;
        }
        int buckets = Integer.highestOneBit((int) Math.max(16, Math.min(1 << 26, totalKeys))) << 1;
        this.mask = buckets - 1;
        this.offsets = new int[buckets + 1];
        for (int[] keys : keysPerName) {
            for (int key : keys) {
                offsets[(key & mask) + 1]++;
            }
        }
        for (int b = 0; b < buckets; b++) {
            offsets[b + 1] += offsets[b];
        }
        this.postings = new int[(int) totalKeys];
        int[] fill = Arrays.copyOf(offsets, buckets);
        for (int n = 0; n < size; n++) {
            for (int key : keysPerName[n]) {
                postings[fill[key & mask]++] = n;
            }
        }
        int touchedCapacity = postingBudget + 1;
        this.scratch = ThreadLocal.withInitial(() -> new Scratch(size, touchedCapacity));
    }

    public int size() {
        return size;
    }

    /** The ordinals of the names most likely to match, best first, at most {@link #DEFAULT_CANDIDATES} of them. */
    public int[] candidates(NameFeatures query) {
        int[] keys = keys(query);
        if (keys.length == 0) {
            return new int[0];
        }
        long[] lists = new long[keys.length]; // (length << 32 | position in keys), sorted so rare keys come first
        for (int k = 0; k < keys.length; k++) {
            int bucket = keys[k] & mask;
            lists[k] = ((long) (offsets[bucket + 1] - offsets[bucket]) << 32) | k;
        }
        Arrays.sort(lists);
        Scratch s = scratch.get();
        int touchedCount = 0;
        int work = 0;
        for (long list : lists) {
            int k = (int) list;
            int bucket = keys[k] & mask;
            int from = offsets[bucket];
            int to = offsets[bucket + 1];
            if (from == to) {
                continue;
            }
            int remaining = postingBudget - work;
            if (remaining <= 0) {
                break;
            }
            to = Math.min(to, from + remaining);
            int weight = (keys[k] & 1) == 1 ? PAIR_WEIGHT : 1;
            for (int p = from; p < to; p++) {
                int name = postings[p];
                if (s.counts[name] == 0) {
                    s.touched[touchedCount++] = name;
                }
                s.counts[name] += weight;
            }
            work += to - from;
        }
        // Keep the names with the most shared key weight: (count << 32 | ordinal), largest first.
        long[] ranked = new long[touchedCount];
        for (int t = 0; t < touchedCount; t++) {
            int name = s.touched[t];
            ranked[t] = ((long) s.counts[name] << 32) | (0xFFFFFFFFL - name);
            s.counts[name] = 0;
        }
        Arrays.sort(ranked);
        int n = Math.min(maxCandidates, touchedCount);
        int[] result = new int[n];
        for (int r = 0; r < n; r++) {
            result[r] = (int) (0xFFFFFFFFL - (ranked[touchedCount - 1 - r] & 0xFFFFFFFFL));
        }
        return result;
    }

    /** The hashed keys of a name; the lowest bit tells pair keys (1) from single-word keys (0). */
    static int[] keys(NameFeatures name) {
        List<TokenFeatures> tokens = name.tokens();
        int words = 0;
        for (TokenFeatures t : tokens) {
            if (!t.particle() && !t.initial()) {
                words++;
            }
        }
        int limit = Math.min(words, 8);
        int[] skeletons = new int[limit];
        int[] keys = new int[limit * 2 + limit * (limit - 1) / 2];
        int k = 0;
        int w = 0;
        for (TokenFeatures t : tokens) {
            if (t.particle() || t.initial() || w == limit) {
                continue;
            }
            skeletons[w++] = mix(t.skeleton().hashCode() * 31 + 1);
            keys[k++] = mix(t.skeleton().hashCode() * 31 + 1) & ~1;
            keys[k++] = mix(t.phonetic().hashCode() * 31 + 2) & ~1;
        }
        for (int i = 0; i < limit; i++) {
            for (int j = i + 1; j < limit; j++) {
                int a = Math.min(skeletons[i], skeletons[j]);
                int b = Math.max(skeletons[i], skeletons[j]);
                keys[k++] = mix(a * 0x9E3779B1 + b) | 1;
            }
        }
        return keys;
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
