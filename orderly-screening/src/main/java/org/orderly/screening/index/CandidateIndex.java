package org.orderly.screening.index;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.orderly.screening.compare.BirthDate;
import org.orderly.screening.compare.GivenNameVariants;
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
    private static final int CLASSES = Postings.CLASSES;
    private static final int HEADER = Postings.HEADER;
    private static final int UNKNOWN_YEAR = Postings.UNKNOWN_YEAR;
    /** Birth years further apart than this cost a name score the most (see NameComparator.birthDateAdjustment). */
    private static final int NEAR_YEARS = MatchRules.NEAR_YEARS;
    private static final double FAR_BIRTH_ADJUSTMENT = MatchRules.FAR_BIRTH_YEAR;
    /** Guards the bound against rounding: a name this close below the threshold is still scored. */
    private static final double SLACK = 1e-6;
    private static final double MAX_BIRTH_ADJUSTMENT = Math.max(MatchRules.SAME_BIRTH_DATE, MatchRules.SAME_BIRTH_YEAR);
    private static final double MAX_NATIONALITY_ADJUSTMENT = MatchRules.SAME_NATIONALITY;
    private static final double INITIAL_SIMILARITY = MatchRules.INITIAL_SIMILARITY;
    private static final double INITIAL_WEIGHT = MatchRules.INITIAL_WEIGHT;

    private final int size;
    private final double threshold;
    // The parts, and the arrays of theirs read on the hot path (kept here to spare an indirection).
    private final Postings postings;
    private final ListedPairs pairs;
    private final TokenFeatures[] dictionary;
    private final Map<String, Integer> dictionaryIds;
    private final int[] postingOffsets;
    private final int[] postingCounts;
    private final int[] records;
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
    private final ThreadLocal<QueryState> scratch;
    private final GivenNameVariants givenNames;

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
        this(names, threshold, birthDates, nationalities, GivenNameVariants.NONE);
    }

    /** As above, for a comparator that also accepts the hypocorisms of this list. */
    public CandidateIndex(List<NameFeatures> names, double threshold, List<BirthDate> birthDates,
                          List<String> nationalities, GivenNameVariants givenNames) {
        this.givenNames = givenNames;
        this.size = names.size();
        this.threshold = threshold;
        this.birthDates = birthDates == null ? new BirthDate[size] : birthDates.toArray(new BirthDate[0]);
        this.nationalities = nationalities == null ? new String[size] : nationalities.toArray(new String[0]);
        if (this.birthDates.length != size || this.nationalities.length != size) {
            throw new IllegalArgumentException("one birth date and nationality slot per name is needed");
        }
        Dictionary words = new Dictionary(names);
        this.dictionary = words.tokens;
        this.dictionaryIds = words.ids;
        this.initialIds = words.initialIds;
        this.particleIds = words.particleIds;
        this.wordTokens = words.wordTokens;
        this.firstLetters = words.firstLetters;
        this.wordless = words.wordless;
        int[] years = new int[size];
        for (int n = 0; n < size; n++) {
            years[n] = this.birthDates[n] == null ? UNKNOWN_YEAR : this.birthDates[n].year();
        }
        Postings postings = new Postings(words, years);
        this.postings = postings;
        this.postingOffsets = postings.offsets;
        this.postingCounts = postings.counts;
        this.records = postings.records;
        // Keys: hashed key -> dictionary words; the full hash is kept so that bucket neighbours are skipped cheaply.
        int[][] keysOfWord = new int[dictionary.length][];
        for (int t = 0; t < dictionary.length; t++) {
            keysOfWord[t] = Dictionary.isWord(dictionary[t]) ? LookupKeys.keys(dictionary[t], false, givenNames) : new int[0];
        }
        wordKeys = KeyTable.of(keysOfWord);
        this.pairs = new ListedPairs(words);
        this.scratch = ThreadLocal.withInitial(() -> new QueryState(size, dictionary.length));

        this.neighbours = new java.util.concurrent.atomic.AtomicReferenceArray<>(dictionary.length);
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
            if (Dictionary.isWord(all[i])) {
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
        QueryState s = scratch.get();
        s.start();
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
                        s.record(particle, similarity * (mine.weight() + listed), similarity * mine.weight(),
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
                kept = s.keep(name, kept);
            }
            return Arrays.copyOf(s.result, kept);
        }
        for (int c = 1; c < CLASSES; c++) {
            int read = ScoreBound.wordsToRead(wordCount, initials, particles, queryWeight, c, need);
            int readAllYears = byYear ? Math.min(read, ScoreBound.wordsToRead(wordCount, initials, particles, queryWeight, c,
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
                        at = Math.max(at, postings.seek(block, low));
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
            kept = s.keep(name, kept);
        }
        return Arrays.copyOf(s.result, kept);
    }

    /** Keeps the name of the record at {@code at} if its bound reaches the threshold for that person. */
    private int visit(QueryState s, int at, char[] initialLetters, int initials, double queryWeight, int queryWords,
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
        return s.keep(name, kept);
    }

    /**
     * The bound of the name whose record starts at {@code at}: each of its tokens contributes at most its best unit
     * with any query token (a lookup in the per-query table for words and particles; initials compared directly).
     */
    private double bound(QueryState s, int at, char[] initialLetters, int initials, double queryWeight,
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
            int slot = s.slotOf(token);
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
        return ScoreBound.bound(pair, ofQuery, ofName, queryWeight, Float.intBitsToFloat(records[at + 1]), queryWords,
                nameWords);
    }

    /** Records, for query word w, every dictionary word the comparator would align with it and how similar they are. */
    private void link(QueryState s, TokenFeatures word) {
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

    private void record(QueryState s, int token, double similarity) {
        double listed = dictionary[token].weight();
        s.record(token, similarity * (1 + listed), similarity, similarity * listed);
    }

    /** Finds the dictionary words with a positive token similarity to this word, into the scratch's found arrays. */
    private void lookup(QueryState s, TokenFeatures word) {
        s.foundCount = 0;
        s.nextProposal();
        for (int key : LookupKeys.keys(word, true, givenNames)) {
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
    private double similarity(TokenFeatures query, TokenFeatures listed) {
        double forward = NameComparator.tokenSimilarity(query, listed, givenNames);
        if (query.phonetic().length() < 2 || listed.phonetic().length() < 2) {
            return Math.max(forward, NameComparator.tokenSimilarity(listed, query, givenNames));
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

    private void joined(QueryState s, String joined) {
        joinedLinks(s, joined);
        pairLinks(s, joined, true, 1);
    }

    /**
     * Links two adjacent query words, joined, to the listed words the comparator would align with the pair (Jaro-Winkler
     * of the variant keys at least 0.9), credited with the whole unit's contribution.
     */
    private void joinedLinks(QueryState s, String joined) {
        s.nextProposal();
        // One deletion on this side (two on the listed side): the joined words are long, and their lookup is per query.
        for (int key : LookupKeys.deletionKeys(joined, new int[0], 0, 1)) {
            for (int k = wordKeys.from(key); k < wordKeys.to(key); k++) {
                int token = wordKeys.ids[k];
                if (wordKeys.hashes[k] != key || s.proposedStamp[token] == s.proposal) {
                    continue;
                }
                s.proposedStamp[token] = s.proposal;
                double similarity = compoundSimilarity(joined, dictionary[token].variant());
                if (similarity > 0) {
                    double listed = dictionary[token].weight();
                    s.record(token, similarity * (2 + listed), 2 * similarity, similarity * listed);
                }
            }
        }
    }

    /**
     * Links a query word (or two joined, {@code twoWords}) to both words of each listed pair that, joined, the
     * comparator would align with it: each listed word is credited with its share of the unit's contribution.
     */
    private void pairLinks(QueryState s, String variant, boolean twoWords, int deletions) {
        if (pairs.size() == 0) {
            return;
        }
        int[] keys = LookupKeys.deletionKeys(variant, new int[0], 0, deletions);
        for (int key : keys) {
            for (int k = pairs.keys.from(key); k < pairs.keys.to(key); k++) {
                if (pairs.keys.hashes[k] != key) {
                    continue;
                }
                int pairId = pairs.keys.ids[k];
                double similarity = compoundSimilarity(variant, pairs.joinedVariant(pairId));
                if (similarity > 0) {
                    double queryShare = twoWords ? 1 : 0.5;
                    for (int token : new int[] {pairs.first[pairId], pairs.second[pairId]}) {
                        double listed = dictionary[token].weight();
                        s.record(token, similarity * (queryShare + listed), similarity * queryShare,
                                similarity * listed);
                    }
                }
            }
        }
    }

    private static double compoundSimilarity(String x, String y) {
        return NameComparator.compoundSimilarity(x, y);
    }


}
