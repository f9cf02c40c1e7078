package org.orderly.screening.index;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.orderly.screening.compare.JaroWinkler;
import org.orderly.screening.compare.NameComparator;
import org.orderly.screening.compare.NameFeatures;
import org.orderly.screening.compare.TokenFeatures;

/**
 * Finds the names worth scoring without scanning the list. Listed words are interned into a dictionary; typo-tolerant
 * keys (single-letter deletions of the spelling and of its variant key, the consonant skeleton, the phonetic codes)
 * lead from a query word to the dictionary words the comparator would align with it, checked by the comparator's own
 * token similarity; each dictionary word has a posting list of names. Since a hit must match a minimum number of the
 * query's words (derived from the threshold), only the rarest query words' postings are read; the other words are
 * checked per candidate against its interned tokens. Adjacent words written as one ("abdul rahman" / "abdulrahman") are
 * looked up in both directions. All tables are flat int arrays.
 */
public final class CandidateIndex {
    private static final int MAX_WORDS = 30;
    /** Marks names reached through parts written as one, which the bound below does not cover. */
    private static final int COMPOUND_BIT = 1 << 31;
    /** Postings read beyond the rarest words a hit must share, while the query's other words stay this cheap. */
    private static final int EXTRA_POSTINGS = 400;
    /** Room left below the threshold for a birth date and nationality agreeing, plus rounding of small weights. */
    private static final double MAX_ADJUSTMENT = 0.05 + 0.02 + 0.02;
    private static final int TAG_TEXT = 0x1000;
    private static final int TAG_SKELETON = 0x3000;
    private static final int TAG_PHONETIC = 0x4000;
    private static final int TAG_COMPOUND = 0x5000;

    private final int size;
    private final double threshold;
    private final TokenFeatures[] dictionary;
    private final int[] postingOffsets;
    private final int[] postings;
    private final int[] nameTokenOffsets;
    private final int[] nameTokens;
    private final float[] nameWeight;
    private final byte[] nameOthers;
    private final int keyMask;
    private final int[] keyOffsets;
    private final int[] keyTokens;
    private final int compoundMask;
    private final int[] compoundOffsets;
    private final int[] compoundNames;
    private final int[] compoundHashes;
    private final ThreadLocal<Scratch> scratch;

    private final class Scratch {
        final int[] nameMask = new int[size];
        final int[] touched = new int[Math.max(16, size)];
        final int[] tokenStamp = new int[dictionary.length];
        final int[] tokenMask = new int[dictionary.length];
        final int[] tokenSlot = new int[dictionary.length];
        double[] slotSims = new double[1024];
        int slots;
        final int[] tokenChecked = new int[dictionary.length];
        final int[] proposedStamp = new int[dictionary.length];
        int stamp;
        int proposal;
        int[] matched = new int[256]; // dictionary ids matched by the current query, grouped per word
        int matchedCount;
    }

    public CandidateIndex(List<NameFeatures> names) {
        this(names, NameComparator.DEFAULT_THRESHOLD);
    }

