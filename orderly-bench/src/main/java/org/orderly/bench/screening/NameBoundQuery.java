package org.orderly.bench.screening;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.DocIdSetBuilder;
import org.orderly.screening.compare.BirthDate;
import org.orderly.screening.compare.GivenNameVariants;
import org.orderly.screening.compare.NameComparator;
import org.orderly.screening.compare.TokenFeatures;
import org.orderly.screening.index.ScoreBound;

/**
 * Orderly's per-name score bound as a Lucene query, built as a Lucene user would: the score of a listed name is an
 * upper bound of the comparator's score against the query, computed from the values the document stores (its tokens
 * as vocabulary numbers, its weight, its person's birth date, nationality and Han or Hangul characters) and from the
 * per-query link table ({@link Links}: each listed token's best contribution with any query token, the rules' own
 * similarities), by Orderly's own {@link ScoreBound#bound}; the collector's {@code setMinCompetitiveScore(threshold)}
 * then decides which postings are read at all. Documents are sorted by the name's class (how many words and initials
 * it has), and for each class {@link ScoreBound#wordsToRead} says how many of the query's cheapest words a name of
 * that class must match for its score to possibly reach the minimum: only those words' postings are read in that
 * class's range of doc ids (the pigeonhole reading of Orderly's index), with those of the listed pairs and words linked
 * through parts written as one, and every name read is scored by the bound; names below the minimum are never
 * collected.
 */
final class NameBoundQuery extends Query {
    private final Links links;
    private final Shape shape;

    /** What the bound needs to know of the query, besides the links. */
    record Shape(
            int words,
            List<TokenFeatures> initials,
            int particles,
            double weight,
            double maxAdjustment,
            BirthDate birthDate,
            String nationality,
            String characters,
            double linkFactor) {}

    NameBoundQuery(Links links, Shape shape) {
        this.links = links;
        this.shape = shape;
    }

    /**
     * Per query, each listed token's best contribution with any query token (to the matched weight of both names, of
     * the query's side, of the name's side), which of them each query word links one to one, and the listed pairs and
     * words linked through parts written as one. Filled by {@link LuceneCandidates} from its vocabulary index; reused
     * from query to query (one at a time).
     */
    static final class Links {
        final Vocabulary vocabulary;
        final GivenNameVariants givenNames;
        private final int[] stamp;
        private final double[] pair;
        private final double[] ofQuery;
        private final double[] ofName;
        private final int[] initialStamp;
        private final double[] initialPair;
        private final double[] initialQuery;
        private final double[] initialName;
        private int current;
        private int[][] wordLinks = new int[0][];
        private int[] wordLinkCounts = new int[0];
        private int[] pairsRead = new int[8];
        private int pairsReadCount;
        private int[] tokensRead = new int[8];
        private int tokensReadCount;

        Links(Vocabulary vocabulary, GivenNameVariants givenNames) {
            this.vocabulary = vocabulary;
            this.givenNames = givenNames;
            int size = vocabulary.tokenCount();
            stamp = new int[size];
            pair = new double[size];
            ofQuery = new double[size];
            ofName = new double[size];
            initialStamp = new int[size];
            initialPair = new double[size];
            initialQuery = new double[size];
            initialName = new double[size];
        }

        void start(int words) {
            current++;
            wordLinks = new int[words][8];
            wordLinkCounts = new int[words];
            pairsReadCount = 0;
            tokensReadCount = 0;
        }

        /** Raises the token's best contributions to at least these. */
        void raise(int token, double pairCredit, double queryCredit, double nameCredit) {
            if (stamp[token] != current) {
                stamp[token] = current;
                pair[token] = 0;
                ofQuery[token] = 0;
                ofName[token] = 0;
            }
            pair[token] = Math.max(pair[token], pairCredit);
            ofQuery[token] = Math.max(ofQuery[token], queryCredit);
            ofName[token] = Math.max(ofName[token], nameCredit);
        }

        /** Query word {@code word} links this listed token one to one. */
        void linkWord(int word, int token) {
            if (wordLinkCounts[word] == wordLinks[word].length) {
                wordLinks[word] = Arrays.copyOf(wordLinks[word], wordLinkCounts[word] * 2);
            }
            wordLinks[word][wordLinkCounts[word]++] = token;
        }

