package org.orderly.bench.screening;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.orderly.screening.Hit;
import org.orderly.screening.Screener;
import org.orderly.screening.compare.BirthDate;
import org.orderly.screening.compare.MatchRules;
import org.orderly.screening.compare.NameComparator;
import org.orderly.screening.compare.NameFeatures;
import org.orderly.screening.compare.PersonDetails;
import org.orderly.screening.index.CandidateIndex;
import org.orderly.screening.watchlist.PersonEntry;
import org.orderly.screening.watchlist.Watchlist;

/**
 * Orderly's candidate index against Lucene ({@link LuceneCandidates}) in one process, on the synthetic list and fresh
 * queries of {@link ScreeningBenchmark}: build time and size, screenings per CPU second of the screening thread,
 * latency, and recall against scoring every entry. Arguments: list size, queries, brute-force sample.
 */
public final class LuceneComparison {
    /** Lucene's first page when the top-k variant is measured (0: not measured). */
    private static final int TOP_K = Integer.getInteger("lucene.topK", 100);

    private LuceneComparison() {}

    public static void main(String[] args) {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int queries = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        int sample = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        run(size, queries, sample, 42L, System.out);
    }

    /** One way of screening a person: Orderly's index, or Lucene's candidates scored by the same comparator. */
    private interface Engine {
        Set<String> screen(PersonDetails query);
    }

    /** Figures of one engine over the run. */
    private static final class Figures {
        final String name;
        final long[] wallNanos;
        long cpuNanos;
        /** CPU time of candidate generation alone (Lucene's search; for Orderly, a second pass after the run). */
        long generationNanos;

        long candidates;
        int sampleHits;
        int sampleFound;

        Figures(String name, int queries) {
            this.name = name;
            this.wallNanos = new long[queries];
        }
    }

    /** Runs the comparison and prints its figures: list size, fresh queries, brute-force sample, seed of the list. */
    public static void run(int listSize, int queryCount, int sample, long seed, PrintStream out) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        out.printf(Locale.ROOT, "load average at start: %s%n", loadAverage());
        ScreeningBenchmark.Synthetic synthetic = ScreeningBenchmark.synthetic(listSize, seed, queryCount);
        List<PersonEntry> persons = synthetic.persons();
        List<PersonDetails> queries = synthetic.queries();

        long heapBefore = usedHeap();
        long wall = System.nanoTime();
        long cpu = threads.getCurrentThreadCpuTime();
        Screener screener = new Screener(List.of(new Watchlist("synthetic", persons, List.of())));
        double orderlyBuildWall = (System.nanoTime() - wall) / 1e9;
        double orderlyBuildCpu = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
        long heapOrderly = usedHeap();
        out.printf(
                Locale.ROOT,
                "list: %,d synthetic persons, %,d fresh queries, brute-force sample of %d%n",
                listSize,
                queryCount,
                sample);
        out.printf(
                Locale.ROOT,
                "build  orderly: %6.1f s CPU of the building thread, %6.1f s wall, heap %,d MB%n",
                orderlyBuildCpu,
                orderlyBuildWall,
                (heapOrderly - heapBefore) >> 20);

