package org.orderly.screening.index;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.orderly.screening.compare.BirthDate;
import org.orderly.screening.compare.MatchRules;
import org.orderly.screening.compare.NameComparator;
import org.orderly.screening.compare.NameFeatures;
import org.orderly.screening.compare.TokenFeatures;

/**
 * Finds the names worth scoring without scanning the list. Listed tokens are interned into a dictionary. A query word is
 * linked to every listed word the comparator would align with it: the comparator accepts only pairs these keys enumerate
 * (deletions of the spelling and of the variant key up to its typo bound, consonant skeleton, phonetic codes, initials),
 * and each proposal is checked with the comparator's own token similarity, so no accepted pair is missed; parts written as one are linked the same way, credited with their alignment unit.
 * Names are posted per token and per number of words and initials, so that from the threshold the index knows how many
 * of the query's rarest words it must read for each class of names; each posting carries the name's tokens, so that an
 * upper bound of the comparator's score (minus the exact birth date and nationality adjustment) is computed from the
 * per-query link table alone, and only names whose bound reaches the threshold are returned.
 */
public final class CandidateIndex {
    /** Posting classes 1..4: names of 1, 2, 3, 4+ words or initials (0, names of particles alone, is never posted). */
    private static final int CLASSES = 5;
    /** Ints before a record's token ids: name, weight, token count, birth year. */
    private static final int HEADER = 4;
    private static final int UNKNOWN_YEAR = Integer.MIN_VALUE;
    private static final int CHECKPOINT = 16;
    /** Birth years further apart than this cost a name score the most (see NameComparator.birthDateAdjustment). */
    private static final int NEAR_YEARS = MatchRules.NEAR_YEARS;
    private static final double FAR_BIRTH_ADJUSTMENT = MatchRules.FAR_BIRTH_YEAR;
    /** Guards the bound against rounding: a name this close below the threshold is still scored. */
    private static final double SLACK = 1e-6;
    private static final double MAX_BIRTH_ADJUSTMENT = Math.max(MatchRules.SAME_BIRTH_DATE, MatchRules.SAME_BIRTH_YEAR);
    private static final double MAX_NATIONALITY_ADJUSTMENT = MatchRules.SAME_NATIONALITY;
    private static final int TAG_DELETION = 0x1000;
    private static final int TAG_SKELETON = 0x3000;
    private static final int TAG_PHONETIC = 0x4000;
    private static final String PARTICLE_KEY = "\u0001";
    private static final double INITIAL_SIMILARITY = MatchRules.INITIAL_SIMILARITY;
    private static final double INITIAL_WEIGHT = MatchRules.INITIAL_WEIGHT;

    private final int size;
    private final double threshold;
    private final TokenFeatures[] dictionary;
    private final Map<String, Integer> dictionaryIds;
    /** Per (dictionary word, class): where its records start in {@link #records}, and how many names it has. */
    private final int[] postingOffsets;
    private final int[] postingCounts;
    /** Records of posted names, one after another: name, total weight (float bits), token count, birth year, token ids. */
    private final int[] records;
    private final int[] checkpointStart;
    private final int[] checkpoints;
    private final int[] nameTokenOffsets;
    private final int[] nameTokens;
    private final byte[] nameClass;
    private final double[] nameWeight;
    private final int[] initialIds;
    private final int[] particleIds;
    private final boolean[] wordTokens;
    private final char[] firstLetters;
    private final int[] wordless;
    private final BirthDate[] birthDates;
    private final String[] nationalities;
    /** Lookup keys (deletions, variant, skeleton, phonetic codes) → dictionary words. */
    private final KeyTable wordKeys;
    /**
     * Per listed word, the listed words the comparator aligns with it and how similar they are (ids, then the
     * similarities' bits): computed on first use and kept, so that a query word spelled as a listed one needs no fuzzy
     * lookup afterwards.
     */
    private final java.util.concurrent.atomic.AtomicReferenceArray<long[]> neighbours;
    /** Distinct adjacent listed pairs (particles between skipped): their two dictionary words, keyed by deletions. */
    private final int[] pairFirst;
    private final int[] pairSecond;
    /** Joined-variant deletion keys → listed pairs. */
    private final KeyTable pairKeys;
    private final ThreadLocal<Scratch> scratch;