        /** The names with this listed pair are read whatever their class (parts written as one). */
        void readPair(int listedPair) {
            if (pairsReadCount == pairsRead.length) {
                pairsRead = Arrays.copyOf(pairsRead, pairsReadCount * 2);
            }
            pairsRead[pairsReadCount++] = listedPair;
        }

        /** The names with this listed token are read whatever their class (two query parts written as one). */
        void readToken(int token) {
            if (tokensReadCount == tokensRead.length) {
                tokensRead = Arrays.copyOf(tokensRead, tokensReadCount * 2);
            }
            tokensRead[tokensReadCount++] = token;
        }
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
        return new Weight(this) {
            @Override
            public Explanation explain(LeafReaderContext context, int doc) {
                return Explanation.noMatch("the per-name bound explains no documents");
            }

            @Override
            public Scorer scorer(LeafReaderContext context) throws IOException {
                return new BoundScorer(this, context.reader());
            }

            @Override
            public boolean isCacheable(LeafReaderContext ctx) {
                return false; // a new link table per query
            }
        };
    }

    /** Reads the postings the bound needs, lazily (once the minimum score is known), and scores each name read. */
    private final class BoundScorer extends Scorer {
        private final LeafReader leaf;
        private final SortedNumericDocValues tokens;
        private final NumericDocValues weights;
        private final NumericDocValues births;
        private final SortedDocValues nationalities;
        private final BinaryDocValues characters;
        /** Doc ids of class c are [classStart[c], classStart[c + 1]). */
        private final int[] classStart = new int[6];

        private final DocIdSetIterator approximation;
        private final TwoPhaseIterator twoPhase;
        private DocIdSetIterator read;
        private float minimum = Float.NEGATIVE_INFINITY;
        private double score;

        BoundScorer(Weight weight, LeafReader leaf) throws IOException {
            super(weight);
            this.leaf = leaf;
            this.tokens = leaf.getSortedNumericDocValues(LuceneCandidates.TOKENS);
            this.weights = leaf.getNumericDocValues(LuceneCandidates.WEIGHT);
            // Null when no listed person of the segment has the value.
            this.births = leaf.getNumericDocValues(LuceneCandidates.BIRTH);
            this.nationalities = leaf.getSortedDocValues(LuceneCandidates.NATIONALITY);
            this.characters = leaf.getBinaryDocValues(LuceneCandidates.CHARACTERS);
            for (int c = 0; c <= 4; c++) {
                classStart[c + 1] =
                        classStart[c] + leaf.docFreq(new Term(LuceneCandidates.CLASS_TERM, Integer.toString(c)));
            }
            this.approximation = new DocIdSetIterator() {
                private int doc = -1;

                @Override
                public int docID() {
                    return doc;
                }

                @Override
                public int nextDoc() throws IOException {
                    return doc = reading().nextDoc();
                }

                @Override
                public int advance(int target) throws IOException {
                    return doc = reading().advance(target);
                }

                @Override
                public long cost() {
                    return leaf.maxDoc();
                }
            };
            this.twoPhase = new TwoPhaseIterator(approximation) {
                @Override
                public boolean matches() throws IOException {
                    score = bound(approximation.docID());
                    return score >= minimum;
                }

                @Override
                public float matchCost() {
                    return 50;
                }
            };
        }

        @Override
        public void setMinCompetitiveScore(float minScore) {
            minimum = Math.max(minimum, minScore);
        }

        @Override
        public int docID() {
            return approximation.docID();
        }

        @Override
        public DocIdSetIterator iterator() {
            return TwoPhaseIterator.asDocIdSetIterator(twoPhase);
        }

        @Override
        public TwoPhaseIterator twoPhaseIterator() {
            return twoPhase;
        }

        @Override
        public float getMaxScore(int upTo) {
            return Float.MAX_VALUE; // names without words are kept whatever the query, as Orderly's index keeps them
        }

        @Override
        public float score() {
            // Rounded up: the collector compares floats, the bound must stay an upper bound.
            return score >= Float.MAX_VALUE ? Float.MAX_VALUE : Math.nextUp((float) score);
        }

        /** The names whose score can reach the minimum, read on first use (the collector has set the minimum). */
        private DocIdSetIterator reading() throws IOException {
            if (read == null) {
                read = postingsToRead();
            }
            return read;
        }

