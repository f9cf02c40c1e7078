package org.orderly.bench.screening;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedNumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SerialMergeScheduler;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.MMapDirectory;
import org.apache.lucene.util.BytesRef;
import org.orderly.screening.compare.BirthDate;
import org.orderly.screening.compare.GivenNameVariants;
import org.orderly.screening.compare.InflectedForms;
import org.orderly.screening.compare.KoreanSpellings;
import org.orderly.screening.compare.MatchRules;
import org.orderly.screening.compare.NameComparator;
import org.orderly.screening.compare.NameFeatures;
import org.orderly.screening.compare.Romanisations;
import org.orderly.screening.compare.TokenFeatures;
import org.orderly.screening.index.CandidateIndex;

/**
 * Candidate generation for name screening the way a Lucene user would build it, as the same-run baseline of Orderly's
 * candidate index: one document per listed name with the keys of its tokens as Orderly normalises them (text,
 * spelling-variant key, consonant skeleton, Double Metaphone codes, first letters, adjacent parts joined), and per
 * query token a fuzzy query within the comparator's typo bound and term queries on the other keys, all optional
 * clauses of one boolean query. Every listed name that shares a token pair the comparator can accept is returned, so
 * scoring the candidates with the comparator finds what scoring every entry finds (see {@code LuceneCandidatesTest}).
 * Two variants bound the score as Orderly's index does: by the count of query words a name matches ({@link
 * #boundedQuery}), and by Orderly's per-name bound ({@link NameBoundQuery}), for which each document also stores its
 * tokens, weight, class and person's details, and the listed tokens and pairs have an index of their own.
 */
final class LuceneCandidates implements AutoCloseable {
    private static final String TEXT = "text";
    private static final String VARIANT = "variant";
    /** For the per-name bound: each listed token as written (particles marked), one term per token. */
    static final String TOKEN = "token";
    /** The name's listed tokens as vocabulary ids, with repeats (sorted numeric doc values). */
    static final String TOKENS = "tokens";
    /** The name's weight, as float bits: the sum of its tokens' weights, as Orderly's postings store it. */
    static final String WEIGHT = "weight";
    /** The name's class (words and initials, 4 for four or more, 0 for none): doc values the index is sorted by. */
    static final String CLASS = "class";
    /** The same class as a term, so that the documents of a class are found as a range of doc ids by their count. */
    static final String CLASS_TERM = "classTerm";
    /** Birth date (year × 10,000 + month × 100 + day), nationality and Han or Hangul characters, when known. */
    static final String BIRTH = "birth";

    static final String NATIONALITY = "nationality";
    static final String CHARACTERS = "characters";
    /** In the vocabulary index: the vocabulary id of a listed token or (after the tokens) of a listed adjacent pair. */
    private static final String VOCABULARY_ID = "id";

    private static final String SKELETON = "skeleton";
    private static final String PHONETIC = "phonetic";
    static final String FIRST_LETTER = "first";
    static final String JOINED = "joined";
    /** Stems of grammatical forms, romanisation readings, hypocorism groups ({@code InflectedForms}, {@code Romanisations}). */
    private static final String STEM = "stem";

    private static final String READING = "reading";
    private static final String GROUP = "group";
    static final String ORDINAL = "ordinal";
    /** Words shorter than this are accepted only exactly or by variant key: no skeleton, phonetic or joined typo. */
    private static final int SHORTEST_FUZZY_WORD = 4;

    private final Path folder;
    private final Directory directory;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final GivenNameVariants givenNames;
    /** The listed tokens and adjacent pairs, and their own index, for the per-name bound ({@link #nameBoundQuery}). */
    private final Vocabulary vocabulary;

    private final Directory vocabularyDirectory;
    private final IndexSearcher vocabularySearcher;
    /** Per-query scratch of the per-name bound (one query at a time, as the benchmark and the tests run). */
    private final NameBoundQuery.Links links;
    /** 1 but in the test that shows a lowered per-token maximum is caught. */
    private double linkFactor = 1;

