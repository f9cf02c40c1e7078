package org.orderly.screening.index;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * linked to every listed word the comparator would align with it one to one: the comparator accepts only pairs these
 * keys enumerate (deletions of the spelling and of the variant key up to its typo bound, consonant skeleton, phonetic
 * codes, initials), and each proposal is checked with the comparator's own token similarity, so no accepted pair is
 * missed. Parts written as one (a query word against two adjacent listed tokens, two adjacent query tokens against one
 * listed word or two) are linked apart, and the names they reach are read, but for two query words against a listed
 * pair whose words they link one to one, which weigh as those units one to one and are found by the words' reading, and
 * for a listed pair with a word spelled as one of the unit's query words, which the comparator never aligns.
 * Names are posted per token, per group of script and per number of words and initials, so that from the threshold the
 * index knows how many of the query's rarest words it must read for each class of names; each posting carries the
 * name's tokens, so that an upper bound of the comparator's score (minus the exact birth date and nationality
 * adjustment) is computed from the per-query link table alone, and only names whose bound reaches the threshold are
 * returned. A query written wholly in Han or in Hangul skips the postings of names written wholly in its own script:
 * the comparator caps those whose characters differ below the threshold, and those written in the same characters
 * come from their own table.
 */
public final class CandidateIndex {
    private static final int CLASSES = Postings.CLASSES;
    private static final int GROUPS = Dictionary.GROUPS;
    private static final int[] NONE = new int[0];
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
    private final java.util.function.Predicate<TokenFeatures> listedTokens;
    private final int[] postingOffsets;
    private final int[] postingCounts;
    private final int[] records;
    private final int[] initialIds;
    private final int[] particleIds;
    private final boolean[] wordTokens;
    private final boolean[] particleTokens;
    private final char[] firstLetters;
    private final int[] wordless;
    private final Map<String, int[]> namesByCharacters;
    private final byte[] nameGroup;
    private final BirthDate[] birthDates;
    private final String[] nationalities;
    /** Lookup keys (deletions, variant, skeleton, phonetic codes) → dictionary words. */
    private final KeyTable wordKeys;
    /** The listed words' features in flat arrays, to refuse most proposals without reading a word's object. */
    private final WordSketches sketches;
    /**
     * Per listed word, the listed words the comparator aligns with it and how similar they are (ids, then the
     * similarities' bits): computed on first use and kept, so that a query word spelled as a listed one needs no fuzzy
     * lookup afterwards.
     */
    private final java.util.concurrent.atomic.AtomicReferenceArray<long[]> neighbours;

    private final ThreadLocal<QueryState> scratch;
    private final GivenNameVariants givenNames;
    private final long fingerprint;

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
    public CandidateIndex(
            List<NameFeatures> names, double threshold, List<BirthDate> birthDates, List<String> nationalities) {
        this(names, threshold, birthDates, nationalities, GivenNameVariants.BUILT_IN);
    }

    /** As above, for a comparator that also accepts the hypocorisms of this list. */
    public CandidateIndex(
            List<NameFeatures> names,
            double threshold,
            List<BirthDate> birthDates,
            List<String> nationalities,
            GivenNameVariants givenNames) {
        this(names, threshold, birthDates, nationalities, givenNames, null);
    }