        private DocIdSetIterator postingsToRead() throws IOException {
            DocIdSetBuilder builder = new DocIdSetBuilder(leaf.maxDoc());
            // Names without words or initials: kept, as Orderly's index keeps them (no letters to compare by).
            DocIdSetBuilder.BulkAdder wordless = builder.grow(classStart[1] - classStart[0]);
            for (int doc = classStart[0]; doc < classStart[1]; doc++) {
                wordless.add(doc);
            }
            Terms tokenTerms = leaf.terms(LuceneCandidates.TOKEN);
            if (tokenTerms == null) {
                return iteratorOf(builder);
            }
            TermsEnum terms = tokenTerms.iterator();
            PostingsEnum postings = null;
            Vocabulary vocabulary = links.vocabulary;
            int words = shape.words();
            // Per query word, how many names its links carry: the cheapest words are read.
            long[] cost = new long[words];
            for (int w = 0; w < words; w++) {
                long names = 0;
                for (int k = 0; k < links.wordLinkCounts[w]; k++) {
                    if (terms.seekExact(new BytesRef(Vocabulary.key(vocabulary.token(links.wordLinks[w][k]))))) {
                        names += terms.docFreq();
                    }
                }
                cost[w] = names << 8 | w;
            }
            Arrays.sort(cost);
            double need = minimum - shape.maxAdjustment();
            for (int c = 1; c <= 4 && words > 0; c++) {
                if (classStart[c] == classStart[c + 1]) {
                    continue;
                }
                // A name of this class matching none of the `read` cheapest words one to one cannot reach `need`.
                int read = ScoreBound.wordsToRead(
                        words, shape.initials().size(), shape.particles(), shape.weight(), c, need);
                for (int r = 0; r < read; r++) {
                    int w = (int) (cost[r] & 0xFF);
                    for (int k = 0; k < links.wordLinkCounts[w]; k++) {
                        BytesRef term = new BytesRef(Vocabulary.key(vocabulary.token(links.wordLinks[w][k])));
                        if (terms.seekExact(term)) {
                            postings = terms.postings(postings, PostingsEnum.NONE);
                            add(builder, postings, classStart[c], classStart[c + 1]);
                        }
                    }
                }
            }
            // Names linked through parts written as one are read whatever their class.
            for (int k = 0; k < links.tokensReadCount; k++) {
                if (terms.seekExact(new BytesRef(Vocabulary.key(vocabulary.token(links.tokensRead[k]))))) {
                    postings = terms.postings(postings, PostingsEnum.NONE);
                    add(builder, postings, 0, DocIdSetIterator.NO_MORE_DOCS);
                }
            }
            Terms joined = leaf.terms(LuceneCandidates.JOINED);
            if (joined != null) {
                TermsEnum joinedTerms = joined.iterator();
                for (int k = 0; k < links.pairsReadCount; k++) {
                    if (joinedTerms.seekExact(new BytesRef(vocabulary.pairKey(links.pairsRead[k])))) {
                        postings = joinedTerms.postings(postings, PostingsEnum.NONE);
                        add(builder, postings, 0, DocIdSetIterator.NO_MORE_DOCS);
                    }
                }
            }
            // A query of initials alone: every name with a token starting with one of its letters.
            Terms first = words == 0 ? leaf.terms(LuceneCandidates.FIRST_LETTER) : null;
            if (first != null) {
                TermsEnum firstTerms = first.iterator();
                for (TokenFeatures initial : shape.initials()) {
                    if (firstTerms.seekExact(new BytesRef(initial.text().substring(0, 1)))) {
                        postings = firstTerms.postings(postings, PostingsEnum.NONE);
                        add(builder, postings, 0, DocIdSetIterator.NO_MORE_DOCS);
                    }
                }
            }
            return iteratorOf(builder);
        }

        private static void add(DocIdSetBuilder builder, PostingsEnum postings, int from, int to) throws IOException {
            DocIdSetBuilder.BulkAdder adder = builder.grow((int) Math.min(postings.cost(), (long) to - from));
            for (int doc = postings.advance(from); doc < to; doc = postings.nextDoc()) {
                adder.add(doc);
            }
        }

        private static DocIdSetIterator iteratorOf(DocIdSetBuilder builder) throws IOException {
            DocIdSetIterator iterator = builder.build().iterator();
            return iterator == null ? DocIdSetIterator.empty() : iterator;
        }