    /** An index for names screened at this comparator threshold (a lower threshold needs fewer query words matched). */
    public CandidateIndex(List<NameFeatures> names, double threshold) {
        this.size = names.size();
        this.threshold = threshold;
        Map<String, Integer> ids = new HashMap<>();
        TokenFeatures[] words = new TokenFeatures[1024];
        nameTokenOffsets = new int[size + 1];
        nameWeight = new float[size];
        nameOthers = new byte[size];
        int[] tokens = new int[Math.max(16, size * 3)];
        int tokenCount = 0;
        for (int n = 0; n < size; n++) {
            List<TokenFeatures> features = names.get(n).tokens();
            for (int i = 0; i < features.size() && i < NameComparator.MAX_TOKENS; i++) {
                TokenFeatures t = features.get(i);
                nameWeight[n] += (float) t.weight();
                if (!isWord(t)) {
                    nameOthers[n] = (byte) Math.min(100, nameOthers[n] + 1);
                    continue;
                }
                Integer id = ids.get(t.text());
                if (id == null) {
                    id = ids.size();
                    ids.put(t.text(), id);
                    if (id == words.length) {
                        words = Arrays.copyOf(words, words.length * 2);
                    }
                    words[id] = t;
                }
                if (tokenCount == tokens.length) {
                    tokens = Arrays.copyOf(tokens, tokens.length * 2);
                }
                tokens[tokenCount++] = id;
            }
            nameTokenOffsets[n + 1] = tokenCount;
        }
        this.nameTokens = Arrays.copyOf(tokens, tokenCount);
        this.dictionary = Arrays.copyOf(words, ids.size());
        ids = null;

        // Postings: dictionary word -> names containing it (counting sort over the name -> words table).
        postingOffsets = new int[dictionary.length + 1];
        for (int t : nameTokens) {
            postingOffsets[t + 1]++;
        }
        for (int t = 0; t < dictionary.length; t++) {
            postingOffsets[t + 1] += postingOffsets[t];
        }
        postings = new int[nameTokens.length];
        int[] fill = Arrays.copyOf(postingOffsets, dictionary.length);
        for (int n = 0; n < size; n++) {
            for (int p = nameTokenOffsets[n]; p < nameTokenOffsets[n + 1]; p++) {
                postings[fill[nameTokens[p]]++] = n;
            }
        }

        // Keys: hashed key -> dictionary words (buckets may collide; the token similarity check filters).
        int[][] keysOfWord = new int[dictionary.length][];
        long totalKeys = 0;
        for (int t = 0; t < dictionary.length; t++) {
            keysOfWord[t] = keys(dictionary[t]);
            totalKeys += keysOfWord[t].length;
        }
        int buckets = tableSize(totalKeys);
        keyMask = buckets - 1;
        keyOffsets = new int[buckets + 1];
        for (int[] keys : keysOfWord) {
            for (int key : keys) {
                keyOffsets[(key & keyMask) + 1]++;
            }
        }
        for (int b = 0; b < buckets; b++) {
            keyOffsets[b + 1] += keyOffsets[b];
        }
        keyTokens = new int[(int) totalKeys];
        fill = Arrays.copyOf(keyOffsets, buckets);
        for (int t = 0; t < dictionary.length; t++) {
            for (int key : keysOfWord[t]) {
                keyTokens[fill[key & keyMask]++] = t;
            }
            keysOfWord[t] = null;
        }

        // Listed compounds: the variant keys of two adjacent listed words joined, for a query word written as one.
        int pairCount = 0;
        for (int n = 0; n < size; n++) {
            pairCount += Math.max(0, nameTokenOffsets[n + 1] - nameTokenOffsets[n] - 1);
        }
        int compoundBuckets = tableSize(pairCount);
        compoundMask = compoundBuckets - 1;
        compoundOffsets = new int[compoundBuckets + 1];
        compoundNames = new int[pairCount];
        compoundHashes = new int[pairCount];
        for (int pass = 0; pass < 2; pass++) {
            int[] cursor = pass == 0 ? null : Arrays.copyOf(compoundOffsets, compoundBuckets);
            for (int n = 0; n < size; n++) {
                for (int p = nameTokenOffsets[n]; p + 1 < nameTokenOffsets[n + 1]; p++) {
                    int hash = compoundHash(dictionary[nameTokens[p]].variant(), dictionary[nameTokens[p + 1]].variant());
                    int bucket = hash & compoundMask;
                    if (pass == 0) {
                        compoundOffsets[bucket + 1]++;
                    } else {
                        int at = cursor[bucket]++;
                        compoundNames[at] = n;
                        compoundHashes[at] = hash;
                    }
                }
            }
            if (pass == 0) {
                for (int b = 0; b < compoundBuckets; b++) {
                    compoundOffsets[b + 1] += compoundOffsets[b];
                }
            }
        }
        this.scratch = ThreadLocal.withInitial(Scratch::new);
    }

    public int size() {
        return size;
    }

    /** Distinct listed words in the dictionary. */
    public int dictionarySize() {
        return dictionary.length;
    }