    private LuceneCandidates(
            Path folder,
            Directory directory,
            DirectoryReader reader,
            GivenNameVariants givenNames,
            Vocabulary vocabulary,
            Directory vocabularyDirectory) {
        this.folder = folder;
        this.directory = directory;
        this.reader = reader;
        this.searcher = new IndexSearcher(reader);
        this.givenNames = givenNames;
        this.vocabulary = vocabulary;
        this.vocabularyDirectory = vocabularyDirectory;
        try {
            this.vocabularySearcher = new IndexSearcher(DirectoryReader.open(vocabularyDirectory));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the Lucene vocabulary index in " + folder, e);
        }
        this.links = new NameBoundQuery.Links(vocabulary, givenNames);
    }

    /** Indexes the names for the default comparator's hypocorism list. */
    static LuceneCandidates build(List<NameFeatures> names, Path folder) {
        return build(names, folder, GivenNameVariants.BUILT_IN);
    }

    /** Indexes the names (ordinal = position in the list) in a new folder, birth dates and nationalities unknown. */
    static LuceneCandidates build(List<NameFeatures> names, Path folder, GivenNameVariants givenNames) {
        return build(names, null, null, folder, givenNames);
    }

    /**
     * Indexes the names (ordinal = position in the list) in a new folder, merged into one segment sorted by the
     * names' class; the birth date and alpha-3 nationality of each name's person (lists of the names' length, elements
     * may be null; the lists may be null) are kept as doc values for the per-name bound.
     */
    static LuceneCandidates build(
            List<NameFeatures> names,
            List<BirthDate> birthDates,
            List<String> nationalities,
            Path folder,
            GivenNameVariants givenNames) {
        try {
            Vocabulary vocabulary = Vocabulary.of(names);
            Directory directory = new MMapDirectory(folder);
            try (IndexWriter writer = new IndexWriter(directory, writerConfig(true))) {
                for (int ordinal = 0; ordinal < names.size(); ordinal++) {
                    Document document = document(names.get(ordinal), ordinal, givenNames);
                    boundValues(
                            document,
                            names.get(ordinal),
                            vocabulary,
                            birthDates == null ? null : birthDates.get(ordinal),
                            nationalities == null ? null : nationalities.get(ordinal));
                    writer.addDocument(document);
                }
                writer.forceMerge(1);
                writer.commit();
            }
            Directory vocabularyDirectory = new MMapDirectory(folder.resolve("vocabulary"));
            try (IndexWriter writer = new IndexWriter(vocabularyDirectory, writerConfig(false))) {
                for (int t = 0; t < vocabulary.tokenCount(); t++) {
                    Document document = new Document();
                    tokenKeys(document, new LinkedHashSet<>(), vocabulary.token(t), givenNames);
                    document.add(new NumericDocValuesField(VOCABULARY_ID, t));
                    writer.addDocument(document);
                }
                for (int p = 0; p < vocabulary.pairCount(); p++) {
                    Document document = new Document();
                    document.add(new StringField(JOINED, vocabulary.pairKey(p), Field.Store.NO));
                    // The pair's Korean syllables written as one (Chung Hee against Jeonghui), as Orderly's pairs are
                    // keyed.
                    KoreanSpellings.Spelling korean = NameComparator.joinedKoreanSpelling(
                            vocabulary.token(vocabulary.pairFirst(p)), vocabulary.token(vocabulary.pairSecond(p)));
                    if (korean != null) {
                        Set<String> seen = new LinkedHashSet<>();
                        for (String key : korean.keys()) {
                            add(document, seen, READING, key);
                        }
                    }
                    document.add(new NumericDocValuesField(VOCABULARY_ID, vocabulary.tokenCount() + p));
                    writer.addDocument(document);
                }
                writer.forceMerge(1);
                writer.commit();
            }
            return new LuceneCandidates(
                    folder, directory, DirectoryReader.open(directory), givenNames, vocabulary, vocabularyDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the Lucene index in " + folder, e);
        }
    }

    private static IndexWriterConfig writerConfig(boolean sortedByClass) {
        IndexWriterConfig config = new IndexWriterConfig()
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                .setRAMBufferSizeMB(256)
                .setUseCompoundFile(false)
                // Merges on the building thread, so that its CPU time is the whole cost of the build.
                .setMergeScheduler(new SerialMergeScheduler());
        if (sortedByClass) {
            // The names of one class are a range of doc ids: the bound reads, per class, only the query words it needs.
            config.setIndexSort(new Sort(new SortField(CLASS, SortField.Type.INT)));
        }
        return config;
    }

    private static Document document(NameFeatures name, int ordinal, GivenNameVariants givenNames) {
        Document document = new Document();
        List<TokenFeatures> tokens = name.tokens();
        Set<String> seen = new LinkedHashSet<>();
        for (TokenFeatures token : tokens) {
            tokenKeys(document, seen, token, givenNames);
        }
        for (String joined : joinedKeys(tokens)) {
            add(document, seen, JOINED, joined);
        }
        document.add(new NumericDocValuesField(ORDINAL, ordinal));
        return document;
    }

    /** The look-up keys of one token: text, variant, first letter, skeleton and sound codes, the other rules' keys. */
    private static void tokenKeys(
            Document document, Set<String> seen, TokenFeatures token, GivenNameVariants givenNames) {
        add(document, seen, TEXT, token.text());
        add(document, seen, VARIANT, token.variant());
        add(document, seen, FIRST_LETTER, token.text().substring(0, 1));
        if (!token.particle() && token.text().length() >= SHORTEST_FUZZY_WORD) {
            if (token.skeleton().length() >= 2) {
                add(document, seen, SKELETON, token.skeleton());
            }
            if (token.phonetic().length() >= 2) {
                add(document, seen, PHONETIC, token.phonetic());
            }
            if (token.phoneticAlternate().length() >= 2) {
                add(document, seen, PHONETIC, token.phoneticAlternate());
            }
        }
        if (!token.particle() && !token.initial()) {
            for (String key : otherKeys(token, givenNames)) {
                add(document, seen, key.substring(0, key.indexOf(':')), key.substring(key.indexOf(':') + 1));
            }
        }
    }

    /**
     * What the per-name bound reads of a listed name, as Orderly's postings carry it: its tokens (the first
     * {@link NameComparator#MAX_TOKENS}, as vocabulary ids and as terms), its weight, its class, and its person's
     * birth date, nationality and Han or Hangul characters.
     */
    private static void boundValues(
            Document document, NameFeatures name, Vocabulary vocabulary, BirthDate birthDate, String nationality) {
        List<TokenFeatures> tokens = name.tokens();
        double weight = 0;
        int posted = 0;
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < tokens.size() && i < NameComparator.MAX_TOKENS; i++) {
            TokenFeatures token = tokens.get(i);
            weight += token.weight();
            posted += token.particle() ? 0 : 1;
            add(document, seen, TOKEN, Vocabulary.key(token));
            document.add(new SortedNumericDocValuesField(TOKENS, vocabulary.id(token)));
        }
        int nameClass = Math.min(4, posted);
        document.add(new NumericDocValuesField(WEIGHT, Float.floatToIntBits((float) weight)));
        document.add(new NumericDocValuesField(CLASS, nameClass));
        document.add(new StringField(CLASS_TERM, Integer.toString(nameClass), Field.Store.NO));
        if (birthDate != null) {
            document.add(new NumericDocValuesField(
                    BIRTH, birthDate.year() * 10_000L + birthDate.month() * 100L + birthDate.day()));
        }
        if (nationality != null) {
            document.add(new SortedDocValuesField(NATIONALITY, new BytesRef(nationality)));
        }
        if (name.characters() != null) {
            document.add(new BinaryDocValuesField(CHARACTERS, new BytesRef(name.characters())));
        }
    }