        /**
         * The name's bound: each of its tokens contributes its best link with any query token (and with a query
         * initial of its first letter); Orderly's {@link ScoreBound#bound} turns the sums into a bound of the name
         * score, the comparator's cap applies to two names in one Han or Hangul script whose characters differ, and
         * the birth date and nationality adjustments of this person are added.
         */
        private double bound(int doc) throws IOException {
            if (doc < classStart[1]) {
                return Float.MAX_VALUE;
            }
            Vocabulary vocabulary = links.vocabulary;
            tokens.advanceExact(doc);
            double pairSum = 0;
            double querySum = 0;
            double nameSum = 0;
            int nameWords = 0;
            int nameParts = 0;
            for (int k = tokens.docValueCount(); k > 0; k--) {
                int id = (int) tokens.nextValue();
                TokenFeatures listed = vocabulary.token(id);
                if (!listed.particle()) {
                    nameParts++;
                    nameWords += listed.initial() ? 0 : 1;
                }
                double bestPair = 0;
                double bestQuery = 0;
                double bestName = 0;
                if (links.stamp[id] == links.current) {
                    bestPair = links.pair[id];
                    bestQuery = links.ofQuery[id];
                    bestName = links.ofName[id];
                }
                if (!shape.initials().isEmpty() && !listed.particle()) {
                    initialCredit(id, listed);
                    bestPair = Math.max(bestPair, links.initialPair[id]);
                    bestQuery = Math.max(bestQuery, links.initialQuery[id]);
                    bestName = Math.max(bestName, links.initialName[id]);
                }
                pairSum += bestPair;
                querySum += bestQuery;
                nameSum += bestName;
            }
            weights.advanceExact(doc);
            double bound = ScoreBound.bound(
                    pairSum,
                    querySum,
                    nameSum,
                    shape.weight(),
                    Float.intBitsToFloat((int) weights.longValue()),
                    shape.words(),
                    nameWords,
                    shape.words() + shape.initials().size(),
                    nameParts);
            if (shape.characters() != null && characters != null && characters.advanceExact(doc)) {
                String listedCharacters = characters.binaryValue().utf8ToString();
                // The comparator caps two names written wholly in one of these scripts in different characters.
                if (shape.characters().startsWith(listedCharacters.substring(0, listedCharacters.indexOf(':') + 1))
                        && !shape.characters().equals(listedCharacters)) {
                    bound = Math.min(bound, NameComparator.DIFFERENT_PERSON_CAP);
                }
            }
            BirthDate listedBirth = null;
            if (shape.birthDate() != null && births != null && births.advanceExact(doc)) {
                long value = births.longValue();
                listedBirth = new BirthDate((int) (value / 10_000), (int) (value / 100 % 100), (int) (value % 100));
            }
            String listedNationality = null;
            if (shape.nationality() != null && nationalities != null && nationalities.advanceExact(doc)) {
                listedNationality =
                        nationalities.lookupOrd(nationalities.ordValue()).utf8ToString();
            }
            return bound
                    + NameComparator.birthDateAdjustment(shape.birthDate(), listedBirth)
                    + NameComparator.nationalityAdjustment(shape.nationality(), listedNationality);
        }

        /** The best contribution of this listed token with a query initial, computed once per query and token. */
        private void initialCredit(int id, TokenFeatures listed) {
            if (links.initialStamp[id] == links.current) {
                return;
            }
            links.initialStamp[id] = links.current;
            double bestPair = 0;
            double bestQuery = 0;
            double bestName = 0;
            for (TokenFeatures initial : shape.initials()) {
                double similarity = shape.linkFactor() * LuceneCandidates.similarity(initial, listed, links.givenNames);
                bestPair = Math.max(bestPair, similarity * (initial.weight() + listed.weight()));
                bestQuery = Math.max(bestQuery, similarity * initial.weight());
                bestName = Math.max(bestName, similarity * listed.weight());
            }
            links.initialPair[id] = bestPair;
            links.initialQuery[id] = bestQuery;
            links.initialName[id] = bestName;
        }
    }

    @Override
    public String toString(String field) {
        return "NameBoundQuery(" + shape.words() + " words, " + shape.initials().size() + " initials)";
    }

    @Override
    public void visit(QueryVisitor visitor) {
        visitor.visitLeaf(this);
    }

    @Override
    public boolean equals(Object other) {
        return this == other; // a new link table per query: never the same query twice
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