    /**
     * The ordinals of the names that can reach the threshold against this query: every name that matches (through the
     * comparator's token similarity, found by the typo-tolerant keys) at least as many of the query's words as a hit
     * needs. In no particular order.
     */
    public int[] candidates(NameFeatures query) {
        List<TokenFeatures> tokens = query.tokens();
        int limit = Math.min(tokens.size(), NameComparator.MAX_TOKENS);
        TokenFeatures[] words = new TokenFeatures[limit];
        int wordCount = 0;
        for (int i = 0; i < limit && wordCount < MAX_WORDS; i++) {
            if (isWord(tokens.get(i))) {
                words[wordCount++] = tokens.get(i);
            }
        }
        if (wordCount == 0 || size == 0) {
            return new int[0];
        }
        words = Arrays.copyOf(words, wordCount);
        Scratch s = scratch.get();
        s.stamp++;
        if (s.proposal > Integer.MAX_VALUE - 64) {
            Arrays.fill(s.proposedStamp, 0);
            s.proposal = 0;
        }
        if (s.stamp == Integer.MAX_VALUE) {
            Arrays.fill(s.tokenStamp, 0);
            s.stamp = 1;
        }
        s.matchedCount = 0;
        s.slots = 0;
        int[] matchedFrom = new int[wordCount + 1];
        long[] cost = new long[wordCount];
        for (int w = 0; w < wordCount; w++) {
            matchedFrom[w] = s.matchedCount;
            cost[w] = ((long) match(s, words[w], w, wordCount) << 8) | w;
        }
        matchedFrom[wordCount] = s.matchedCount;

        // Read the postings of the rarest words: any hit matches at least `needed` words, so at least one of these.
        int needed = wordsNeeded(wordCount);
        int scanned = wordCount - needed + 1;
        Arrays.sort(cost);
        int touchedCount = 0;
        long read = 0;
        for (int r = 0; r < wordCount; r++) {
            // Further words are read while cheap: they find names whose other words match only loosely.
            if (r >= scanned && read + (cost[r] >>> 8) > EXTRA_POSTINGS) {
                break;
            }
            read += cost[r] >>> 8;
            int w = (int) (cost[r] & 0xFF);
            for (int m = matchedFrom[w]; m < matchedFrom[w + 1]; m++) {
                int token = s.matched[m];
                for (int p = postingOffsets[token]; p < postingOffsets[token + 1]; p++) {
                    touchedCount = touch(s, postings[p], 1 << w, touchedCount);
                }
            }
        }
        touchedCount = compounds(s, words, wordCount, touchedCount);

        // Per candidate, every query word one of its own words matches (int work over its interned tokens; words the
        // keys did not link are checked with the comparator's token similarity, cached per listed word), then an upper
        // bound of the comparator's name score from the best similarity of each query word.
        int all = (1 << wordCount) - 1;
        double queryWeight = 0;
        int queryOthers = 0;
        for (int i = 0; i < limit; i++) {
            queryWeight += tokens.get(i).weight();
            queryOthers += isWord(tokens.get(i)) ? 0 : 1;
        }
        double need = threshold - MAX_ADJUSTMENT;
        double[] best = new double[wordCount];
        int[] result = new int[touchedCount];
        int kept = 0;
        for (int c = 0; c < touchedCount; c++) {
            int name = s.touched[c];
            int compoundMask = s.nameMask[name] & COMPOUND_BIT;
            int mask = s.nameMask[name] & ~COMPOUND_BIT;
            s.nameMask[name] = 0;
            Arrays.fill(best, 0);
            int from = nameTokenOffsets[name];
            int to = nameTokenOffsets[name + 1];
            for (int p = from; p < to; p++) {
                int slot = matchedWords(s, nameTokens[p], words, all);
                int matched = s.tokenMask[nameTokens[p]];
                mask |= matched;
                while (matched != 0) {
                    int w = Integer.numberOfTrailingZeros(matched);
                    matched &= matched - 1;
                    best[w] = Math.max(best[w], s.slotSims[slot * wordCount + w]);
                }
            }
            if (Integer.bitCount(mask) < needed) {
                continue;
            }
            if (compoundMask == 0 && nameOthers[name] == 0 && queryOthers == 0
                    && bound(best, queryWeight, nameWeight[name]) < need) {
                continue;
            }
            result[kept++] = name;
        }
        return kept == result.length ? result : Arrays.copyOf(result, kept);
    }