    /** Keys of the rules that are not spelling look-ups: stems, romanisation readings, hypocorism groups ("field:value"). */
    private static List<String> otherKeys(TokenFeatures token, GivenNameVariants givenNames) {
        List<String> keys = new ArrayList<>();
        for (String stem : InflectedForms.keys(token.text())) {
            keys.add(STEM + ":" + stem);
        }
        for (String reading : Romanisations.keys(token.text(), token.romanisation())) {
            keys.add(READING + ":" + reading);
        }
        for (int group : givenNames.groups(token.text())) {
            keys.add(GROUP + ":" + group);
        }
        return keys;
    }

    private static void add(Document document, Set<String> seen, String field, String value) {
        if (!value.isEmpty() && seen.add(field + '\u0000' + value)) {
            document.add(new StringField(field, value, Field.Store.NO));
        }
    }

    /**
     * Keys of two parts written as one, as the comparator forms them: a word with the next word after any particles
     * ("abd al rahman"), and two adjacent words.
     */
    private static Set<String> joinedKeys(List<TokenFeatures> tokens) {
        Set<String> keys = new LinkedHashSet<>();
        for (int i = 0; i + 1 < tokens.size(); i++) {
            TokenFeatures first = tokens.get(i);
            if (first.particle()) {
                continue;
            }
            int next = i + 1;
            while (next < tokens.size() && tokens.get(next).particle()) {
                next++;
            }
            if (next < tokens.size()) {
                keys.add(NameComparator.joinedKey(first, tokens.get(next)));
            }
            if (!tokens.get(i + 1).particle()) {
                keys.add(NameComparator.joinedKey(first, tokens.get(i + 1)));
            }
        }
        return keys;
    }

