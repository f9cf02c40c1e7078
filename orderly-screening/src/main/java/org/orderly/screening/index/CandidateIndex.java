package org.orderly.screening.index;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.orderly.screening.compare.BirthDate;
import org.orderly.screening.compare.JaroWinkler;
import org.orderly.screening.compare.NameComparator;
import org.orderly.screening.compare.NameFeatures;
import org.orderly.screening.compare.TokenFeatures;

/**
 * Finds the names worth scoring without scanning the list. Listed words are interned into a dictionary. A query word
 * is linked to every dictionary word the comparator would align with it, found through a deletion index (up to two
 * deleted letters of the spelling and of its variant key, for words of five letters or more; one below), the consonant
 * skeleton and the phonetic codes, and checked with the comparator's own token similarity; for words that are
 * themselves listed these links are computed once when the index is built. Names are posted per dictionary word and per
 * word count, so that from the threshold the index knows how many query words a name of each length must match, reads
 * only the rarest words' postings that any such hit must contain, and drops every name whose upper bound of the
 * comparator's score (from the best similarity per query word, plus the exact birth date and nationality adjustment)
 * stays below the threshold. Adjacent words written as one ("abdul rahman" / "abdulrahman") are looked up both ways.
 */
public final class CandidateIndex {
    /** Posting classes: 0 = names with initials or particles (no bound is applied), 1..4 = names of 1, 2, 3, 4+ words. */
    private static final int CLASSES = 5;
    /** Guards the bound against rounding: a name this close below the threshold is still scored. */
    private static final double SLACK = 1e-6;
    private static final double MAX_BIRTH_ADJUSTMENT = 0.05;
    private static final double MAX_NATIONALITY_ADJUSTMENT = 0.02;
    private static final int TAG_DELETION = 0x1000;
    private static final int TAG_SKELETON = 0x3000;
    private static final int TAG_PHONETIC = 0x4000;
    private static final int TAG_COMPOUND = 0x5000;
    private static final int IMPOSSIBLE = Integer.MAX_VALUE;
    private static final String PARTICLE_KEY = "\u0001";
    private static final double INITIAL_SIMILARITY = 0.85;
    private static final double COMPOUND_SIMILARITY = 0.97;

    public static final long[] PROFILE = new long[8];
    private final int size;
    private final double threshold;
    private final TokenFeatures[] dictionary;
    private final Map<String, Integer> dictionaryIds;
    /** Per (dictionary word, class): where its records start in {@link #records}, and how many names it has. */
    private final int[] postingOffsets;
    private final int[] postingCounts;
    /** Records of posted names, one after another: name, total weight (float bits), token count, token ids. */
    private final int[] records;
    private final int[] nameTokenOffsets;
    private final int[] nameTokens;
    private final byte[] nameClass;
    private final double[] nameWeight;
    private final int[] initialIds;
    private final char[] firstLetters;
    private final int[] wordless;
    private final BirthDate[] birthDates;
    private final String[] nationalities;
    private final int keyMask;
    private final int[] keyOffsets;
    private final int[] keyTokens;
    private final int[] keyHashes;
    private final int[] neighbourOffsets;
    private final int[] neighbourTokens;
    private final double[] neighbourSimilarities;
    private final int compoundMask;
    private final int[] compoundOffsets;
    private final int[] compoundNames;
    private final int[] compoundHashes;
    private final int[] compoundFirstParts;
    private final ThreadLocal<Scratch> scratch;

    private final class Scratch {
        final int[] nameStamp = new int[size];
        int[] result = new int[64];
        // The per-query table: linked dictionary word -> slot, open addressing, small enough to stay in cache.
        int[] linkKeys = new int[256];
        int[] linkSlots = new int[256];
        final int[] proposedStamp = new int[dictionary.length];
        // Per linked dictionary word and query token: the best contribution of a unit between them to the matched
        // weight of both names, to the query's and to the listed name's coverage.
        double[] slotPair = new double[256];
        double[] slotQuery = new double[256];
        double[] slotName = new double[256];
        int slots;
        int stamp;
        int proposal;
        int[] matched = new int[256]; // dictionary ids matched by the current query, grouped per word
        int matchedCount;
        int[] found = new int[256]; // a live lookup's dictionary ids and similarities
        double[] foundSimilarities = new double[256];
        int foundCount;
    }