    /**
     * The best name score a candidate of all full words can reach: each query word aligned with its most similar listed
     * word, the shorter side's coverage counted as the comparator does.
     */
    private static double bound(double[] best, double queryWeight, double nameWeight) {
        double matched = 0;
        for (double b : best) {
            matched += b;
        }
        double symmetric = Math.min(1, 2 * matched / (queryWeight + nameWeight));
        double coverage = Math.min(1, matched / Math.min(queryWeight, nameWeight));
        return Math.max(symmetric, 0.5 * (symmetric + coverage));
    }

    /** The query words this listed word aligns with (in tokenMask), similarities cached per query and listed word. */
    private int matchedWords(Scratch s, int token, TokenFeatures[] words, int all) {
        int slot = slot(s, token, words.length);
        int unchecked = all & ~s.tokenChecked[token];
        while (unchecked != 0) {
            int w = Integer.numberOfTrailingZeros(unchecked);
            unchecked &= unchecked - 1;
            double similarity = NameComparator.tokenSimilarity(words[w], dictionary[token]);
            if (similarity > 0) {
                s.tokenMask[token] |= 1 << w;
                s.slotSims[slot * words.length + w] = similarity;
            }
        }
        s.tokenChecked[token] = all;
        return slot;
    }

    /** The per-query slot of a listed word, holding its similarity to each query word. */
    private static int slot(Scratch s, int token, int wordCount) {
        if (s.tokenStamp[token] != s.stamp) {
            s.tokenStamp[token] = s.stamp;
            s.tokenMask[token] = 0;
            s.tokenChecked[token] = 0;
            int slot = s.slots++;
            if ((slot + 1) * wordCount > s.slotSims.length) {
                s.slotSims = Arrays.copyOf(s.slotSims, Math.max(s.slotSims.length * 2, (slot + 1) * wordCount));
            }
            Arrays.fill(s.slotSims, slot * wordCount, (slot + 1) * wordCount, 0);
            s.tokenSlot[token] = slot;
        }
        return s.tokenSlot[token];
    }

    private int touch(Scratch s, int name, int mask, int touchedCount) {
        if (s.nameMask[name] == 0) {
            s.touched[touchedCount++] = name;
        }
        s.nameMask[name] |= mask;
        return touchedCount;
    }

    /** Records the dictionary words the comparator would align with this query word; returns their posting count. */
    private int match(Scratch s, TokenFeatures word, int w, int wordCount) {
        int postingsTotal = 0;
        s.proposal++;
        for (int key : keys(word)) {
            int bucket = key & keyMask;
            for (int k = keyOffsets[bucket]; k < keyOffsets[bucket + 1]; k++) {
                int token = keyTokens[k];
                if (s.proposedStamp[token] == s.proposal) {
                    continue; // proposed by another key of this word already
                }
                s.proposedStamp[token] = s.proposal;
                int slot = slot(s, token, wordCount);
                s.tokenChecked[token] |= 1 << w;
                double similarity = NameComparator.tokenSimilarity(word, dictionary[token]);
                if (similarity > 0) {
                    s.tokenMask[token] |= 1 << w;
                    s.slotSims[slot * wordCount + w] = similarity;
                    if (s.matchedCount == s.matched.length) {
                        s.matched = Arrays.copyOf(s.matched, s.matched.length * 2);
                    }
                    s.matched[s.matchedCount++] = token;
                    postingsTotal += postingOffsets[token + 1] - postingOffsets[token];
                }
            }
        }
        return postingsTotal;
    }

    /** Adds the names reached through words written as one on either side, marking both query words they cover. */
    private int compounds(Scratch s, TokenFeatures[] words, int wordCount, int touchedCount) {
        for (int w = 0; w < wordCount; w++) {
            String variant = words[w].variant();
            touchedCount = listedCompound(s, compoundHash(variant), (1 << w) | COMPOUND_BIT, touchedCount);
            if (w + 1 < wordCount) {
                String joined = words[w].variant() + words[w + 1].variant();
                int both = (1 << w) | (1 << (w + 1));
                touchedCount = listedCompound(s, compoundHash(joined), both | COMPOUND_BIT, touchedCount);
                // The joined query words against one listed word: the comparator accepts Jaro-Winkler >= 0.9 there.
                for (int key : deletionKeys(joined, TAG_TEXT, new int[joined.length() + 1], 0)) {
                    int bucket = key & keyMask;
                    for (int k = keyOffsets[bucket]; k < keyOffsets[bucket + 1]; k++) {
                        int token = keyTokens[k];
                        if (JaroWinkler.similarity(joined, dictionary[token].variant()) >= 0.9) {
                            for (int p = postingOffsets[token]; p < postingOffsets[token + 1]; p++) {
                                touchedCount = touch(s, postings[p], both | COMPOUND_BIT, touchedCount);
                            }
                        }
                    }
                }
            }
        }
        return touchedCount;
    }