    private final class Scratch {
        final int[] nameStamp = new int[size];
        int[] result = new int[64];
        // Per dictionary word: the query stamp (high half) and its slot in the link table (low half).
        final long[] tokenSlots = new long[dictionary.length];
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
        this.particleIds = java.util.stream.IntStream.range(0, dictionary.length)
                .filter(t -> dictionary[t].particle()).toArray();
        this.wordTokens = new boolean[dictionary.length];
        for (int t = 0; t < dictionary.length; t++) {
            wordTokens[t] = isWord(dictionary[t]);
        }
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
                    postingOffsets[block + 1] += HEADER + length;
                    postingCounts[block]++;
                }
            }
        }
        for (int b = 0; b < blocks; b++) {
            postingOffsets[b + 1] += postingOffsets[b];
        }
        records = new int[postingOffsets[blocks]];
        int[] fill = Arrays.copyOf(postingOffsets, blocks);
        // Names are filed in order of birth year (unknown first), so that every block is sorted by year and a query can
        // read only the years near its own where a distant year would need a name score no link reaches.
        long[] byYear = new long[size];
        for (int n = 0; n < size; n++) {
            byYear[n] = (long) yearOf(n) << 32 | n;
        }
        Arrays.sort(byYear);
        for (long entry : byYear) {
            int n = (int) entry;
            int from = nameTokenOffsets[n];
            int length = nameTokenOffsets[n + 1] - from;
            for (int p = from; p < from + length; p++) {
                if (posted(n, p)) {
                    int at = fill[nameTokens[p] * CLASSES + nameClass[n]];
                    records[at] = n;
                    records[at + 1] = Float.floatToIntBits((float) nameWeight[n]);
                    records[at + 2] = length;
                    records[at + 3] = yearOf(n);
                    System.arraycopy(nameTokens, from, records, at + HEADER, length);
                    fill[nameTokens[p] * CLASSES + nameClass[n]] = at + HEADER + length;
                }
            }
        }
        byYear = null;
        // Every CHECKPOINT-th record of a block, so that the first record of a year is found by binary search.
        checkpointStart = new int[blocks + 1];
        for (int b = 0; b < blocks; b++) {
            checkpointStart[b + 1] = checkpointStart[b] + (postingCounts[b] + CHECKPOINT - 1) / CHECKPOINT;
        }
        checkpoints = new int[checkpointStart[blocks]];
        for (int b = 0; b < blocks; b++) {
            int k = 0;
            int c = checkpointStart[b];
            for (int at = postingOffsets[b]; at < postingOffsets[b + 1]; at += HEADER + records[at + 2], k++) {
                if (k % CHECKPOINT == 0) {
                    checkpoints[c++] = at;
                }
            }
        }

        // Keys: hashed key -> dictionary words; the full hash is kept so that bucket neighbours are skipped cheaply.
        int[][] keysOfWord = new int[dictionary.length][];
        for (int t = 0; t < dictionary.length; t++) {
            keysOfWord[t] = isWord(dictionary[t]) ? keys(dictionary[t], false) : new int[0];
        }
        wordKeys = KeyTable.of(keysOfWord);

        // Listed pairs: two adjacent listed tokens (particles between them skipped, as the comparator does), keyed by
        // their joined variant keys with up to one letter deleted, for query words written as one or joined otherwise.
        long[] packed = new long[Math.max(16, tokenCount)];
        int pairCount = 0;
        for (int n = 0; n < size; n++) {
            for (int p = nameTokenOffsets[n]; p < nameTokenOffsets[n + 1]; p++) {
                int next = p + 1;
                while (next < nameTokenOffsets[n + 1] && dictionary[nameTokens[next]].particle()) {
                    next++;
                }
                if (dictionary[nameTokens[p]].particle() || next >= nameTokenOffsets[n + 1]) {
                    continue;
                }
                packed[pairCount++] = (long) nameTokens[p] << 32 | nameTokens[next];
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
        pairFirst = new int[distinct];
        pairSecond = new int[distinct];
        int[][] keysOfPair = new int[distinct][];
        for (int k = 0; k < distinct; k++) {
            pairFirst[k] = (int) (packed[k] >>> 32);
            pairSecond[k] = (int) packed[k];
            keysOfPair[k] = distinctKeys(deletionKeys(joinedVariant(k), new int[0], 0, 1));
        }
        packed = null;
        pairKeys = KeyTable.of(keysOfPair);
        this.scratch = ThreadLocal.withInitial(Scratch::new);

        this.neighbours = new java.util.concurrent.atomic.AtomicReferenceArray<>(dictionary.length);
    }

    private int yearOf(int n) {
        return birthDates[n] == null ? UNKNOWN_YEAR : birthDates[n].year();
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
        if (size == 0 || wordCount == 0 && initials == 0) {
            return wordless.clone();
        }
        Scratch s = scratch.get();
        if (s.stamp >= Integer.MAX_VALUE - 2) {
            Arrays.fill(s.nameStamp, 0);
            Arrays.fill(s.tokenSlots, 0);
            s.stamp = 0;
        }
        s.stamp++;
        s.matchedCount = 0;
        s.slots = 0;
        int[] matchedFrom = new int[wordCount + 1];
        for (int w = 0; w < wordCount; w++) {
            matchedFrom[w] = s.matchedCount;
            link(s, all[wordAt[w]]);
            pairLinks(s, all[wordAt[w]].variant(), false, 1);
            // This word written as one with the token before it, or with an initial after it (the comparator joins
            // any two tokens with only particles between them); the links are read with this word's postings.
            int before = neighbourToken(all, wordAt[w], -1);
            int after = neighbourToken(all, wordAt[w], 1);
            if (before >= 0) {
                joined(s, NameComparator.joinedKey(all[before], all[wordAt[w]]));
            }
            if (after >= 0 && all[after].initial()) {
                joined(s, NameComparator.joinedKey(all[wordAt[w]], all[after]));
            }
        }
        matchedFrom[wordCount] = s.matchedCount;
        // Particles: few distinct ones are listed, so each query particle is compared with all of them once, into the
        // table (after the words' ranges, so that they are never read as postings).
        char[] initialLetters = new char[initials];
        int initialCount = 0;
        for (TokenFeatures mine : all) {
            if (mine.particle()) {
                for (int particle : particleIds) {
                    double similarity = similarity(mine, dictionary[particle]);
                    if (similarity > 0) {
                        double listed = dictionary[particle].weight();
                        record(s, particle, similarity * (mine.weight() + listed), similarity * mine.weight(),
                                similarity * listed);
                    }
                }
            } else if (mine.initial()) {
                initialLetters[initialCount++] = mine.text().charAt(0);
            }
        }

        double maxAdjustment = anyDetails ? MAX_BIRTH_ADJUSTMENT + MAX_NATIONALITY_ADJUSTMENT
                : (birthDate == null ? 0 : birthDate.full() ? MAX_BIRTH_ADJUSTMENT : MatchRules.SAME_BIRTH_YEAR)
                + (nationality == null ? 0 : MAX_NATIONALITY_ADJUSTMENT);
        double need = threshold - maxAdjustment - SLACK;
        // A listed person born more than NEAR_YEARS from the query's year loses the largest adjustment: such names
        // need a name score so high that fewer of the query's words must be read for them.
        boolean byYear = !anyDetails && birthDate != null;
        double needFar = !byYear ? need : threshold - FAR_BIRTH_ADJUSTMENT
                - (nationality == null ? 0 : MAX_NATIONALITY_ADJUSTMENT) - SLACK;
        int low = byYear ? birthDate.year() - NEAR_YEARS : 0;
        int high = byYear ? birthDate.year() + NEAR_YEARS : 0;
        long[] cost = new long[wordCount];
        int kept = 0;
        if (wordCount == 0) {
            // A query of initials alone ("J R"): every listed word or initial starting with one of its letters may
            // align with it, and so may listed words the comparator takes for two initials written as one ("n n" and
            // "nnn") or two listed tokens joined for one initial. Such queries are rare: the postings of all those
            // tokens are read and bounded.
            for (int i = 0; i < count; i++) {
                int next = neighbourToken(all, i, 1);
                if (!all[i].particle()) {
                    pairLinks(s, all[i].variant(), false, 1);
                    if (next >= 0) {
                        joined(s, NameComparator.joinedKey(all[i], all[next]));
                    }
                }
            }
            boolean[] linked = new boolean[dictionary.length];
            for (int m = 0; m < s.matchedCount; m++) {
                linked[s.matched[m]] = true;
            }
            String letters = new String(initialLetters);
            for (int t = 0; t < dictionary.length; t++) {
                if (dictionary[t].particle() || !linked[t] && letters.indexOf(firstLetters[t]) < 0) {
                    continue;
                }
                for (int c = 1; c < CLASSES; c++) {
                    int block = t * CLASSES + c;
                    for (int at = postingOffsets[block]; at < postingOffsets[block + 1]; at += HEADER + records[at + 2]) {
                        kept = visit(s, at, initialLetters, initials, queryWeight, wordCount, need, anyDetails,
                                birthDate, nationality, kept);
                    }
                }
            }
            for (int name : wordless) {
                kept = keep(s, name, kept);
            }
            return Arrays.copyOf(s.result, kept);
        }
        for (int c = 1; c < CLASSES; c++) {
            int read = wordsToRead(wordCount, initials, particles, queryWeight, c, need);
            int readAllYears = byYear ? Math.min(read, wordsToRead(wordCount, initials, particles, queryWeight, c,
                    needFar)) : read;
            // A name of this class that matches none of the `read` rarest words cannot reach the threshold; one born
            // far from the query's year cannot if it matches none of the `readAllYears` rarest.
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
                boolean nearOnly = r >= readAllYears;
                for (int m = matchedFrom[w]; m < matchedFrom[w + 1]; m++) {
                    int block = s.matched[m] * CLASSES + c;
                    int at = postingOffsets[block];
                    int to = postingOffsets[block + 1];
                    if (nearOnly) {
                        while (at < to && records[at + 3] == UNKNOWN_YEAR) {
                            kept = visit(s, at, initialLetters, initials, queryWeight, wordCount, need, anyDetails,
                                    birthDate, nationality, kept);
                            at += HEADER + records[at + 2];
                        }
                        at = Math.max(at, seek(block, low));
                        for (; at < to && records[at + 3] <= high; at += HEADER + records[at + 2]) {
                            if (records[at + 3] >= low) {
                                kept = visit(s, at, initialLetters, initials, queryWeight, wordCount, need, anyDetails,
                                        birthDate, nationality, kept);
                            }
                        }
                    } else {
                        for (; at < to; at += HEADER + records[at + 2]) {
                            kept = visit(s, at, initialLetters, initials, queryWeight, wordCount, need, anyDetails,
                                    birthDate, nationality, kept);
                        }
                    }
                }
            }
        }
        for (int name : wordless) {
            kept = keep(s, name, kept);
        }
        return Arrays.copyOf(s.result, kept);
    }

    /** Keeps the name of the record at {@code at} if its bound reaches the threshold for that person. */
    private int visit(Scratch s, int at, char[] initialLetters, int initials, double queryWeight, int queryWords,
                      double need,
                      boolean anyDetails, BirthDate birthDate, String nationality, int kept) {
        double bound = bound(s, at, initialLetters, initials, queryWeight, queryWords);
        if (bound < need) {
            return kept;
        }
        int name = records[at];
        if (!anyDetails && bound < threshold - SLACK - NameComparator.birthDateAdjustment(birthDate,
                birthDates[name]) - NameComparator.nationalityAdjustment(nationality, nationalities[name])) {
            return kept;
        }
        return keep(s, name, kept);
    }

    /** A record of the block at or before the first one born in {@code year} or later (records sorted by year). */
    private int seek(int block, int year) {
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
        return lo == checkpointStart[block] ? postingOffsets[block] : checkpoints[lo - 1];
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
     * with any query token (a lookup in the per-query table for words and particles; initials compared directly).
     */
    private double bound(Scratch s, int at, char[] initialLetters, int initials, double queryWeight,
                         int queryWords) {
        int nameWords = 0;
        double pair = 0;
        double ofQuery = 0;
        double ofName = 0;
        int end = at + HEADER + records[at + 2];
        for (int p = at + HEADER; p < end; p++) {
            int token = records[p];
            if (wordTokens[token]) {
                nameWords++;
            }
            int slot = slotOf(s, token);
            double bestPair = 0;
            double bestQuery = 0;
            double bestName = 0;
            if (slot >= 0) {
                bestPair = s.slotPair[slot];
                bestQuery = s.slotQuery[slot];
                bestName = s.slotName[slot];
            }
            if (initials > 0 && !dictionary[token].particle()) {
                TokenFeatures listed = dictionary[token];
                double listedWeight = listed.weight();
                for (int i = 0; i < initials; i++) {
                    if (firstLetters[token] == initialLetters[i]) {
                        double similarity = listed.initial() ? 1 : INITIAL_SIMILARITY;
                        bestPair = Math.max(bestPair, similarity * (INITIAL_WEIGHT + listedWeight));
                        bestQuery = Math.max(bestQuery, similarity * INITIAL_WEIGHT);
                        bestName = Math.max(bestName, similarity * listedWeight);
                    }
                }
            }
            pair += bestPair;
            ofQuery += bestQuery;
            ofName += bestName;
        }
        return bound(pair, ofQuery, ofName, queryWeight, Float.intBitsToFloat(records[at + 1]), queryWords,
                nameWords);
    }

    private static int slotOf(Scratch s, int token) {
        long entry = s.tokenSlots[token];
        return (int) (entry >>> 32) == s.stamp ? (int) entry : -1;
    }

    /**
     * An upper bound of the comparator's name score from the summed best contributions of the listed tokens: the
     * symmetric share, and its mean with the shorter side's coverage.
     */
    private static double bound(double matched, double matchedQuery, double matchedName, double queryWeight,
                                double nameWeight, int queryWords, int nameWords) {
        // Each token of either name takes part in one unit at most: the matched weight cannot exceed what each side
        // can match, however many listed tokens are linked to the same query word (Han syllables one edit apart).
        double capped = Math.min(matched,
                Math.min(matchedQuery, queryWeight) + Math.min(matchedName, nameWeight + 1e-4));
        double symmetric = Math.min(1, capped / (queryWeight + nameWeight));
        double coverage;
        // Weights are sums of 1, 0.4 and 0.15 (the name's stored as a float): closer than this they are equal, and
        // either side may be the one the comparator takes as shorter.
        if (Math.abs(queryWeight - nameWeight) < 1e-3) {
            if (queryWords < MatchRules.COVERAGE_MIN_WORDS && nameWords < MatchRules.COVERAGE_MIN_WORDS) {
                return symmetric;
            }
            coverage = Math.max(matchedQuery, matchedName) / Math.min(queryWeight, nameWeight);
        } else if (queryWeight < nameWeight) {
            if (queryWords < MatchRules.COVERAGE_MIN_WORDS) {
                return symmetric; // the comparator credits the shorter name's coverage only if it has two words
            }
            coverage = matchedQuery / queryWeight;
        } else {
            if (nameWords < MatchRules.COVERAGE_MIN_WORDS) {
                return symmetric;
            }
            coverage = matchedName / nameWeight;
        }
        coverage = Math.min(1, coverage);
        return Math.max(symmetric, symmetric + MatchRules.COVERAGE_SHARE * (coverage - symmetric));
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
     * its initials and particles) can match: matched partners weigh 1, unmatched ones 0.4 (an initial), one word may
     * take two of the other side written as one, and the name has as many particles as the query, all matched.
     */
    static double unreadBound(int words, int initials, int particles, double queryWeight, int posted) {
        int queryMatched = Math.min(words + initials, 2 * posted);
        int nameMatched = Math.min(posted, 2 * queryMatched);
        double matchedQuery = MatchRules.WORD_WEIGHT * Math.min(queryMatched, words)
                + MatchRules.INITIAL_WEIGHT * Math.max(0, queryMatched - words) + MatchRules.PARTICLE_WEIGHT * particles;
        double nameWeight = MatchRules.WORD_WEIGHT * nameMatched + MatchRules.INITIAL_WEIGHT * (posted - nameMatched)
                + MatchRules.PARTICLE_WEIGHT * particles;
        double matchedName = MatchRules.WORD_WEIGHT * nameMatched + MatchRules.PARTICLE_WEIGHT * particles;
        double symmetric = Math.min(1, (matchedQuery + matchedName) / (queryWeight + nameWeight));
        double coverage = Math.min(1, Math.max(matchedQuery / queryWeight, matchedName / nameWeight));
        return Math.max(symmetric, symmetric + MatchRules.COVERAGE_SHARE * (coverage - symmetric));
    }

    /** Records, for query word w, every dictionary word the comparator would align with it and how similar they are. */
    private void link(Scratch s, TokenFeatures word) {
        char first = word.text().charAt(0);
        if (first < 128 && initialIds[first] >= 0) {
            record(s, initialIds[first], INITIAL_SIMILARITY);
        }
        Integer listed = dictionaryIds.get(word.text());
        if (listed != null) {
            long[] known = neighbours.get(listed);
            if (known == null) {
                lookup(s, word);
                known = new long[s.foundCount];
                for (int k = 0; k < s.foundCount; k++) {
                    known[k] = (long) s.found[k] << 32 | Float.floatToIntBits((float) s.foundSimilarities[k]);
                }
                neighbours.set(listed, known);
            }
            for (long link : known) {
                // Stored as a float: rounded up so that the bound stays an upper bound.
                record(s, (int) (link >>> 32), Math.nextUp(Float.intBitsToFloat((int) link)));
            }
            return;
        }
        lookup(s, word);
        for (int k = 0; k < s.foundCount; k++) {
            record(s, s.found[k], s.foundSimilarities[k]);
        }
    }

    private void record(Scratch s, int token, double similarity) {
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
            slot = s.slots++;
            s.tokenSlots[token] = (long) s.stamp << 32 | slot;
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

    /** Finds the dictionary words with a positive token similarity to this word, into the scratch's found arrays. */
    private void lookup(Scratch s, TokenFeatures word) {
        s.foundCount = 0;
        if (++s.proposal == Integer.MAX_VALUE) {
            Arrays.fill(s.proposedStamp, 0);
            s.proposal = 1;
        }
        for (int key : keys(word, true)) {
            for (int k = wordKeys.from(key); k < wordKeys.to(key); k++) {
                int token = wordKeys.ids[k];
                if (wordKeys.hashes[k] != key || s.proposedStamp[token] == s.proposal) {
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

    /** The nearest token before (-1) or after (1) position i that is not a particle, or -1. */
    private static int neighbourToken(TokenFeatures[] all, int i, int direction) {
        for (int j = i + direction; j >= 0 && j < all.length; j += direction) {
            if (!all[j].particle()) {
                return j;
            }
        }
        return -1;
    }

    private void joined(Scratch s, String joined) {
        joinedLinks(s, joined);
        pairLinks(s, joined, true, 1);
    }

    /**
     * Links two adjacent query words, joined, to the listed words the comparator would align with the pair (Jaro-Winkler
     * of the variant keys at least 0.9), credited with the whole unit's contribution.
     */
    private void joinedLinks(Scratch s, String joined) {
        nextProposal(s);
        // One deletion on this side (two on the listed side): the joined words are long, and their lookup is per query.
        for (int key : deletionKeys(joined, new int[0], 0, 1)) {
            for (int k = wordKeys.from(key); k < wordKeys.to(key); k++) {
                int token = wordKeys.ids[k];
                if (wordKeys.hashes[k] != key || s.proposedStamp[token] == s.proposal) {
                    continue;
                }
                s.proposedStamp[token] = s.proposal;
                double similarity = compoundSimilarity(joined, dictionary[token].variant());
                if (similarity > 0) {
                    double listed = dictionary[token].weight();
                    record(s, token, similarity * (2 + listed), 2 * similarity, similarity * listed);
                }
            }
        }
    }

    /**
     * Links a query word (or two joined, {@code twoWords}) to both words of each listed pair that, joined, the
     * comparator would align with it: each listed word is credited with its share of the unit's contribution.
     */
    private void pairLinks(Scratch s, String variant, boolean twoWords, int deletions) {
        if (pairFirst.length == 0) {
            return;
        }
        int[] keys = deletionKeys(variant, new int[0], 0, deletions);
        for (int key : keys) {
            for (int k = pairKeys.from(key); k < pairKeys.to(key); k++) {
                if (pairKeys.hashes[k] != key) {
                    continue;
                }
                int pairId = pairKeys.ids[k];
                double similarity = compoundSimilarity(variant, joinedVariant(pairId));
                if (similarity > 0) {
                    double queryShare = twoWords ? 1 : 0.5;
                    for (int token : new int[] {pairFirst[pairId], pairSecond[pairId]}) {
                        double listed = dictionary[token].weight();
                        record(s, token, similarity * (queryShare + listed), similarity * queryShare,
                                similarity * listed);
                    }
                }
            }
        }
    }

    private String joinedVariant(int pairId) {
        return NameComparator.joinedKey(dictionary[pairFirst[pairId]], dictionary[pairSecond[pairId]]);
    }

    private static double compoundSimilarity(String x, String y) {
        return NameComparator.compoundSimilarity(x, y);
    }

    private static void nextProposal(Scratch s) {
        if (++s.proposal == Integer.MAX_VALUE) {
            Arrays.fill(s.proposedStamp, 0);
            s.proposal = 1;
        }
    }

    private static boolean isWord(TokenFeatures t) {
        return !t.particle() && !t.initial();
    }

    /**
     * The keys of a word: deletions of its spelling and of its variant key up to the comparator's typo bound for its
     * length (a listed word at least one, for parts written as one), its skeleton and its phonetic codes. Two words the
     * comparator accepts as a typo share a key with at most that many letters deleted on each side, so every accepted
     * pair is proposed.
     */
    static int[] keys(TokenFeatures t, boolean query) {
        int[] keys = deletionKeys(t.text(), new int[64], 0, deletionsFor(t.text(), query));
        if (!t.variant().equals(t.text())) {
            keys = deletionKeys(t.variant(), keys, keys.length, deletionsFor(t.variant(), query));
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
        return distinctKeys(Arrays.copyOf(keys, k));
    }

    private static int deletionsFor(String spelling, boolean query) {
        int edits = NameComparator.typoEdits(spelling.length());
        return query ? edits : Math.max(1, edits);
    }

    private static int[] distinctKeys(int[] keys) {
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
    private static int[] deletionKeys(String s, int[] into, int from, int most) {
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
