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
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
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
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.MMapDirectory;
import org.orderly.screening.compare.GivenNameVariants;
import org.orderly.screening.compare.InflectedForms;
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
 */
final class LuceneCandidates implements AutoCloseable {
    private static final String TEXT = "text";
    private static final String VARIANT = "variant";
    private static final String SKELETON = "skeleton";
    private static final String PHONETIC = "phonetic";
    private static final String FIRST_LETTER = "first";
    private static final String JOINED = "joined";
    /** Stems of grammatical forms, romanisation readings, hypocorism groups ({@code InflectedForms}, {@code Romanisations}). */
    private static final String STEM = "stem";

    private static final String READING = "reading";
    private static final String GROUP = "group";
    private static final String ORDINAL = "ordinal";
    /** Words shorter than this are accepted only exactly or by variant key: no skeleton, phonetic or joined typo. */
    private static final int SHORTEST_FUZZY_WORD = 4;

    private final Path folder;
    private final Directory directory;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final GivenNameVariants givenNames;

    private LuceneCandidates(Path folder, Directory directory, DirectoryReader reader, GivenNameVariants givenNames) {
        this.folder = folder;
        this.directory = directory;
        this.reader = reader;
        this.searcher = new IndexSearcher(reader);
        this.givenNames = givenNames;
    }

    /** Indexes the names for the default comparator's hypocorism list. */
    static LuceneCandidates build(List<NameFeatures> names, Path folder) {
        return build(names, folder, GivenNameVariants.BUILT_IN);
    }

    /** Indexes the names (ordinal = position in the list) in a new folder, merged into one segment. */
    static LuceneCandidates build(List<NameFeatures> names, Path folder, GivenNameVariants givenNames) {
        try {
            Directory directory = new MMapDirectory(folder);
            IndexWriterConfig config = new IndexWriterConfig()
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                    .setRAMBufferSizeMB(256)
                    .setUseCompoundFile(false)
                    // Merges on the building thread, so that its CPU time is the whole cost of the build.
                    .setMergeScheduler(new SerialMergeScheduler());
            try (IndexWriter writer = new IndexWriter(directory, config)) {
                for (int ordinal = 0; ordinal < names.size(); ordinal++) {
                    writer.addDocument(document(names.get(ordinal), ordinal, givenNames));
                }
                writer.forceMerge(1);
                writer.commit();
            }
            return new LuceneCandidates(folder, directory, DirectoryReader.open(directory), givenNames);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the Lucene index in " + folder, e);
        }
    }

    private static Document document(NameFeatures name, int ordinal, GivenNameVariants givenNames) {
        Document document = new Document();
        List<TokenFeatures> tokens = name.tokens();
        Set<String> seen = new LinkedHashSet<>();
        for (TokenFeatures token : tokens) {
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
        for (String joined : joinedKeys(tokens)) {
            add(document, seen, JOINED, joined);
        }
        document.add(new NumericDocValuesField(ORDINAL, ordinal));
        return document;
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
            for (Query clause : clauses(token, scoring)) {
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
    private List<Query> clauses(TokenFeatures token, boolean scoring) {
        List<Query> clauses = new ArrayList<>();
        if (token.initial()) {
            // An initial stands for any word starting with it, and matches a listed initial.
            clauses.add(term(FIRST_LETTER, token.text()));
            return clauses;
        }
        clauses.add(fuzzy(TEXT, token.text(), scoring));
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
            for (Query clause : clauses(token, false)) {
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
            return searcher.search(boundedQuery(name), new AllOrdinals(words - 0.5f));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
            return searcher.search(query(name, false), new AllOrdinals(Float.NaN));
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
        try (Stream<Path> files = Files.list(folder)) {
            return files.mapToLong(file -> file.toFile().length()).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            reader.close();
            directory.close();
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
        /** The score a name needs to be collected (NaN: every match, unscored). */
        private final float minimum;

        AllOrdinals(float minimum) {
            this.minimum = minimum;
        }

        @Override
        public Collector newCollector() {
            return new Collector(minimum);
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
            private final float minimum;
            private int[] ordinals = new int[64];
            private int count;
            private NumericDocValues values;
            private Scorable scorer;

            Collector(float minimum) {
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
                values = context.reader().getNumericDocValues(ORDINAL);
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