    /** The boolean query of a name: one optional clause per key a listed name could share with it. */
    Query query(NameFeatures name, boolean scoring) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (TokenFeatures token : name.tokens()) {
            for (Query clause : clauses(token, scoring, true)) {
                query.add(clause, BooleanClause.Occur.SHOULD);
            }
        }
        for (String joined : joinedKeys(name.tokens())) {
            query.add(joinedFuzzy(VARIANT, joined, scoring), BooleanClause.Occur.SHOULD);
            query.add(joinedFuzzy(JOINED, joined, scoring), BooleanClause.Occur.SHOULD);
        }
        return query.build();
    }

    /** The clauses by which a listed name can have a token the comparator aligns with this query token. */
    private List<Query> clauses(TokenFeatures token, boolean scoring, boolean twoLetters) {
        List<Query> clauses = new ArrayList<>();
        if (token.initial()) {
            // An initial stands for any word starting with it, and matches a listed initial.
            clauses.add(term(FIRST_LETTER, token.text()));
            return clauses;
        }
        clauses.add(
                twoLetters
                        ? fuzzy(TEXT, token.text(), scoring)
                        : fuzzy(
                                TEXT,
                                token.text(),
                                NameComparator.typoEdits(token.text().length()),
                                scoring));
        clauses.add(fuzzy(VARIANT, token.variant(), scoring));
        clauses.add(term(TEXT, token.text().substring(0, 1)));
        if (!token.particle() && token.text().length() >= SHORTEST_FUZZY_WORD) {
            if (token.skeleton().length() >= 2) {
                clauses.add(term(SKELETON, token.skeleton()));
            }
            for (String code : new String[] {token.phonetic(), token.phoneticAlternate()}) {
                if (code.length() >= 2) {
                    clauses.add(term(PHONETIC, code));
                }
            }
        }
        if (!token.particle()) {
            clauses.add(joinedFuzzy(JOINED, token.variant(), scoring));
            for (String key : otherKeys(token, givenNames)) {
                clauses.add(term(key.substring(0, key.indexOf(':')), key.substring(key.indexOf(':') + 1)));
            }
        }
        return clauses;
    }

    /**
     * The same clauses with a score bound, as Orderly's index bounds names: each query word's clauses are one
     * disjunction scoring 1 whichever of them match (its maximum), two query words joined score 2, initials and
     * particles 0; a name's score is then at least the number of query words it can match one to one, and a collector
     * that sets {@code minCompetitiveScore} to {@link CandidateIndex#fewestWordsMatched} lets Lucene's WAND skip every
     * name that cannot reach the comparator's threshold.
     */
    Query boundedQuery(NameFeatures name) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (TokenFeatures token : name.tokens()) {
            List<Query> clauses = new ArrayList<>();
            for (Query clause : clauses(token, false, true)) {
                clauses.add(new ConstantScoreQuery(clause));
            }
            float maximum = token.particle() || token.initial() ? 0f : 1f;
            query.add(new BoostQuery(new DisjunctionMaxQuery(clauses, 0f), maximum), BooleanClause.Occur.SHOULD);
        }
        List<Query> joined = new ArrayList<>();
        for (String key : joinedKeys(name.tokens())) {
            joined.add(new ConstantScoreQuery(joinedFuzzy(VARIANT, key, false)));
            joined.add(new ConstantScoreQuery(joinedFuzzy(JOINED, key, false)));
        }
        if (!joined.isEmpty()) {
            query.add(new BoostQuery(new DisjunctionMaxQuery(joined, 0f), 2f), BooleanClause.Occur.SHOULD);
        }
        return query.build();
    }

    /**
     * Ordinals of the listed names that match at least {@code words} of the query's words (by the bound of
     * {@link #boundedQuery}); every name when {@code words} is 0.
     */
    int[] boundedCandidates(NameFeatures name, int words) {
        if (words <= 0) {
            return candidates(name);
        }
        try {
            return searcher.search(boundedQuery(name), new AllOrdinals(ORDINAL, words - 0.5f));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Ordinals of the listed names whose score against this person (birth date and alpha-3 nationality may be null)
     * can reach {@code threshold} by Orderly's per-name bound ({@link NameBoundQuery}), the collector setting the
     * threshold as Lucene's minimum competitive score.
     */
    int[] nameBoundCandidates(NameFeatures name, BirthDate birthDate, String nationality, double threshold) {
        try {
            return search(nameBoundQuery(name, birthDate, nationality), threshold);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ordinals of the listed names whose per-name bound reaches {@code threshold} (the minimum competitive score). */
    int[] search(NameBoundQuery query, double threshold) throws IOException {
        return searcher.search(query, new AllOrdinals(ORDINAL, (float) (threshold - 1e-6)));
    }

    /**
     * The query of the per-name bound: each query token is looked up in the vocabulary index by the same clauses as
     * {@link #query}, each listed token found is credited with the comparator's similarity (and each listed pair or
     * word found through parts written as one with the compound similarity, as Orderly's index credits them), and the
     * query's shape is kept for {@link org.orderly.screening.index.ScoreBound}.
     */
    NameBoundQuery nameBoundQuery(NameFeatures name, BirthDate birthDate, String nationality) throws IOException {
        List<TokenFeatures> all =
                name.tokens().subList(0, Math.min(name.tokens().size(), NameComparator.MAX_TOKENS));
        int words = 0;
        int particles = 0;
        double weight = 0;
        List<TokenFeatures> initials = new ArrayList<>();
        for (TokenFeatures token : all) {
            weight += token.weight();
            if (token.particle()) {
                particles++;
            } else if (token.initial()) {
                initials.add(token);
            } else {
                words++;
            }
        }
        // Two letters wrong count only where every other part of both names agrees exactly (MatchKind.TWO_LETTERS): the
        // look-up two letters deep is needed only if every other query token is listed as spelled, as Orderly's index
        // reasons.
        int unlisted = 0;
        for (TokenFeatures token : all) {
            unlisted += vocabulary.listed(token) ? 0 : 1;
        }
        links.start(words);
        int word = 0;
        for (int i = 0; i < all.size(); i++) {
            TokenFeatures token = all.get(i);
            List<Query> clauses = token.initial()
                    ? List.of(joinedFuzzy(JOINED, token.variant(), false)) // its first letter: credited per name
                    : clauses(token, false, unlisted == 0 || unlisted == 1 && !vocabulary.listed(token));
            for (int id : vocabularyIds(clauses)) {
                if (id < vocabulary.tokenCount()) {
                    TokenFeatures listed = vocabulary.token(id);
                    double similarity = linkFactor * similarity(token, listed, givenNames);
                    if (similarity > 0) {
                        links.raise(
                                id,
                                similarity * (token.weight() + listed.weight()),
                                similarity * token.weight(),
                                similarity * listed.weight());
                        if (!token.particle() && !token.initial()) {
                            links.linkWord(word, id);
                        }
                    }
                } else if (!token.particle()) {
                    // A query part against a listed pair written as one: half the part to each listed word.
                    int pair = id - vocabulary.tokenCount();
                    creditPair(
                            pair,
                            Math.max(
                                    NameComparator.compoundSimilarity(token.variant(), vocabulary.pairKey(pair)),
                                    NameComparator.koreanCompoundSimilarity(
                                            vocabulary.token(vocabulary.pairFirst(pair)),
                                            vocabulary.token(vocabulary.pairSecond(pair)),
                                            token)),
                            0.5);
                }
            }
            if (!token.particle() && !token.initial()) {
                word++;
            }
            if (token.particle()) {
                continue;
            }
            int next = i + 1;
            while (next < all.size() && all.get(next).particle()) {
                next++;
            }
            if (next < all.size()) {
                // Two query parts written as one, against a listed word or a listed pair.
                String joined = NameComparator.joinedKey(token, all.get(next));
                List<Query> joinedClauses = new ArrayList<>(
                        List.of(joinedFuzzy(VARIANT, joined, false), joinedFuzzy(JOINED, joined, false)));
                // Their Korean syllables written as one against a listed word (Jeonghui against Chung Hee).
                KoreanSpellings.Spelling korean = NameComparator.joinedKoreanSpelling(token, all.get(next));
                if (korean != null) {
                    for (String key : korean.keys()) {
                        joinedClauses.add(term(READING, key));
                    }
                }
                for (int id : vocabularyIds(joinedClauses)) {
                    if (id < vocabulary.tokenCount()) {
                        TokenFeatures listed = vocabulary.token(id);
                        double similarity = linkFactor
                                * Math.max(
                                        NameComparator.compoundSimilarity(joined, listed.variant()),
                                        NameComparator.koreanCompoundSimilarity(token, all.get(next), listed));
                        if (similarity > 0) {
                            links.raise(
                                    id,
                                    similarity * (2 + listed.weight()),
                                    2 * similarity,
                                    similarity * listed.weight());
                            links.readToken(id);
                        }
                    } else {
                        int pair = id - vocabulary.tokenCount();
                        creditPair(pair, NameComparator.compoundSimilarity(joined, vocabulary.pairKey(pair)), 1);
                    }
                }
            }
        }
        double maxAdjustment =
                (birthDate == null ? 0 : birthDate.full() ? MatchRules.SAME_BIRTH_DATE : MatchRules.SAME_BIRTH_YEAR)
                        + (nationality == null ? 0 : MatchRules.SAME_NATIONALITY);
        return new NameBoundQuery(
                links,
                new NameBoundQuery.Shape(
                        words,
                        initials,
                        particles,
                        weight,
                        maxAdjustment,
                        birthDate,
                        nationality,
                        name.characters(),
                        linkFactor));
    }

    /** Credits both words of a listed pair with their share of a unit written as one, and reads the pair's names. */
    private void creditPair(int pair, double compoundSimilarity, double queryShare) {
        double similarity = linkFactor * compoundSimilarity;
        if (similarity <= 0) {
            return;
        }
        for (int id : new int[] {vocabulary.pairFirst(pair), vocabulary.pairSecond(pair)}) {
            double listed = vocabulary.token(id).weight();
            links.raise(id, similarity * (queryShare + listed), similarity * queryShare, similarity * listed);
        }
        links.readPair(pair);
    }

    /** The vocabulary ids (listed tokens, then listed pairs) of the vocabulary documents matching any clause. */
    private int[] vocabularyIds(List<Query> clauses) throws IOException {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (Query clause : clauses) {
            query.add(clause, BooleanClause.Occur.SHOULD);
        }
        return vocabularySearcher.search(query.build(), new AllOrdinals(VOCABULARY_ID, Float.NaN));
    }

    /**
     * The comparator's token similarity, in the larger of both orders (the comparator aligns in a canonical order of
     * the two names), as Orderly's index takes it.
     */
    static double similarity(TokenFeatures query, TokenFeatures listed, GivenNameVariants givenNames) {
        return Math.max(
                NameComparator.tokenSimilarity(query, listed, givenNames),
                NameComparator.tokenSimilarity(listed, query, givenNames));
    }

    /** Lowers every link of the per-name bound by this factor: only to show that a bound lowered is caught. */
    void lowerLinks(double factor) {
        linkFactor = factor;
    }

    private static Query term(String field, String value) {
        return new TermQuery(new Term(field, value));
    }

    /**
     * Words within the comparator's typo bound of the query word (Damerau-Levenshtein, transpositions as one edit).
     * The bound is taken on the query word's length, at least the bound on the shorter of the two the comparator uses.
     */
    private static Query fuzzy(String field, String value, boolean scoring) {
        // Two letters wrong count from six letters on, when the rest of the name agrees (MatchKind.TWO_LETTERS).
        int edits = field.equals(TEXT) && value.length() >= MatchRules.TWO_LETTERS_MIN_LENGTH
                ? 2
                : NameComparator.typoEdits(value.length());
        return fuzzy(field, value, edits, scoring);
    }

    /** Parts written as one match one edit apart once both have four letters. */
    private static Query joinedFuzzy(String field, String value, boolean scoring) {
        return fuzzy(field, value, value.length() >= SHORTEST_FUZZY_WORD ? 1 : 0, scoring);
    }

    private static Query fuzzy(String field, String value, int edits, boolean scoring) {
        if (edits == 0) {
            return term(field, value);
        }
        Term term = new Term(field, value);
        // Collecting every candidate needs every expansion: the default rewrite keeps the 50 most frequent terms.
        return scoring
                ? new FuzzyQuery(term, edits, 0, FuzzyQuery.defaultMaxExpansions, true)
                : new FuzzyQuery(
                        term,
                        edits,
                        0,
                        FuzzyQuery.defaultMaxExpansions,
                        true,
                        MultiTermQuery.CONSTANT_SCORE_BLENDED_REWRITE);
    }

    /** Ordinals of every listed name matching at least one clause (no scoring, no cut). */
    int[] candidates(NameFeatures name) {
        try {
            return searcher.search(query(name, false), new AllOrdinals(ORDINAL, Float.NaN));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Ordinals of the best {@code count} listed names by Lucene's own ranking (BM25 over the matching keys, fuzzy
     * queries with their default top-50-terms rewrite): what a Lucene user who keeps the first page gets.
     */
    int[] topCandidates(NameFeatures name, int count) {
        try {
            ScoreDoc[] top = searcher.search(query(name, true), count).scoreDocs;
            List<LeafReaderContext> leaves = reader.leaves();
            int[] ordinals = new int[top.length];
            for (int i = 0; i < top.length; i++) {
                LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(top[i].doc, leaves));
                NumericDocValues values = leaf.reader().getNumericDocValues(ORDINAL);
                values.advanceExact(top[i].doc - leaf.docBase);
                ordinals[i] = (int) values.longValue();
            }
            return ordinals;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Bytes of the index files on disk (read through memory mapping, outside the Java heap). */
    long sizeOnDisk() {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(file -> file.toFile().length())
                    .sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            reader.close();
            directory.close();
            vocabularySearcher.getIndexReader().close();
            vocabularyDirectory.close();
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the Lucene index in " + folder, e);
        }
    }

    /** Collects the ordinal of every matching document. */
    private static final class AllOrdinals implements CollectorManager<AllOrdinals.Collector, int[]> {
        /** The doc values field holding the ordinal. */
        private final String field;
        /** The score a name needs to be collected (NaN: every match, unscored). */
        private final float minimum;

        AllOrdinals(String field, float minimum) {
            this.field = field;
            this.minimum = minimum;
        }

        @Override
        public Collector newCollector() {
            return new Collector(field, minimum);
        }

        @Override
        public int[] reduce(java.util.Collection<Collector> collectors) {
            int total = 0;
            for (Collector collector : collectors) {
                total += collector.count;
            }
            int[] all = new int[total];
            int at = 0;
            for (Collector collector : collectors) {
                System.arraycopy(collector.ordinals, 0, all, at, collector.count);
                at += collector.count;
            }
            return all;
        }

        private static final class Collector extends SimpleCollector {
            private final String field;
            private final float minimum;
            private int[] ordinals = new int[64];
            private int count;
            private NumericDocValues values;
            private Scorable scorer;

            Collector(String field, float minimum) {
                this.field = field;
                this.minimum = minimum;
            }

            @Override
            public void setScorer(Scorable scorer) throws IOException {
                this.scorer = scorer;
                if (!Float.isNaN(minimum)) {
                    scorer.setMinCompetitiveScore(minimum); // names below it are skipped, not scored
                }
            }

            @Override
            protected void doSetNextReader(LeafReaderContext context) throws IOException {
                values = context.reader().getNumericDocValues(field);
            }

            @Override
            public void collect(int doc) throws IOException {
                if (!Float.isNaN(minimum) && scorer.score() < minimum) {
                    return;
                }
                values.advanceExact(doc);
                if (count == ordinals.length) {
                    ordinals = Arrays.copyOf(ordinals, count * 2);
                }
                ordinals[count++] = (int) values.longValue();
            }

            @Override
            public ScoreMode scoreMode() {
                return Float.isNaN(minimum) ? ScoreMode.COMPLETE_NO_SCORES : ScoreMode.TOP_SCORES;
            }
        }
    }
}