    public CandidateIndex(List<NameFeatures> names) {
        this(names, NameComparator.DEFAULT_THRESHOLD);
    }

    /** An index for names screened at this comparator threshold, birth dates and nationalities unknown. */
    public CandidateIndex(List<NameFeatures> names, double threshold) {
        this(names, threshold, null, null);
    }

    /**
     * An index for names screened at this comparator threshold; the birth date and alpha-3 nationality of each name's
     * person (lists of the same length as the names, elements may be null; the lists themselves may be null) let the
     * index drop names whose adjusted score cannot reach the threshold.
     */
    public CandidateIndex(List<NameFeatures> names, double threshold, List<BirthDate> birthDates,
                          List<String> nationalities) {
        this.size = names.size();
        this.threshold = threshold;
        this.birthDates = birthDates == null ? new BirthDate[size] : birthDates.toArray(new BirthDate[0]);
        this.nationalities = nationalities == null ? new String[size] : nationalities.toArray(new String[0]);
        if (this.birthDates.length != size || this.nationalities.length != size) {
            throw new IllegalArgumentException("one birth date and nationality slot per name is needed");
        }
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
        this.nameTokens = Arrays.copyOf(tokens, tokenCount);
        this.dictionary = Arrays.copyOf(words, ids.size());
        this.dictionaryIds = ids;
        this.initialIds = new int[128];
        Arrays.fill(initialIds, -1);
        this.firstLetters = new char[dictionary.length];
        for (int t = 0; t < dictionary.length; t++) {
            firstLetters[t] = dictionary[t].text().isEmpty() ? 0 : dictionary[t].text().charAt(0);
            if (!dictionary[t].particle() && dictionary[t].initial() && firstLetters[t] < 128) {
                initialIds[firstLetters[t]] = t;
            }
        }

        // Postings: (dictionary word, class of name) -> records of the names containing it, each name once per word,
        // carrying what the bound needs so that reading them touches no other table.
        int blocks = dictionary.length * CLASSES;
        postingOffsets = new int[blocks + 1];
        postingCounts = new int[blocks];
        for (int n = 0; n < size; n++) {
            int length = nameTokenOffsets[n + 1] - nameTokenOffsets[n];
            for (int p = nameTokenOffsets[n]; p < nameTokenOffsets[n + 1]; p++) {
                if (posted(n, p)) {
                    int block = nameTokens[p] * CLASSES + nameClass[n];
                    postingOffsets[block + 1] += 3 + length;
                    postingCounts[block]++;
                }
            }
        }
        for (int b = 0; b < blocks; b++) {
            postingOffsets[b + 1] += postingOffsets[b];
        }
        records = new int[postingOffsets[blocks]];
        int[] fill = Arrays.copyOf(postingOffsets, blocks);
        for (int n = 0; n < size; n++) {
            int from = nameTokenOffsets[n];
            int length = nameTokenOffsets[n + 1] - from;
            for (int p = from; p < from + length; p++) {
                if (posted(n, p)) {
                    int at = fill[nameTokens[p] * CLASSES + nameClass[n]];
                    records[at] = n;
                    records[at + 1] = Float.floatToIntBits((float) nameWeight[n]);
                    records[at + 2] = length;
                    System.arraycopy(nameTokens, from, records, at + 3, length);
                    fill[nameTokens[p] * CLASSES + nameClass[n]] = at + 3 + length;
                }
            }
        }

        // Keys: hashed key -> dictionary words; the full hash is kept so that bucket neighbours are skipped cheaply.
        int[][] keysOfWord = new int[dictionary.length][];
        long totalKeys = 0;
        for (int t = 0; t < dictionary.length; t++) {
            keysOfWord[t] = isWord(dictionary[t]) ? keys(dictionary[t]) : new int[0];
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
        keyHashes = new int[(int) totalKeys];
        fill = Arrays.copyOf(keyOffsets, buckets);
        for (int t = 0; t < dictionary.length; t++) {
            for (int key : keysOfWord[t]) {
                int at = fill[key & keyMask]++;
                keyTokens[at] = t;
                keyHashes[at] = key;
            }
            keysOfWord[t] = null;
        }

        // Listed compounds: the variant keys of two adjacent listed tokens joined (particles between them skipped, as
        // the comparator does), for a query word written as one.
        int pairCount = 0;
        for (int n = 0; n < size; n++) {
            pairCount += Math.max(0, nameTokenOffsets[n + 1] - nameTokenOffsets[n] - 1);
        }
        int compoundBuckets = tableSize(pairCount);
        compoundMask = compoundBuckets - 1;
        compoundOffsets = new int[compoundBuckets + 1];
        compoundNames = new int[pairCount];
        compoundHashes = new int[pairCount];
        compoundFirstParts = new int[pairCount];
        for (int pass = 0; pass < 2; pass++) {
            int[] cursor = pass == 0 ? null : Arrays.copyOf(compoundOffsets, compoundBuckets);
            for (int n = 0; n < size; n++) {
                for (int p = nameTokenOffsets[n]; p < nameTokenOffsets[n + 1]; p++) {
                    int next = p + 1;
                    while (next < nameTokenOffsets[n + 1] && dictionary[nameTokens[next]].particle()) {
                        next++;
                    }
                    if (dictionary[nameTokens[p]].particle() || next >= nameTokenOffsets[n + 1]) {
                        continue;
                    }
                    int hash = compoundHash(dictionary[nameTokens[p]].variant(), dictionary[nameTokens[next]].variant());
                    int bucket = hash & compoundMask;
                    if (pass == 0) {
                        compoundOffsets[bucket + 1]++;
                    } else {
                        int at = cursor[bucket]++;
                        compoundNames[at] = n;
                        compoundHashes[at] = hash;
                        compoundFirstParts[at] = firstPartHash(dictionary[nameTokens[p]].variant());
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

        // Neighbours of every listed word, so that a query word spelled as a listed one needs no fuzzy lookup.
        Scratch s = scratch.get();
        neighbourOffsets = new int[dictionary.length + 1];
        int[] neighbours = new int[Math.max(16, dictionary.length * 8)];
        double[] similarities = new double[neighbours.length];
        int count = 0;
        for (int t = 0; t < dictionary.length; t++) {
            s.foundCount = 0;
            if (isWord(dictionary[t])) {
                lookup(s, dictionary[t]);
            }
            if (count + s.foundCount > neighbours.length) {
                int grown = Math.max(neighbours.length * 2, count + s.foundCount);
                neighbours = Arrays.copyOf(neighbours, grown);
                similarities = Arrays.copyOf(similarities, grown);
            }
            System.arraycopy(s.found, 0, neighbours, count, s.foundCount);
            System.arraycopy(s.foundSimilarities, 0, similarities, count, s.foundCount);
            count += s.foundCount;
            neighbourOffsets[t + 1] = count;
        }
        neighbourTokens = Arrays.copyOf(neighbours, count);
        neighbourSimilarities = Arrays.copyOf(similarities, count);
    }

    /** Whether position p of name n is posted: words and initials are, once per name; particles are not. */
    private boolean posted(int n, int p) {
        if (dictionary[nameTokens[p]].particle()) {
            return false;
        }
        for (int q = nameTokenOffsets[n]; q < p; q++) {
            if (nameTokens[q] == nameTokens[p]) {
                return false;
            }
        }
        return true;
    }

    public int size() {
        return size;
    }

    /** Distinct listed words in the dictionary. */
    public int dictionarySize() {
        return dictionary.length;
    }

    /** Links from listed words to the listed words the comparator aligns them with (a measure of the index's size). */
    public int neighbourLinks() {
        return neighbourTokens.length;
    }

    /**
     * The ordinals of the names that can reach the threshold against this query, whatever the birth date and
     * nationality of the query and of the listed persons. In no particular order.
     */
    public int[] candidates(NameFeatures query) {
        return candidates(query, null, null, true);
    }

    /**
     * The ordinals of the names whose score against this person (name, birth date or null, alpha-3 nationality or
     * null) can reach the threshold, with the listed birth dates and nationalities given to the index. In no particular
     * order.
     */
    public int[] candidates(NameFeatures query, BirthDate birthDate, String nationality) {
        return candidates(query, birthDate, nationality, false);
    }

    private int[] candidates(NameFeatures query, BirthDate birthDate, String nationality, boolean anyDetails) {
        List<TokenFeatures> tokens = query.tokens();
        int count = Math.min(tokens.size(), NameComparator.MAX_TOKENS);
        TokenFeatures[] all = tokens.subList(0, count).toArray(new TokenFeatures[0]);
        int[] wordAt = new int[count];
        int wordCount = 0;
        int initials = 0;
        int particles = 0;
        double queryWeight = 0;
        for (int i = 0; i < count; i++) {
            queryWeight += all[i].weight();
            if (isWord(all[i])) {
                wordAt[wordCount++] = i;
            } else if (all[i].particle()) {
                particles++;
            } else {
                initials++;
            }
        }
        if (wordCount == 0 || size == 0) {
            return wordless.clone();
        }
        boolean queryOthers = wordCount < count;
        Scratch s = scratch.get();
        if (s.stamp >= Integer.MAX_VALUE - 2) {
            Arrays.fill(s.nameStamp, 0);
            s.stamp = 0;
        }
        s.stamp++;
        s.matchedCount = 0;
        s.slots = 0;
        Arrays.fill(s.linkKeys, -1);
        long t0 = System.nanoTime();
        int[] matchedFrom = new int[wordCount + 1];
        for (int w = 0; w < wordCount; w++) {
            matchedFrom[w] = s.matchedCount;
            link(s, all[wordAt[w]], wordAt[w], count);
            if (w > 0) {
                long tj = System.nanoTime();
                joinedLinks(s, all, wordAt[w - 1], wordAt[w], count); // also read with this word's postings
                PROFILE[7] += System.nanoTime() - tj;
            }
        }
        matchedFrom[wordCount] = s.matchedCount;

        long t1 = System.nanoTime();
        PROFILE[0] += t1 - t0;
        PROFILE[4] += s.matchedCount;
        double maxAdjustment = anyDetails ? MAX_BIRTH_ADJUSTMENT + MAX_NATIONALITY_ADJUSTMENT
                : (birthDate == null ? 0 : birthDate.full() ? MAX_BIRTH_ADJUSTMENT : 0.02)
                + (nationality == null ? 0 : MAX_NATIONALITY_ADJUSTMENT);
        double need = threshold - maxAdjustment - SLACK;
        long[] cost = new long[wordCount];
        int kept = 0;
        long evaluated = 0;
        for (int c = 1; c < CLASSES; c++) {
            int read = wordsToRead(wordCount, initials, particles, queryWeight, c, need);
            // A name of this class that matches none of the `read` rarest words cannot reach the threshold.
            for (int w = 0; w < wordCount; w++) {
                long postingsOfWord = 0;
                for (int m = matchedFrom[w]; m < matchedFrom[w + 1]; m++) {
                    postingsOfWord += postingCounts[s.matched[m] * CLASSES + c];
                }
                cost[w] = (postingsOfWord << 8) | w;
            }
            Arrays.sort(cost);
            for (int r = 0; r < read; r++) {
                int w = (int) (cost[r] & 0xFF);
                evaluated += cost[r] >>> 8;
                for (int m = matchedFrom[w]; m < matchedFrom[w + 1]; m++) {
                    int block = s.matched[m] * CLASSES + c;
                    for (int at = postingOffsets[block]; at < postingOffsets[block + 1]; at += 3 + records[at + 2]) {
                        double bound = bound(s, at, all, queryOthers, queryWeight);
                        if (bound < need) {
                            continue;
                        }
                        int name = records[at];
                        if (!anyDetails && bound < threshold - SLACK - NameComparator.birthDateAdjustment(birthDate,
                                birthDates[name]) - NameComparator.nationalityAdjustment(nationality,
                                nationalities[name])) {
                            continue;
                        }
                        kept = keep(s, name, kept);
                    }
                }
            }
        }
        long t2 = System.nanoTime();
        PROFILE[1] += t2 - t1;
        PROFILE[5] += evaluated;
        kept = listedCompounds(s, all, wordAt, wordCount, kept);
        for (int name : wordless) {
            kept = keep(s, name, kept);
        }
        PROFILE[2] += System.nanoTime() - t2;
        PROFILE[6]++;
        return Arrays.copyOf(s.result, kept);
    }

    private int keep(Scratch s, int name, int kept) {
        if (s.nameStamp[name] == s.stamp) {
            return kept;
        }
        s.nameStamp[name] = s.stamp;
        if (kept == s.result.length) {
            s.result = Arrays.copyOf(s.result, kept * 2);
        }
        s.result[kept] = name;
        return kept + 1;
    }

    /**
     * The bound of the name whose record starts at {@code at}: each of its tokens contributes at most its best unit
     * with any query token (a lookup in the per-query table for words; initials and particles compared directly).
     */
    private double bound(Scratch s, int at, TokenFeatures[] all, boolean queryOthers, double queryWeight) {
        double pair = 0;
        double ofQuery = 0;
        double ofName = 0;
        int end = at + 3 + records[at + 2];
        for (int p = at + 3; p < end; p++) {
            int token = records[p];
            int slot = slotOf(s, token);
            double bestPair = 0;
            double bestQuery = 0;
            double bestName = 0;
            if (slot >= 0) {
                bestPair = s.slotPair[slot];
                bestQuery = s.slotQuery[slot];
                bestName = s.slotName[slot];
            }
            if (queryOthers) {
                TokenFeatures listed = dictionary[token];
                double listedWeight = listed.weight();
                for (TokenFeatures mine : all) {
                    double similarity;
                    if (mine.particle() || listed.particle()) {
                        similarity = mine.particle() && listed.particle() ? similarity(mine, listed) : 0;
                    } else if (mine.initial()) {
                        similarity = firstLetters[token] != mine.text().charAt(0) ? 0
                                : listed.initial() ? 1 : INITIAL_SIMILARITY;
                    } else {
                        similarity = 0; // a query word: its links are in the table
                    }
                    if (similarity > 0) {
                        bestPair = Math.max(bestPair, similarity * (mine.weight() + listedWeight));
                        bestQuery = Math.max(bestQuery, similarity * mine.weight());
                        bestName = Math.max(bestName, similarity * listedWeight);
                    }
                }
            }
            pair += bestPair;
            ofQuery += bestQuery;
            ofName += bestName;
        }
        return bound(pair, ofQuery, ofName, queryWeight, Float.intBitsToFloat(records[at + 1]));
    }

    private static int slotOf(Scratch s, int token) {
        int mask = s.linkKeys.length - 1;
        for (int h = mix(token) & mask; ; h = (h + 1) & mask) {
            int key = s.linkKeys[h];
            if (key == token) {
                return s.linkSlots[h];
            }
            if (key < 0) {
                return -1;
            }
        }
    }

    /**
     * An upper bound of the comparator's name score from the summed best contributions of the listed tokens: the
     * symmetric share, and its mean with the shorter side's coverage.
     */
    private static double bound(double matched, double matchedQuery, double matchedName, double queryWeight,
                                double nameWeight) {
        double symmetric = Math.min(1, matched / (queryWeight + nameWeight));
        double coverage;
        if (queryWeight < nameWeight) {
            coverage = matchedQuery / queryWeight;
        } else if (nameWeight < queryWeight) {
            coverage = matchedName / nameWeight;
        } else {
            coverage = Math.max(matchedQuery, matchedName) / queryWeight;
        }
        coverage = Math.min(1, coverage);
        return Math.max(symmetric, 0.5 * (symmetric + coverage));
    }

    /**
     * How many of the query's rarest words must be read for names with {@code cls} posted tokens (words and initials;
     * 4 stands for four or more): the fewest such that a name matching none of them cannot reach {@code need}, however
     * its tokens are weighted and whatever the query's other words, initials and particles match perfectly.
     */
    static int wordsToRead(int queryWords, int initials, int particles, double queryWeight, int cls, double need) {
        int to = cls == 4 ? NameComparator.MAX_TOKENS : cls;
        for (int read = 0; read < queryWords; read++) {
            boolean reachable = false;
            for (int posted = cls; posted <= to && !reachable; posted++) {
                reachable = unreadBound(queryWords - read, initials, particles, queryWeight, posted) >= need;
            }
            if (!reachable) {
                return read;
            }
        }
        return queryWords;
    }

    /**
     * The best score of a name with {@code posted} words or initials when only {@code words} of the query's words (and
     * its initials and particles) can match: matched partners weigh 1, unmatched ones 0.4 (an initial), a listed word
     * may take two query words written as one, and the name has as many particles as the query, all matched.
     */
    static double unreadBound(int words, int initials, int particles, double queryWeight, int posted) {
        int queryMatched = Math.min(words + initials, 2 * posted);
        int nameMatched = Math.min(posted, queryMatched);
        double matchedQuery = Math.min(queryMatched, words) + 0.4 * Math.max(0, queryMatched - words)
                + 0.15 * particles;
        double nameWeight = nameMatched + 0.4 * (posted - nameMatched) + 0.15 * particles;
        double matchedName = nameMatched + 0.15 * particles;
        double symmetric = Math.min(1, (matchedQuery + matchedName) / (queryWeight + nameWeight));
        double coverage = Math.min(1, Math.max(matchedQuery / queryWeight, matchedName / nameWeight));
        return Math.max(symmetric, 0.5 * (symmetric + coverage));
    }

    /** Records, for query word w, every dictionary word the comparator would align with it and how similar they are. */
    private void link(Scratch s, TokenFeatures word, int w, int wordCount) {
        char first = word.text().charAt(0);
        if (first < 128 && initialIds[first] >= 0) {
            record(s, initialIds[first], INITIAL_SIMILARITY, w, wordCount);
        }
        Integer listed = dictionaryIds.get(word.text());
        if (listed != null) {
            for (int k = neighbourOffsets[listed]; k < neighbourOffsets[listed + 1]; k++) {
                record(s, neighbourTokens[k], neighbourSimilarities[k], w, wordCount);
            }
            return;
        }
        lookup(s, word);
        for (int k = 0; k < s.foundCount; k++) {
            record(s, s.found[k], s.foundSimilarities[k], w, wordCount);
        }
    }

    private void record(Scratch s, int token, double similarity, int w, int wordCount) {
        double listed = dictionary[token].weight();
        record(s, token, similarity * (1 + listed), similarity, similarity * listed);
    }

    /**
     * Raises the linked dictionary word's best contribution of one alignment unit to the matched weight of both names,
     * to the query's and to the listed name's coverage (each listed token takes part in one unit at most).
     */
    private void record(Scratch s, int token, double pair, double ofQuery, double ofName) {
        int slot = slotOf(s, token);
        if (slot < 0) {
            if (2 * (s.slots + 1) > s.linkKeys.length) {
                growLinks(s);
            }
            slot = s.slots++;
            int mask = s.linkKeys.length - 1;
            int h = mix(token) & mask;
            while (s.linkKeys[h] >= 0) {
                h = (h + 1) & mask;
            }
            s.linkKeys[h] = token;
            s.linkSlots[h] = slot;
            if (slot == s.slotPair.length) {
                s.slotPair = Arrays.copyOf(s.slotPair, slot * 2);
                s.slotQuery = Arrays.copyOf(s.slotQuery, slot * 2);
                s.slotName = Arrays.copyOf(s.slotName, slot * 2);
            }
            s.slotPair[slot] = 0;
            s.slotQuery[slot] = 0;
            s.slotName[slot] = 0;
        }
        s.slotPair[slot] = Math.max(s.slotPair[slot], pair);
        s.slotQuery[slot] = Math.max(s.slotQuery[slot], ofQuery);
        s.slotName[slot] = Math.max(s.slotName[slot], ofName);
        if (s.matchedCount == s.matched.length) {
            s.matched = Arrays.copyOf(s.matched, s.matched.length * 2);
        }
        s.matched[s.matchedCount++] = token;
    }

    private static void growLinks(Scratch s) {
        int[] keys = s.linkKeys;
        int[] slots = s.linkSlots;
        s.linkKeys = new int[keys.length * 2];
        s.linkSlots = new int[keys.length * 2];
        Arrays.fill(s.linkKeys, -1);
        int mask = s.linkKeys.length - 1;
        for (int k = 0; k < keys.length; k++) {
            if (keys[k] >= 0) {
                int h = mix(keys[k]) & mask;
                while (s.linkKeys[h] >= 0) {
                    h = (h + 1) & mask;
                }
                s.linkKeys[h] = keys[k];
                s.linkSlots[h] = slots[k];
            }
        }
    }

    /** Finds the dictionary words with a positive token similarity to this word, into the scratch's found arrays. */
    private void lookup(Scratch s, TokenFeatures word) {
        s.foundCount = 0;
        if (++s.proposal == Integer.MAX_VALUE) {
            Arrays.fill(s.proposedStamp, 0);
            s.proposal = 1;
        }
        for (int key : keys(word)) {
            int bucket = key & keyMask;
            for (int k = keyOffsets[bucket]; k < keyOffsets[bucket + 1]; k++) {
                int token = keyTokens[k];
                if (keyHashes[k] != key || s.proposedStamp[token] == s.proposal) {
                    continue;
                }
                s.proposedStamp[token] = s.proposal;
                double similarity = similarity(word, dictionary[token]);
                if (similarity > 0) {
                    if (s.foundCount == s.found.length) {
                        s.found = Arrays.copyOf(s.found, s.foundCount * 2);
                        s.foundSimilarities = Arrays.copyOf(s.foundSimilarities, s.foundCount * 2);
                    }
                    s.found[s.foundCount] = token;
                    s.foundSimilarities[s.foundCount++] = similarity;
                }
            }
        }
    }

    /**
     * The comparator's token similarity, taken in the larger of both orders: the alignment compares in a canonical
     * order of the two names, and the phonetic rule looks at one side's code length first.
     */
    private static double similarity(TokenFeatures query, TokenFeatures listed) {
        double forward = NameComparator.tokenSimilarity(query, listed);
        if (query.phonetic().length() < 2 || listed.phonetic().length() < 2) {
            return Math.max(forward, NameComparator.tokenSimilarity(listed, query));
        }
        return forward;
    }

    /**
     * Links two adjacent query words, joined, to the listed words the comparator would align with the pair (Jaro-Winkler
     * of the variant keys at least 0.9): the unit's contribution is credited half to each query word, so that the bound
     * covers it, and the listed word's postings are read with the second word's.
     */
    private void joinedLinks(Scratch s, TokenFeatures[] all, int first, int second, int count) {
        for (int between = first + 1; between < second; between++) {
            if (!all[between].particle()) {
                return; // the comparator joins across particles only
            }
        }
        String joined = all[first].variant() + all[second].variant();
        if (++s.proposal == Integer.MAX_VALUE) {
            Arrays.fill(s.proposedStamp, 0);
            s.proposal = 1;
        }
        // One deletion on this side (two on the listed side): the joined words are long, and their lookup is per query.
        for (int key : deletionKeys(joined, new int[0], 0, 1)) {
            int bucket = key & keyMask;
            for (int k = keyOffsets[bucket]; k < keyOffsets[bucket + 1]; k++) {
                int token = keyTokens[k];
                if (keyHashes[k] != key || s.proposedStamp[token] == s.proposal) {
                    continue;
                }
                s.proposedStamp[token] = s.proposal;
                String variant = dictionary[token].variant();
                double similarity = joined.equals(variant) ? COMPOUND_SIMILARITY
                        : JaroWinkler.similarity(joined, variant) >= 0.9
                        ? JaroWinkler.similarity(joined, variant) * COMPOUND_SIMILARITY : 0;
                if (similarity > 0) {
                    double listed = dictionary[token].weight();
                    record(s, token, similarity * (2 + listed), 2 * similarity, similarity * listed);
                }
            }
        }
    }

    /**
     * Marks the names whose adjacent listed words, joined, spell a query word, or spell two adjacent query words split
     * elsewhere ("abdu lrahman" / "abdul rahman"): such names are scored in full, since the bound does not cover them.
     */
    private int listedCompounds(Scratch s, TokenFeatures[] all, int[] wordAt, int wordCount, int kept) {
        int touchedCount = kept;
        for (int w = 0; w < wordCount; w++) {
            String variant = all[wordAt[w]].variant();
            touchedCount = listedCompound(s, compoundHash(variant, ""), 0, touchedCount);
            if (w + 1 < wordCount) {
                String next = all[wordAt[w + 1]].variant();
                touchedCount = listedCompound(s, compoundHash(variant, next), firstPartHash(variant), touchedCount);
            }
        }
        return touchedCount;
    }

    /** Names with a listed pair of this joined hash, except pairs split where {@code sameSplit} says (0: none). */
    private int listedCompound(Scratch s, int hash, int sameSplit, int touchedCount) {
        int bucket = hash & compoundMask;
        for (int k = compoundOffsets[bucket]; k < compoundOffsets[bucket + 1]; k++) {
            // The same two parts as the query's are aligned word by word at least as well as joined.
            if (compoundHashes[k] == hash && (sameSplit == 0 || compoundFirstParts[k] != sameSplit)) {
                touchedCount = keep(s, compoundNames[k], touchedCount);
            }
        }
        return touchedCount;
    }

    private static boolean isWord(TokenFeatures t) {
        return !t.particle() && !t.initial();
    }

    /** The keys of a word: deletions of its spelling and of its variant key, its skeleton and its phonetic codes. */
    static int[] keys(TokenFeatures t) {
        int[] keys = deletionKeys(t.text(), new int[64], 0);
        if (!t.variant().equals(t.text())) {
            keys = deletionKeys(t.variant(), keys, keys.length);
        }
        int k = keys.length;
        keys = Arrays.copyOf(keys, k + 3);
        if (t.skeleton().length() >= 2) {
            keys[k++] = mix(hash(t.skeleton(), -1, -1, TAG_SKELETON));
        }
        if (t.phonetic().length() >= 2) {
            keys[k++] = mix(hash(t.phonetic(), -1, -1, TAG_PHONETIC));
        }
        if (!t.phoneticAlternate().equals(t.phonetic()) && t.phoneticAlternate().length() >= 2) {
            keys[k++] = mix(hash(t.phoneticAlternate(), -1, -1, TAG_PHONETIC));
        }
        keys = Arrays.copyOf(keys, k);
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
     * Appends to {@code into[0..from)} the key of the whole string and of every string left after deleting one letter
     * or, for strings of five letters or more, two letters (two strings within that many deletions share a key).
     */
    private static int[] deletionKeys(String s, int[] into, int from) {
        return deletionKeys(s, into, from, 2);
    }

    private static int[] deletionKeys(String s, int[] into, int from, int most) {
        int n = s.length();
        int deletions = n >= 5 ? most : 1;
        int needed = from + 1 + n + (deletions == 2 ? n * (n - 1) / 2 : 0);
        int[] out = into.length >= needed ? into : Arrays.copyOf(into, needed);
        int k = from;
        out[k++] = mix(hash(s, -1, -1, TAG_DELETION));
        for (int i = 0; i < n; i++) {
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

    private static int firstPartHash(String first) {
        return mix(hash(first, -1, -1, TAG_COMPOUND)) | 1;
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
