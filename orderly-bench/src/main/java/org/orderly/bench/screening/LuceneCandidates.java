package org.orderly.bench.screening;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.MMapDirectory;
import org.orderly.screening.compare.NameComparator;
import org.orderly.screening.compare.NameFeatures;
import org.orderly.screening.compare.TokenFeatures;

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
    private static final String ORDINAL = "ordinal";
    /** Words shorter than this are accepted only exactly or by variant key: no skeleton, phonetic or joined typo. */
    private static final int SHORTEST_FUZZY_WORD = 4;

    private final Path folder;
    private final Directory directory;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;

    private LuceneCandidates(Path folder, Directory directory, DirectoryReader reader) {
        this.folder = folder;
        this.directory = directory;
        this.reader = reader;
        this.searcher = new IndexSearcher(reader);
    }

    /** Indexes the names (ordinal = position in the list) in a new folder, merged into one segment. */
    static LuceneCandidates build(List<NameFeatures> names, Path folder) {
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
                    writer.addDocument(document(names.get(ordinal), ordinal));
                }
                writer.forceMerge(1);
                writer.commit();
            }
            return new LuceneCandidates(folder, directory, DirectoryReader.open(directory));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the Lucene index in " + folder, e);
        }
    }

    private static Document document(NameFeatures name, int ordinal) {
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
        }
        for (String joined : joinedKeys(tokens)) {
            add(document, seen, JOINED, joined);
        }
        document.add(new NumericDocValuesField(ORDINAL, ordinal));
        return document;
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
            if (token.initial()) {
                // An initial stands for any word starting with it, and matches a listed initial.
                query.add(term(FIRST_LETTER, token.text()), BooleanClause.Occur.SHOULD);
                continue;
            }
            query.add(fuzzy(TEXT, token.text(), scoring), BooleanClause.Occur.SHOULD);
            query.add(fuzzy(VARIANT, token.variant(), scoring), BooleanClause.Occur.SHOULD);
            query.add(term(TEXT, token.text().substring(0, 1)), BooleanClause.Occur.SHOULD);
            if (!token.particle() && token.text().length() >= SHORTEST_FUZZY_WORD) {
                if (token.skeleton().length() >= 2) {
                    query.add(term(SKELETON, token.skeleton()), BooleanClause.Occur.SHOULD);
                }
                for (String code : new String[] {token.phonetic(), token.phoneticAlternate()}) {
                    if (code.length() >= 2) {
                        query.add(term(PHONETIC, code), BooleanClause.Occur.SHOULD);
                    }
                }
            }
            if (!token.particle()) {
                query.add(joinedFuzzy(JOINED, token.variant(), scoring), BooleanClause.Occur.SHOULD);
            }
        }
        for (String joined : joinedKeys(name.tokens())) {
            query.add(joinedFuzzy(VARIANT, joined, scoring), BooleanClause.Occur.SHOULD);
            query.add(joinedFuzzy(JOINED, joined, scoring), BooleanClause.Occur.SHOULD);
        }
        return query.build();
    }

    private static Query term(String field, String value) {
        return new TermQuery(new Term(field, value));
    }

    /**
     * Words within the comparator's typo bound of the query word (Damerau-Levenshtein, transpositions as one edit).
     * The bound is taken on the query word's length, at least the bound on the shorter of the two the comparator uses.
     */
    private static Query fuzzy(String field, String value, boolean scoring) {
        return fuzzy(field, value, NameComparator.typoEdits(value.length()), scoring);
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
        return scoring ? new FuzzyQuery(term, edits, 0, FuzzyQuery.defaultMaxExpansions, true)
                : new FuzzyQuery(term, edits, 0, FuzzyQuery.defaultMaxExpansions, true,
                MultiTermQuery.CONSTANT_SCORE_BLENDED_REWRITE);
    }

    /** Ordinals of every listed name matching at least one clause (no scoring, no cut). */
    int[] candidates(NameFeatures name) {
        try {
            return searcher.search(query(name, false), new AllOrdinals());
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
        @Override
        public Collector newCollector() {
            return new Collector();
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
            private int[] ordinals = new int[64];
            private int count;
            private NumericDocValues values;

            @Override
            protected void doSetNextReader(LeafReaderContext context) throws IOException {
                values = context.reader().getNumericDocValues(ORDINAL);
            }

            @Override
            public void collect(int doc) throws IOException {
                values.advanceExact(doc);
                if (count == ordinals.length) {
                    ordinals = Arrays.copyOf(ordinals, count * 2);
                }
                ordinals[count++] = (int) values.longValue();
            }

            @Override
            public ScoreMode scoreMode() {
                return ScoreMode.COMPLETE_NO_SCORES;
            }
        }
    }
}