    private int listedCompound(Scratch s, int hash, int mask, int touchedCount) {
        int bucket = hash & compoundMask;
        for (int k = compoundOffsets[bucket]; k < compoundOffsets[bucket + 1]; k++) {
            if (compoundHashes[k] == hash) {
                touchedCount = touch(s, compoundNames[k], mask, touchedCount);
            }
        }
        return touchedCount;
    }

    /** The fewest query words a hit can match, from the best score a name matching only k of w words could reach. */
    int wordsNeeded(int queryWords) {
        double need = threshold - MAX_ADJUSTMENT;
        for (int k = 1; k < queryWords; k++) {
            // One word matched: no coverage bonus (a one-word side); otherwise all of a k-word name matched perfectly.
            double best = k == 1 ? Math.max(2.0 / (queryWords + 1), 1.0 / (queryWords + 2) + 0.25)
                    : k / (double) (queryWords + k) + 0.5;
            if (best >= need) {
                return k;
            }
        }
        return queryWords;
    }

    private static boolean isWord(TokenFeatures t) {
        return !t.particle() && !t.initial();
    }

    /** The keys of a word: its spelling and variant key with each single letter deleted, skeleton and phonetic codes. */
    static int[] keys(TokenFeatures t) {
        String text = t.text();
        String variant = t.variant();
        int[] keys = new int[text.length() + variant.length() + 6];
        int k = deletionKeys(text, TAG_TEXT, keys, 0).length;
        int[] withVariant = variant.equals(text) ? Arrays.copyOf(keys, k) : deletionKeys(variant, TAG_TEXT, keys, k);
        keys = withVariant;
        k = keys.length;
        keys = Arrays.copyOf(keys, k + 3);
        if (t.skeleton().length() >= 2) {
            keys[k++] = mix(hash(t.skeleton(), -1, TAG_SKELETON));
        }
        if (t.phonetic().length() >= 2) {
            keys[k++] = mix(hash(t.phonetic(), -1, TAG_PHONETIC));
            if (!t.phoneticAlternate().equals(t.phonetic()) && t.phoneticAlternate().length() >= 2) {
                keys[k++] = mix(hash(t.phoneticAlternate(), -1, TAG_PHONETIC));
            }
        }
        return Arrays.copyOf(keys, k);
    }

    /** Writes the key of the whole string and, for strings of three letters or more, of each one-letter deletion. */
    private static int[] deletionKeys(String s, int tag, int[] into, int from) {
        int k = from;
        if (into.length < from + s.length() + 1) {
            into = Arrays.copyOf(into, from + s.length() + 1);
        }
        into[k++] = mix(hash(s, -1, tag));
        if (s.length() >= 3) {
            for (int skip = 0; skip < s.length(); skip++) {
                if (skip > 0 && s.charAt(skip) == s.charAt(skip - 1)) {
                    continue; // deleting either letter of a double gives the same string
                }
                into[k++] = mix(hash(s, skip, tag));
            }
        }
        return Arrays.copyOf(into, k);
    }

    private static int hash(String s, int skip, int tag) {
        int h = tag;
        for (int i = 0; i < s.length(); i++) {
            if (i != skip) {
                h = 31 * h + s.charAt(i);
            }
        }
        return h;
    }

    private static int compoundHash(String first, String second) {
        int h = TAG_COMPOUND;
        for (int i = 0; i < first.length(); i++) {
            h = 31 * h + first.charAt(i);
        }
        for (int i = 0; i < second.length(); i++) {
            h = 31 * h + second.charAt(i);
        }
        return mix(h);
    }

    private static int compoundHash(String joined) {
        return compoundHash(joined, "");
    }

    private static int tableSize(long entries) {
        return Integer.highestOneBit((int) Math.max(16, Math.min(1 << 28, entries))) << 1;
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