    /**
     * Reopens an index written by {@link #save} for the same names (in the same order), birth dates, threshold and
     * hypocorism list; the names are given again (they are not in the file, which holds only the built tables). A file
     * of another layout, saved for other names or settings, or damaged (its checksum, over the whole file, is checked
     * before anything is read from it) is refused with the reason.
     */
    public static CandidateIndex open(
            Path file,
            List<NameFeatures> names,
            double threshold,
            List<BirthDate> birthDates,
            List<String> nationalities,
            GivenNameVariants givenNames)
            throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 20))) {
            IndexFile.check(file);
            return new CandidateIndex(names, threshold, birthDates, nationalities, givenNames, in);
        } catch (java.io.UncheckedIOException e) {
            if (e.getCause() instanceof java.io.EOFException) {
                throw new SavedIndexException("saved index " + file + " ends early: it is damaged, build it again");
            }
            throw e.getCause();
        } catch (java.io.EOFException e) {
            throw new SavedIndexException("saved index " + file + " ends early: it is damaged, build it again");
        } catch (SavedIndexException e) {
            throw new SavedIndexException(e.getMessage().replace("saved index", "saved index " + file));
        }
    }

    /**
     * Writes the built tables (key tables, postings, listed pairs; not the names) and a closing checksum. They are derived
     * from a watchlist, which is personal data: write them to a file only its owner may read (the command line does).
     */
    public void save(OutputStream out) throws IOException {
        IndexFile.write(out, data -> {
            data.writeLong(fingerprint);
            wordKeys.write(data);
            postings.write(data);
            pairs.write(data);
        });
    }

    private CandidateIndex(
            List<NameFeatures> names,
            double threshold,
            List<BirthDate> birthDates,
            List<String> nationalities,
            GivenNameVariants givenNames,
            DataInputStream saved) {
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
        this.listedTokens = words::listed;
        this.initialIds = words.initialIds;
        this.particleIds = words.particleIds;
        this.wordTokens = words.wordTokens;
        this.particleTokens = new boolean[words.tokens.length];
        for (int particle : words.particleIds) {
            particleTokens[particle] = true;
        }
        this.firstLetters = words.firstLetters;
        this.wordless = words.wordless;
        this.namesByCharacters = words.namesByCharacters;
        this.nameGroup = words.nameGroup;
        int[] years = new int[size];
        for (int n = 0; n < size; n++) {
            years[n] = this.birthDates[n] == null ? UNKNOWN_YEAR : this.birthDates[n].year();
        }
        this.fingerprint = fingerprint(words, years, threshold, givenNames);
        try {
            if (saved != null) {
                readHeader(saved, fingerprint);
            }
            // Keys: hashed key -> dictionary words; the full hash is kept so that bucket neighbours are skipped
            // cheaply.
            this.wordKeys = saved != null ? KeyTable.read(saved) : KeyTable.of(keysOfWords(words.tokens, givenNames));
            this.postings = saved != null ? Postings.read(saved, words) : new Postings(words, years);
            this.pairs = saved != null ? ListedPairs.read(saved, words) : new ListedPairs(words);
            if (saved != null) {
                saved.skipNBytes(IndexFile.CHECKSUM_BYTES); // checked over the whole file before reading
                if (saved.read() != -1) throw new SavedIndexException("saved index: data after its last table");
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Postings postings = this.postings;
        this.postingOffsets = postings.offsets;
        this.postingCounts = postings.counts;
        this.records = postings.records;
        this.scratch = ThreadLocal.withInitial(() -> new QueryState(size, dictionary.length));
        this.sketches = new WordSketches(dictionary, givenNames);

        this.neighbours = new java.util.concurrent.atomic.AtomicReferenceArray<>(dictionary.length);
    }

    private static int[][] keysOfWords(TokenFeatures[] dictionary, GivenNameVariants givenNames) {
        int[][] keysOfWord = new int[dictionary.length][];
        for (int t = 0; t < dictionary.length; t++) {
            keysOfWord[t] =
                    Dictionary.isWord(dictionary[t]) ? LookupKeys.keys(dictionary[t], false, givenNames) : new int[0];
        }
        return keysOfWord;
    }

    private static void readHeader(DataInputStream in, long fingerprint) throws IOException {
        byte[] magic = IndexFile.MAGIC.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] start = new byte[magic.length];
        if (in.readNBytes(start, 0, start.length) != start.length || !Arrays.equals(start, magic)) {
            throw new SavedIndexException("saved index: not a saved Orderly screening index");
        }
        int version = in.readInt();
        if (version != IndexFile.VERSION) {
            throw new SavedIndexException("saved index: written in layout " + version + ", this Orderly reads "
                    + IndexFile.VERSION + ": build it again");
        }
        if (in.readLong() != fingerprint) {
            throw new SavedIndexException("saved index: saved for other names, birth dates, threshold or "
                    + "hypocorism list than these: build it again");
        }
    }

    /** A digest of what the built tables depend on: the listed tokens, the names as token ids, birth years, settings. */
    private static long fingerprint(Dictionary words, int[] years, double threshold, GivenNameVariants givenNames) {
        long h = 0xcbf29ce484222325L;
        for (TokenFeatures token : words.tokens) {
            for (int i = 0; i < token.text().length(); i++) {
                h = (h ^ token.text().charAt(i)) * 0x100000001b3L;
            }
            h = (h ^ (token.particle() ? 0x10001 : 0x10002)) * 0x100000001b3L;
        }
        for (int[] ints : new int[][] {words.nameTokenOffsets, words.nameTokens, years}) {
            for (int value : ints) {
                h = (h ^ value) * 0x100000001b3L;
            }
        }
        h = (h ^ Double.doubleToLongBits(threshold)) * 0x100000001b3L;
        return (h ^ givenNames.fingerprint()) * 0x100000001b3L;
    }

    public int size() {
        return size;
    }

    /**
     * The fewest of the query's words (not initials or particles) a listed name must match one to one, whatever its
     * length, for the comparator's name score to reach {@code need}: the pigeonhole bound this index reads postings by,
     * for other candidate generators to use (the Lucene baseline of orderly-bench does). One more than the query's
     * words when no name can reach it.
     */
    public static int fewestWordsMatched(NameFeatures query, double need) {
        int words = 0;
        int initials = 0;
        int particles = 0;
        double weight = 0;
        List<TokenFeatures> tokens = query.tokens();
        for (int i = 0; i < tokens.size() && i < NameComparator.MAX_TOKENS; i++) {
            TokenFeatures token = tokens.get(i);
            weight += token.weight();
            if (Dictionary.isWord(token)) {
                words++;
            } else if (token.particle()) {
                particles++;
            } else {
                initials++;
            }
        }
        for (int matched = 0; matched <= words; matched++) {
            for (int posted = 1; posted <= NameComparator.MAX_TOKENS; posted++) {
                if (ScoreBound.unreadBound(matched, words, initials, particles, weight, posted) >= need) {
                    return matched;
                }
            }
        }
        return words + 1;
    }

    /** The lowest name score that can reach the threshold once the best birth-date and nationality adjustments apply. */
    public double lowestNeeded() {
        return threshold - MAX_BIRTH_ADJUSTMENT - MAX_NATIONALITY_ADJUSTMENT - SLACK;
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
        int[] wordNumber = new int[count]; // of the token at each position, -1 for initials and particles
        int wordCount = 0;
        int initials = 0;
        int particles = 0;
        double queryWeight = 0;
        for (int i = 0; i < count; i++) {
            queryWeight += all[i].weight();
            wordNumber[i] = -1;
            if (Dictionary.isWord(all[i])) {
                wordNumber[i] = wordCount;
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
        // Two letters wrong count only where every other part of both names agrees exactly, so only where every
        // other query token is listed as spelled: the look-up two letters deep is needed for at most one unlisted word.
        int unlisted = -1;
        int unlistedCount = 0;
        for (int i = 0; i < count; i++) {
            if (!listedTokens.test(all[i])) {
                unlisted = i;
                unlistedCount++;
            }
        }
        int[] matchedFrom = new int[wordCount + 1];
        for (int w = 0; w < wordCount; w++) {
            matchedFrom[w] = s.matchedCount;
            link(s, all[wordAt[w]], w, unlistedCount == 0 || unlistedCount == 1 && unlisted == wordAt[w]);
        }
        matchedFrom[wordCount] = s.matchedCount;
        // Parts written as one: a query token against two listed ones joined, and two adjacent query tokens (only
        // particles between them, as the comparator joins them) against one listed word or two joined. The names these
        // links reach are read, so that the words' reading below may assume one-to-one units; not a listed pair whose
        // words the two query words link one to one (its unit weighs as those two), nor one with a word spelled as one
        // of the unit's query words (the comparator never aligns that unit: see pairLinks).
        for (int i = 0; i < count; i++) {
            if (all[i].particle()) {
                continue;
            }
            pairLinks(s, all[i].variant(), all[i], null, -1, -1);
            int next = neighbourToken(all, i, 1);
            if (next >= 0) {
                String joined = NameComparator.joinedKey(all[i], all[next]);
                joinedLinks(s, joined, all[i], all[next]);
                pairLinks(s, joined, all[i], all[next], wordNumber[i], wordNumber[next]);
            }
        }
        // Particles: few distinct ones are listed, so each query particle is compared with all of them once, into the
        // table (not into the words' ranges, so that they are never read as postings).
        char[] initialLetters = new char[initials];
        int initialCount = 0;
        for (TokenFeatures mine : all) {
            if (mine.particle()) {
                for (int particle : particleIds) {
                    double similarity = similarity(mine, dictionary[particle]);
                    if (similarity > 0) {
                        double listed = dictionary[particle].weight();
                        s.raise(
                                particle,
                                similarity * (mine.weight() + listed),
                                similarity * mine.weight(),
                                similarity * listed);
                    }
                }
            } else if (mine.initial()) {
                initialLetters[initialCount++] = mine.text().charAt(0);
            }
        }

        double maxAdjustment = anyDetails
                ? MAX_BIRTH_ADJUSTMENT + MAX_NATIONALITY_ADJUSTMENT
                : (birthDate == null ? 0 : birthDate.full() ? MAX_BIRTH_ADJUSTMENT : MatchRules.SAME_BIRTH_YEAR)
                        + (nationality == null ? 0 : MAX_NATIONALITY_ADJUSTMENT);
        double need = threshold - maxAdjustment - SLACK;
        // A query written wholly in Han (or Hangul) cannot reach the threshold with a name written wholly in the same
        // script in other characters (the comparator caps such pairs): that group's postings are skipped, and the names
        // written in the same characters are taken from their own table.
        int skippedGroup = query.characters() != null && NameComparator.DIFFERENT_PERSON_CAP < need
                ? Dictionary.group(query.characters())
                : -1;
        Visit visit = new Visit(
                s, initialLetters, initials, queryWeight, wordCount, need, anyDetails, birthDate, nationality);
        int kept = 0;
        if (wordCount == 0) {
            // A query of initials alone ("J R"): every listed word or initial starting with one of its letters may
            // align with it. Such queries are rare: the postings of all those tokens are read and bounded.
            String letters = new String(initialLetters);
            for (int t = 0; t < dictionary.length; t++) {
                if (!dictionary[t].particle() && letters.indexOf(firstLetters[t]) >= 0) {
                    kept = readAll(t, -1, visit, kept);
                }
            }
        }
        // Names reached through parts written as one, whatever their class: those with a listed pair linked to a query
        // token (or to two joined), and those with a listed word linked to two query tokens joined.
        for (int j = 0; j < s.pairReadCount; j++) {
            int pair = s.pairReads[j];
            for (int k = pairs.nameOffsets[pair]; k < pairs.nameOffsets[pair + 1]; k++) {
                int name = pairs.names[k];
                // A name reached through several pairs is bounded once; the group is read only when one is skipped.
                if (s.nameStamp[name] != s.stamp && (skippedGroup < 0 || nameGroup[name] != skippedGroup)) {
                    kept = visit(visit, postings.recordOf[name], kept);
                }
            }
        }
        s.nextProposal();
        for (int j = 0; j < s.joinedCount; j++) {
            int token = s.joinedLinks[j];
            if (s.proposedStamp[token] != s.proposal) {
                s.proposedStamp[token] = s.proposal;
                kept = readAll(token, skippedGroup, visit, kept);
            }
        }
        // A listed person born more than NEAR_YEARS from the query's year loses the largest adjustment: such names
        // need a name score so high that fewer of the query's words must be read for them.
        boolean byYear = !anyDetails && birthDate != null;
        double needFar = !byYear
                ? need
                : threshold - FAR_BIRTH_ADJUSTMENT - (nationality == null ? 0 : MAX_NATIONALITY_ADJUSTMENT) - SLACK;
        int low = byYear ? birthDate.year() - NEAR_YEARS : 0;
        int high = byYear ? birthDate.year() + NEAR_YEARS : 0;
        // Per class, how many postings each word's links have (a token's blocks lie side by side: one pass).
        long[] postingsOf = new long[CLASSES * wordCount];
        for (int w = 0; w < wordCount; w++) {
            for (int m = matchedFrom[w]; m < matchedFrom[w + 1]; m++) {
                for (int g = 0; g < GROUPS; g++) {
                    if (g != skippedGroup) {
                        int first = Postings.block(s.matched[m], g, 0);
                        for (int c = 1; c < CLASSES; c++) {
                            postingsOf[c * wordCount + w] += postingCounts[first + c];
                        }
                    }
                }
            }
        }
        long[] cost = new long[wordCount];
        for (int c = 1; c < CLASSES && wordCount > 0; c++) {
            int read = ScoreBound.wordsToRead(wordCount, initials, particles, queryWeight, c, need);
            int readAllYears = byYear
                    ? Math.min(read, ScoreBound.wordsToRead(wordCount, initials, particles, queryWeight, c, needFar))
                    : read;
            // A name of this class that matches none of the `read` rarest words one to one cannot reach the threshold;
            // one born far from the query's year cannot if it matches none of the `readAllYears` rarest.
            for (int w = 0; w < wordCount; w++) {
                cost[w] = (postingsOf[c * wordCount + w] << 8) | w;
            }
            Arrays.sort(cost);
            for (int r = 0; r < read; r++) {
                int w = (int) (cost[r] & 0xFF);
                boolean nearOnly = r >= readAllYears;
                for (int m = matchedFrom[w]; m < matchedFrom[w + 1]; m++) {
                    for (int g = 0; g < GROUPS; g++) {
                        if (g == skippedGroup) {
                            continue;
                        }
                        int block = Postings.block(s.matched[m], g, c);
                        kept = nearOnly ? readNear(block, low, high, visit, kept) : readBlock(block, visit, kept);
                    }
                }
            }
        }
        if (skippedGroup >= 0) {
            for (int name : dictionaryNamesWritten(query.characters())) {
                kept = s.keep(name, kept);
            }
        }
        for (int name : wordless) {
            kept = s.keep(name, kept);
        }
        return Arrays.copyOf(s.result, kept);
    }

    /** The listed names written wholly in these Han or Hangul characters. */
    /** How many listed names carry each word, from the postings (a name is posted once under each word it carries). */
    public org.orderly.screening.compare.PartFrequencies partFrequencies() {
        return word -> {
            Integer token = dictionaryIds.get(word);
            if (token == null) {
                return 0;
            }
            int names = 0;
            for (int block = Postings.block(token, 0, 0); block < Postings.block(token + 1, 0, 0); block++) {
                names += postingCounts[block];
            }
            return names;
        };
    }

    private int[] dictionaryNamesWritten(String characters) {
        return namesByCharacters.getOrDefault(characters, NONE);
    }

    /** What a visit of a posting record needs to know of the query. */
    private record Visit(
            QueryState s,
            char[] initialLetters,
            int initials,
            double queryWeight,
            int queryWords,
            double need,
            boolean anyDetails,
            BirthDate birthDate,
            String nationality) {}

    /** Visits every record posted under this token, of every class and of every group but the skipped one. */
    private int readAll(int token, int skippedGroup, Visit visit, int kept) {
        for (int g = 0; g < GROUPS; g++) {
            if (g == skippedGroup) {
                continue;
            }
            for (int c = 1; c < CLASSES; c++) {
                kept = readBlock(Postings.block(token, g, c), visit, kept);
            }
        }
        return kept;
    }

    private int readBlock(int block, Visit visit, int kept) {
        for (int at = postingOffsets[block]; at < postingOffsets[block + 1]; at += HEADER + records[at + 2]) {
            kept = visit(visit, at, kept);
        }
        return kept;
    }

    /** Visits the records of a block whose birth year is unknown or within [low, high] (records sorted by year). */
    private int readNear(int block, int low, int high, Visit visit, int kept) {
        int at = postingOffsets[block];
        int to = postingOffsets[block + 1];
        if (at == to) {
            return kept;
        }
        while (at < to && records[at + 3] == UNKNOWN_YEAR) {
            kept = visit(visit, at, kept);
            at += HEADER + records[at + 2];
        }
        at = Math.max(at, postings.seek(block, low));
        for (; at < to && records[at + 3] <= high; at += HEADER + records[at + 2]) {
            if (records[at + 3] >= low) {
                kept = visit(visit, at, kept);
            }
        }
        return kept;
    }

    /** Keeps the name of the record at {@code at} if its bound reaches the threshold for that person. */
    private int visit(Visit v, int at, int kept) {
        double bound = bound(v.s(), at, v.initialLetters(), v.initials(), v.queryWeight(), v.queryWords());
        if (bound < v.need()) {
            return kept;
        }
        int name = records[at];
        if (!v.anyDetails()
                && bound
                        < threshold
                                - SLACK
                                - NameComparator.birthDateAdjustment(v.birthDate(), birthDates[name])
                                - NameComparator.nationalityAdjustment(v.nationality(), nationalities[name])) {
            return kept;
        }
        return v.s().keep(name, kept);
    }

    /**
     * The bound of the name whose record starts at {@code at}: each of its tokens contributes at most its best unit
     * with any query token (a lookup in the per-query table for words and particles; initials compared directly).
     */
    private double bound(
            QueryState s, int at, char[] initialLetters, int initials, double queryWeight, int queryWords) {
        int nameWords = 0;
        int nameParts = 0;
        double pair = 0;
        double ofQuery = 0;
        double ofName = 0;
        int end = at + HEADER + records[at + 2];
        for (int p = at + HEADER; p < end; p++) {
            int token = records[p];
            if (wordTokens[token]) {
                nameWords++;
            }
            nameParts += particleTokens[token] ? 0 : 1;
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
        return ScoreBound.bound(
                pair,
                ofQuery,
                ofName,
                queryWeight,
                Float.intBitsToFloat(records[at + 1]),
                queryWords,
                nameWords,
                queryWords + initials,
                nameParts);
    }

    /** Records, for query word w, every dictionary word the comparator would align with it and how similar they are. */
    private void link(QueryState s, TokenFeatures word, int number, boolean twoLetters) {
        char first = word.text().charAt(0);
        if (first < 128 && initialIds[first] >= 0) {
            record(s, initialIds[first], number, INITIAL_SIMILARITY);
        }
        Integer listed = dictionaryIds.get(word.text());
        if (listed != null) {
            long[] known = neighbours.get(listed);
            if (known == null) {
                lookup(s, word, true); // kept for every later query: with the two-letters neighbours
                known = new long[s.foundCount];
                for (int k = 0; k < s.foundCount; k++) {
                    known[k] = (long) s.found[k] << 32 | Float.floatToIntBits((float) s.foundSimilarities[k]);
                }
                neighbours.set(listed, known);
            }
            for (long link : known) {
                // Stored as a float: rounded up so that the bound stays an upper bound.
                record(s, (int) (link >>> 32), number, Math.nextUp(Float.intBitsToFloat((int) link)));
            }
            return;
        }
        lookup(s, word, twoLetters);
        for (int k = 0; k < s.foundCount; k++) {
            record(s, s.found[k], number, s.foundSimilarities[k]);
        }
    }

    private void record(QueryState s, int token, int number, double similarity) {
        double listed = dictionary[token].weight();
        s.record(token, number, similarity * (1 + listed), similarity, similarity * listed);
    }

    /** Finds the dictionary words with a positive token similarity to this word, into the scratch's found arrays. */
    private void lookup(QueryState s, TokenFeatures word, boolean twoLetters) {
        s.foundCount = 0;
        s.nextProposal();
        WordSketches.Query sketch = new WordSketches.Query(word, givenNames);
        for (int key : LookupKeys.keys(word, true, givenNames, twoLetters)) {
            for (int k = wordKeys.from(key); k < wordKeys.to(key); k++) {
                int token = wordKeys.ids[k];
                if (wordKeys.hashes[k] != key || s.proposedStamp[token] == s.proposal) {
                    continue;
                }
                s.proposedStamp[token] = s.proposal;
                if (!sketches.mayAccept(sketch, token)) {
                    continue; // refused from the flat arrays: no rule can accept the pair
                }
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

    /** The dictionary id of a query token listed as spelled, or -1. */
    private int listedId(TokenFeatures token) {
        Integer id = dictionaryIds.get(token.text());
        return id == null ? -1 : id;
    }

    /**
     * Links two adjacent query words, joined, to the listed words the comparator would align with the pair (Jaro-Winkler
     * of the variant keys at least 0.9), credited with the whole unit's contribution.
     */
    private void joinedLinks(QueryState s, String joined, TokenFeatures first, TokenFeatures second) {
        s.nextProposal();
        // One deletion on this side (two on the listed side): the joined words are long, and their lookup is per query.
        // The Korean syllables of the joined words are keys too (Chung Hee against Jeonghui).
        int[] deletions = LookupKeys.deletionKeys(joined, new int[0], 0, 1);
        int[] korean = LookupKeys.koreanKeys(NameComparator.joinedKoreanSpelling(first, second));
        int[] keys = Arrays.copyOf(deletions, deletions.length + korean.length);
        System.arraycopy(korean, 0, keys, deletions.length, korean.length);
        for (int key : keys) {
            for (int k = wordKeys.from(key); k < wordKeys.to(key); k++) {
                int token = wordKeys.ids[k];
                if (wordKeys.hashes[k] != key || s.proposedStamp[token] == s.proposal) {
                    continue;
                }
                s.proposedStamp[token] = s.proposal;
                double similarity = Math.max(
                        compoundSimilarity(joined, dictionary[token].variant()),
                        NameComparator.koreanCompoundSimilarity(first, second, dictionary[token]));
                if (similarity > 0) {
                    double listed = dictionary[token].weight();
                    s.recordJoined(token, similarity * (2 + listed), 2 * similarity, similarity * listed);
                }
            }
        }
    }

    /**
     * Links a query word ({@code one}), or two joined ({@code one}, {@code other}), to both words of each listed pair
     * that, joined, the comparator would align with it: each listed word is credited with its share of the unit's
     * contribution, and the names with the pair are read, unless no name's score can owe anything to the unit, or the
     * reading by words finds every one of them that the unit can help reach the threshold.
     *
     * <p>No name's score owes anything to the unit when one of its query words is spelled as one of the pair's words,
     * or has the same variant key while the pair written as one does not: that unit one to one (similarity 1, or 0.97
     * against a compound's at most 0.97, and 0.97 only for equal keys) is more similar than the compound, and is never
     * dropped by the comparator's second alignments (they drop only Korean syllables, two letters wrong, and rules of
     * Latin spelling across Hangul). The comparator's greedy alignment takes units in order of similarity; when it comes
     * to that unit one to one, either it takes it or one of its two tokens is taken already, and both are tokens of the
     * compound: the compound is never taken afterwards, in any name that has the pair. So the unit is neither credited
     * nor read. This is how two romanised syllables differ one or two letters apart written as one against a listed
     * pair that shares the other syllable ("shi fu" against "shi qu": the keys shifu and shiku are one edit apart).
     *
     * <p>The words' reading also finds them for two query words against a listed pair whose first word the first query
     * word links one to one, and whose second the second ({@code firstWord}, {@code secondWord}: the words' numbers, -1
     * for an initial). In the comparator's score such a unit weighs as the two units one to one it splits into, with
     * its similarity: the same matched weight, the same coverage of either name, and never the larger share of a name
     * found in order (which needs units one to one). So the words' reading, whose bound for a name matching none of the
     * words read assumes units one to one, holds for a name with that unit as if it had those two: a name the unit
     * helps reach the threshold is found through its listed word linked to a query word read, and bounded with the
     * credit raised here (which is kept: the words' own links may be weaker than the unit). A query word against a
     * listed pair is not so: that unit weighs one query word against two listed ones, more than any unit one to one.
     */
    private void pairLinks(
            QueryState s, String variant, TokenFeatures one, TokenFeatures other, int firstWord, int secondWord) {
        if (pairs.size() == 0) {
            return;
        }
        boolean twoWords = other != null;
        boolean linkedWords = twoWords && firstWord >= 0 && secondWord >= 0;
        int oneId = listedId(one);
        int otherId = twoWords ? listedId(other) : -1;
        int[] keys = LookupKeys.deletionKeys(variant, new int[0], 0, 1);
        if (!twoWords) {
            // one query word against a listed pair written as one in another Korean spelling (Jeonghui, Chung Hee)
            int[] korean = LookupKeys.koreanKeys(NameComparator.koreanOf(one));
            int from = keys.length;
            keys = Arrays.copyOf(keys, from + korean.length);
            System.arraycopy(korean, 0, keys, from, korean.length);
            keys = LookupKeys.distinctKeys(keys);
        }
        for (int key : keys) {
            for (int k = pairs.keys.from(key); k < pairs.keys.to(key); k++) {
                if (pairs.keys.hashes[k] != key) {
                    continue;
                }
                int pairId = pairs.keys.ids[k];
                int first = pairs.first[pairId];
                int second = pairs.second[pairId];
                if (oneId >= 0 && (first == oneId || second == oneId)
                        || otherId >= 0 && (first == otherId || second == otherId)) {
                    continue; // a query word spelled as a word of the pair: the compound is never aligned (above)
                }
                String joinedVariant = pairs.joinedVariant(pairId);
                double similarity = compoundSimilarity(variant, joinedVariant);
                if (!twoWords) {
                    similarity = Math.max(
                            similarity,
                            NameComparator.koreanCompoundSimilarity(dictionary[first], dictionary[second], one));
                }
                if (similarity <= 0
                        || !variant.equals(joinedVariant)
                                && (sameVariant(one, first, second) || twoWords && sameVariant(other, first, second))) {
                    continue; // a query word with the same variant key as a word of the pair, the pair's differs
                }
                double queryShare = twoWords ? 1 : 0.5;
                for (int token : new int[] {first, second}) {
                    double listed = dictionary[token].weight();
                    s.raise(token, similarity * (queryShare + listed), similarity * queryShare, similarity * listed);
                }
                if (!linkedWords || !s.linkedTo(first, firstWord) || !s.linkedTo(second, secondWord)) {
                    s.readPair(pairId);
                }
            }
        }
    }

    /**
     * Whether this query word and one of these listed words are aligned by their variant key alone (similarity 0.97, a
     * rule no second alignment drops); initials are compared by their letter instead.
     */
    private boolean sameVariant(TokenFeatures word, int first, int second) {
        return !word.initial() && (sameVariant(word, dictionary[first]) || sameVariant(word, dictionary[second]));
    }

    private static boolean sameVariant(TokenFeatures word, TokenFeatures listed) {
        return !listed.initial() && word.variant().equals(listed.variant());
    }

    private static double compoundSimilarity(String x, String y) {
        return NameComparator.compoundSimilarity(x, y);
    }
}