        NameComparator comparator = screener.comparator();
        Path folder;
        try {
            folder = Files.createTempDirectory("orderly-lucene");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        wall = System.nanoTime();
        cpu = threads.getCurrentThreadCpuTime();
        List<NameFeatures> names = new ArrayList<>(listSize);
        for (PersonEntry person : persons) {
            names.add(comparator.features(person.name()));
        }
        List<BirthDate> births = persons.stream().map(PersonEntry::birthDate).toList();
        List<String> nationalities =
                persons.stream().map(PersonEntry::nationality).toList();
        try (LuceneCandidates lucene =
                LuceneCandidates.build(names, births, nationalities, folder, comparator.givenNames())) {
            double luceneBuildWall = (System.nanoTime() - wall) / 1e9;
            double luceneBuildCpu = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
            long heapLucene = usedHeap();
            out.printf(
                    Locale.ROOT,
                    "build  lucene:  %6.1f s CPU of the building thread, %6.1f s wall, heap %,d MB"
                            + " (the names' features for scoring), index on disk %,.1f MB (memory-mapped)%n",
                    luceneBuildCpu,
                    luceneBuildWall,
                    (heapLucene - heapOrderly) >> 20,
                    lucene.sizeOnDisk() / (double) (1 << 20));

            List<Engine> engines = new ArrayList<>();
            List<Figures> figures = new ArrayList<>();
            int[] lastCount = new int[1];
            long[] lastGeneration = new long[1];
            engines.add(query -> {
                Set<String> ids = new HashSet<>();
                for (Hit hit : screener.screen(query)) {
                    ids.add(hit.entry().id());
                }
                return ids;
            });
            figures.add(new Figures("orderly index", queryCount));
            engines.add(query -> {
                NameFeatures features = comparator.features(query.name());
                long generationStart = threads.getCurrentThreadCpuTime();
                int[] candidates = lucene.candidates(features);
                lastGeneration[0] = threads.getCurrentThreadCpuTime() - generationStart;
                lastCount[0] = candidates.length;
                return hits(comparator, query, features, candidates, names, persons);
            });
            figures.add(new Figures("lucene, all matches", queryCount));
            // The same clauses with the score bound Orderly's index uses (per-word maxima, minCompetitiveScore).
            double need = comparator.threshold() - MatchRules.SAME_BIRTH_DATE - MatchRules.SAME_NATIONALITY - 1e-6;
            engines.add(query -> {
                NameFeatures features = comparator.features(query.name());
                long generationStart = threads.getCurrentThreadCpuTime();
                int[] candidates =
                        lucene.boundedCandidates(features, CandidateIndex.fewestWordsMatched(features, need));
                lastGeneration[0] = threads.getCurrentThreadCpuTime() - generationStart;
                lastCount[0] = candidates.length;
                return hits(comparator, query, features, candidates, names, persons);
            });
            figures.add(new Figures("lucene, word-count bound", queryCount));
            // Orderly's per-name bound (NameBoundQuery), with the query's and the listed persons' details, as
            // Orderly's index bounds names.
            long[] lookupNanos = new long[1];
            engines.add(query -> {
                NameFeatures features = comparator.features(query.name());
                long generationStart = threads.getCurrentThreadCpuTime();
                int[] candidates;
                try {
                    NameBoundQuery bounded = lucene.nameBoundQuery(features, query.birthDate(), query.nationality());
                    lookupNanos[0] += threads.getCurrentThreadCpuTime() - generationStart;
                    candidates = lucene.search(bounded, comparator.threshold());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                lastGeneration[0] = threads.getCurrentThreadCpuTime() - generationStart;
                lastCount[0] = candidates.length;
                return hits(comparator, query, features, candidates, names, persons);
            });
            figures.add(new Figures("lucene, per-name bound", queryCount));
            if (TOP_K > 0) {
                engines.add(query -> {
                    NameFeatures features = comparator.features(query.name());
                    long generationStart = threads.getCurrentThreadCpuTime();
                    int[] candidates = lucene.topCandidates(features, TOP_K);
                    lastGeneration[0] = threads.getCurrentThreadCpuTime() - generationStart;
                    lastCount[0] = candidates.length;
                    return hits(comparator, query, features, candidates, names, persons);
                });
                figures.add(new Figures("lucene, top " + TOP_K, queryCount));
            }

            // Each query goes once through each engine, which engine first rotating: caches and JIT start cold for
            // all, and none always profits from token features another has just computed.
            List<List<Set<String>>> sampleHits = new ArrayList<>();
            for (int e = 0; e < engines.size(); e++) {
                sampleHits.add(new ArrayList<>());
            }
            for (int q = 0; q < queryCount; q++) {
                PersonDetails query = queries.get(q);
                for (int turn = 0; turn < engines.size(); turn++) {
                    int e = (q + turn) % engines.size();
                    lastCount[0] = -1;
                    long startCpu = threads.getCurrentThreadCpuTime();
                    long startWall = System.nanoTime();
                    Set<String> ids = engines.get(e).screen(query);
                    figures.get(e).wallNanos[q] = System.nanoTime() - startWall;
                    figures.get(e).cpuNanos += threads.getCurrentThreadCpuTime() - startCpu;
                    if (lastCount[0] >= 0) {
                        figures.get(e).candidates += lastCount[0];
                        figures.get(e).generationNanos += lastGeneration[0];
                    }
                    if (q < sample) {
                        sampleHits.get(e).add(ids);
                    }
                }
            }
            out.printf(Locale.ROOT, "load average after the screenings: %s%n", loadAverage());
            long generationStart = threads.getCurrentThreadCpuTime();
            for (int q = 0; q < queryCount; q++) {
                figures.get(0).candidates += screener.candidateCount(queries.get(q));
            }
            figures.get(0).generationNanos = threads.getCurrentThreadCpuTime() - generationStart;

            long bruteStart = threads.getCurrentThreadCpuTime();
            for (int q = 0; q < Math.min(sample, queryCount); q++) {
                PersonDetails query = queries.get(q);
                for (Hit hit : screener.screenExhaustively(query)) {
                    for (int e = 0; e < engines.size(); e++) {
                        figures.get(e).sampleHits++;
                        if (sampleHits.get(e).get(q).contains(hit.entry().id())) {
                            figures.get(e).sampleFound++;
                        } else {
                            out.println(
                                    "  " + figures.get(e).name + " missed: " + query.name() + " -> " + hit.matchedName()
                                            + " (" + hit.explanation().explanation() + ")");
                        }
                    }
                }
            }
            double bruteCpu = (threads.getCurrentThreadCpuTime() - bruteStart) / 1e9;
            out.printf(
                    Locale.ROOT,
                    "brute force (every entry scored): %.2f screenings per CPU second%n",
                    Math.min(sample, queryCount) / bruteCpu);
            for (Figures f : figures) {
                long[] sorted = f.wallNanos.clone();
                Arrays.sort(sorted);
                long wallTotal = Arrays.stream(f.wallNanos).sum();
                out.printf(
                        Locale.ROOT,
                        "%-24s %,9.0f screenings per CPU second, %,9.0f per wall second; p50 %,8.0f us,"
                                + " p99 %,9.0f us (wall); %,9.1f names scored per query, candidate generation %,7.0f us CPU"
                                + " per query; recall vs brute force %d/%d%n",
                        f.name,
                        queryCount / (f.cpuNanos / 1e9),
                        queryCount / (wallTotal / 1e9),
                        sorted[queryCount / 2] / 1e3,
                        sorted[(int) (queryCount * 0.99)] / 1e3,
                        f.candidates / (double) queryCount,
                        f.generationNanos / 1e3 / queryCount,
                        f.sampleFound,
                        f.sampleHits);
            }
            out.printf(
                    Locale.ROOT,
                    "lucene, per-name bound: of its candidate generation, %,.0f us CPU per query look up the query's"
                            + " tokens in the vocabulary index (fuzzy and term queries), the rest reads postings and"
                            + " bounds names%n",
                    lookupNanos[0] / 1e3 / queryCount);
            out.printf(Locale.ROOT, "load average at the end: %s%n", loadAverage());
        }
    }

    /** Ids of the listed persons whose name scores at or above the threshold, explained as the screener explains. */
    static Set<String> hits(
            NameComparator comparator,
            PersonDetails query,
            NameFeatures features,
            int[] candidates,
            List<NameFeatures> names,
            List<PersonEntry> persons) {
        Map<Integer, Double> best = new HashMap<>();
        for (int ordinal : candidates) {
            PersonEntry person = persons.get(ordinal);
            double score = comparator.score(
                    features,
                    query.birthDate(),
                    query.nationality(),
                    names.get(ordinal),
                    person.birthDate(),
                    person.nationality());
            if (score >= comparator.threshold() && score > best.getOrDefault(ordinal, -1.0)) {
                best.put(ordinal, score);
            }
        }
        Set<String> ids = new HashSet<>();
        for (int ordinal : best.keySet()) {
            PersonEntry person = persons.get(ordinal);
            // The explanation a hit carries, as Screener builds it for each hit.
            comparator.compare(
                    features,
                    query.birthDate(),
                    query.nationality(),
                    names.get(ordinal),
                    person.birthDate(),
                    person.nationality());
            ids.add(person.id());
        }
        return ids;
    }

    private static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }
}
