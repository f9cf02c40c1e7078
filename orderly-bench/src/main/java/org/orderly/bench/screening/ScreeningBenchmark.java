package org.orderly.bench.screening;

import com.ibm.icu.text.Transliterator;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.orderly.screening.Hit;
import org.orderly.screening.Screener;
import org.orderly.screening.compare.BirthDate;
import org.orderly.screening.compare.PersonDetails;
import org.orderly.screening.watchlist.PersonEntry;
import org.orderly.screening.watchlist.Watchlist;

/**
 * Scenario benchmark: a synthetic multi-script list of N persons, screened with the candidate index and with the
 * brute-force baseline (every entry scored, on a smaller query sample) in the same run; prints throughput, their ratio,
 * and the share of the baseline's hits that the index also finds.
 */
public final class ScreeningBenchmark {
    /** Figures of one run (latencies in microseconds, memory in megabytes of heap used after the build). */
    public record Result(
            int listSize,
            double hanHangulShare,
            int indexQueries,
            double indexPerSecond,
            double indexPerCpuSecond,
            double p50Micros,
            double p99Micros,
            int baselineQueries,
            double baselinePerSecond,
            double speedup,
            int baselineHits,
            int baselineHitsFound,
            double recallOfBaseline,
            double buildSeconds,
            long heapMegabytes) {}

    /** Fresh queries screened per run: each is used once, none before the timed run. */
    static final int QUERIES = Integer.getInteger("screening.queries", 20_000);

    private static final String[] SCRIPTS = {"Latin", "Latin", "Cyrillic", "Greek", "Arabic", "Han", "Hangul"};
    /** Share of Han and Hangul names on the list and among the queries (default: their share of SCRIPTS, 2 of 7). */
    private static final double HAN_HANGUL_SHARE =
            Double.parseDouble(System.getProperty("screening.hanShare", Double.toString(2.0 / 7)));

    private static final String[] ONSETS = {
        "b", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "sh", "ch", "kh", "br", "tr", "st",
        "y", "j"
    };
    private static final String[] VOWELS = {"a", "e", "i", "o", "u", "a", "i", "ou", "ia", "ei"};
    private static final String[] CODAS = {"", "", "", "n", "r", "s", "l", "m", "d", "k", "t", "v"};

    private ScreeningBenchmark() {}

    public static void main(String[] args) {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int baselineQueries = args.length > 1 ? Integer.parseInt(args[1]) : defaultBaselineQueries(size);
        run(size, 42L, baselineQueries, System.out);
    }

    /** The baseline scores every entry: at large sizes only a small sample of the queries is affordable. */
    static int defaultBaselineQueries(int listSize) {
        return Math.max(10, Math.min(400, 20_000_000 / Math.max(1, listSize)));
    }

    public static Result run(int listSize, long seed, PrintStream out) {
        return run(listSize, seed, defaultBaselineQueries(listSize), out);
    }

    public static Result run(int listSize, long seed, int baselineQueries, PrintStream out) {
        Synthetic synthetic = synthetic(listSize, seed, QUERIES);
        List<PersonEntry> persons = synthetic.persons();
        java.lang.management.ThreadMXBean buildThread = java.lang.management.ManagementFactory.getThreadMXBean();
        long listMegabytes = heapAfterCollection();
        long buildStart = System.nanoTime();
        long buildCpuStart = buildThread.getCurrentThreadCpuTime();
        Screener screener = new Screener(List.of(new Watchlist("synthetic", persons, List.of())));
        double buildSeconds = (System.nanoTime() - buildStart) / 1e9;
        double buildCpuSeconds = (buildThread.getCurrentThreadCpuTime() - buildCpuStart) / 1e9;
        out.printf(
                Locale.ROOT,
                "list: %,d synthetic persons in %d scripts (%.0f %% Han or Hangul), index built in %.1f s"
                        + " (%.1f s of CPU on the building thread)%n",
                listSize,
                SCRIPTS.length - 1,
                100 * HAN_HANGUL_SHARE,
                buildSeconds,
                buildCpuSeconds);

        if (Boolean.getBoolean("screening.saveIndex")) {
            saveAndReopen(screener, List.of(new Watchlist("synthetic", persons, List.of())), out);
        }
        long heapMegabytes = heapAfterCollection();

        // Fresh queries: each one is screened once, none was screened before (no warm-up, caches cold at start).
        int queryCount = QUERIES;
        List<PersonDetails> queries = synthetic.queries();
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long[] latencies = new long[queryCount];
        long start = System.nanoTime();
        long cpuStart = threads.getCurrentThreadCpuTime();
        for (int q = 0; q < queryCount; q++) {
            long before = System.nanoTime();
            screener.screen(queries.get(q));
            latencies[q] = System.nanoTime() - before;
        }
        double indexPerSecond = queryCount / ((System.nanoTime() - start) / 1e9);
        double indexPerCpuSecond = queryCount / ((threads.getCurrentThreadCpuTime() - cpuStart) / 1e9);
        long[] sorted = latencies.clone();
        java.util.Arrays.sort(sorted);
        double p50 = sorted[queryCount / 2] / 1e3;
        double p99 = sorted[(int) (queryCount * 0.99)] / 1e3;
        long secondHalf = 0;
        for (int q = queryCount / 2; q < queryCount; q++) {
            secondHalf += latencies[q];
        }
        double steadyPerSecond = (queryCount - queryCount / 2) / (secondHalf / 1e9);

        profile(screener, queries, out);
        int baselineHits = 0;
        int found = 0;
        long baselineStart = System.nanoTime();
        List<List<Hit>> baselineResults = new ArrayList<>();
        for (int q = 0; q < baselineQueries; q++) {
            baselineResults.add(screener.screenExhaustively(queries.get(q)));
        }
        double baselinePerSecond = baselineQueries / ((System.nanoTime() - baselineStart) / 1e9);
        for (int q = 0; q < baselineQueries; q++) {
            Set<String> byIndex = new HashSet<>();
            for (Hit hit : screener.screen(queries.get(q))) {
                byIndex.add(hit.entry().id());
            }
            for (Hit hit : baselineResults.get(q)) {
                baselineHits++;
                if (byIndex.contains(hit.entry().id())) {
                    found++;
                } else {
                    out.println("  missed: " + queries.get(q).name() + " -> " + hit.matchedName() + " ("
                            + hit.explanation().explanation() + " "
                            + hit.explanation().matches() + ")");
                }
            }
        }
        double recall = baselineHits == 0 ? 1.0 : found / (double) baselineHits;
        Result result = new Result(
                listSize,
                HAN_HANGUL_SHARE,
                queryCount,
                indexPerSecond,
                indexPerCpuSecond,
                p50,
                p99,
                baselineQueries,
                baselinePerSecond,
                indexPerSecond / baselinePerSecond,
                baselineHits,
                found,
                recall,
                buildSeconds,
                heapMegabytes);
        out.printf(
                Locale.ROOT,
                "memory:   %,d MB of heap used after the build; the index alone %,d MB (%,d bytes per listed name),"
                        + " the heap before the build (list and queries) %,d MB%n",
                heapMegabytes,
                heapMegabytes - listMegabytes,
                ((heapMegabytes - listMegabytes) << 20) / listSize,
                listMegabytes);
        out.printf(
                Locale.ROOT,
                "index:    %,.0f screenings/s wall clock, %,.0f per CPU second of the screening thread"
                        + " (%,d fresh queries, each screened once, no warm-up: half perturbed members, half"
                        + " non-members, one thread); second half alone %,.0f/s%n",
                indexPerSecond,
                indexPerCpuSecond,
                queryCount,
                steadyPerSecond);
        out.printf(Locale.ROOT, "latency:  p50 %.0f us, p99 %.0f us%n", p50, p99);
        out.printf(
                Locale.ROOT,
                "baseline: %,.1f screenings/s (every entry scored; sample of the first %d queries)%n",
                baselinePerSecond,
                baselineQueries);
        out.printf(Locale.ROOT, "ratio:    %,.0fx%n", result.speedup());
        out.printf(Locale.ROOT, "recall of the baseline's hits: %d/%d = %.4f%n", found, baselineHits, recall);
        return result;
    }

    /** Megabytes of heap in use after a full collection (a hint the JVM may ignore: a figure, not a proof). */
    private static long heapAfterCollection() {
        System.gc();
        return (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20;
    }

    /** Saves the built index, reopens it for the same list, and prints the times and the file's size. */
    private static void saveAndReopen(Screener screener, List<Watchlist> lists, PrintStream out) {
        try {
            java.nio.file.Path file = java.nio.file.Files.createTempFile("orderly-bench", ".index");
            long start = System.nanoTime();
            org.orderly.store.OwnerOnlyFile.write(file, screener::saveIndex);
            double saveSeconds = (System.nanoTime() - start) / 1e9;
            start = System.nanoTime();
            Screener reopened = new Screener(lists, screener.comparator(), file);
            double reopenSeconds = (System.nanoTime() - start) / 1e9;
            out.printf(
                    Locale.ROOT,
                    "saved index: %,d MB written in %.1f s, reopened in %.1f s (names normalised again,"
                            + " tables read) for %,d persons%n",
                    java.nio.file.Files.size(file) >> 20,
                    saveSeconds,
                    reopenSeconds,
                    reopened.size());
            java.nio.file.Files.delete(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A synthetic list and its fresh queries (distinct, half perturbed members, half non-members). */
    record Synthetic(List<PersonEntry> persons, List<PersonDetails> queries) {}

    /** The list and queries of this seed: every benchmark given the same arguments screens the same people. */
    static Synthetic synthetic(int listSize, long seed, int queryCount) {
        Random random = new Random(seed);
        List<String[]> vocabulary = vocabulary(random, Math.max(2_000, listSize / 20));
        List<PersonEntry> persons = new ArrayList<>(listSize);
        List<String[]> parts = new ArrayList<>(listSize);
        for (int i = 0; i < listSize; i++) {
            String[] name = randomName(random, vocabulary);
            parts.add(name);
            persons.add(new PersonEntry(
                    Integer.toString(i),
                    String.join(" ", name),
                    List.of(),
                    BirthDate.ofYear(1940 + random.nextInt(65)),
                    null));
        }
        List<PersonDetails> queries = new ArrayList<>(queryCount);
        Set<String> seen = new HashSet<>();
        while (queries.size() < queryCount) {
            PersonDetails query;
            if (queries.size() % 2 == 0) {
                int member = random.nextInt(listSize);
                query = new PersonDetails(
                        perturb(random, parts.get(member)), persons.get(member).birthDate(), null);
            } else {
                query = new PersonDetails(
                        String.join(" ", randomName(random, vocabulary)),
                        BirthDate.ofYear(1940 + random.nextInt(65)),
                        null);
            }
            if (seen.add(query.name() + "|" + query.birthDate())) {
                queries.add(query);
            }
        }
        return new Synthetic(List.copyOf(persons), List.copyOf(queries));
    }

    /** Where a screening's time goes: name features alone, and how many names reach the comparator. */
    private static void profile(Screener screener, List<PersonDetails> queries, PrintStream out) {
        long start = System.nanoTime();
        for (PersonDetails query : queries) {
            screener.comparator().features(query.name());
        }
        double featuresMicros = (System.nanoTime() - start) / 1e3 / queries.size();
        long candidates = 0;
        start = System.nanoTime();
        int[] perQuery = new int[queries.size()];
        for (int q = 0; q < queries.size(); q++) {
            perQuery[q] = screener.candidateCount(queries.get(q));
            candidates += perQuery[q];
        }
        double candidatesMicros = (System.nanoTime() - start) / 1e3 / queries.size();
        // Where the cost lies, by the script the query is written in (first letter): names scored and time per query.
        java.util.Map<Character.UnicodeScript, long[]> byScript = new java.util.TreeMap<>();
        for (PersonDetails query : queries) {
            long before = System.nanoTime();
            int count = screener.candidateCount(query);
            long[] sums = byScript.computeIfAbsent(
                    Character.UnicodeScript.of(query.name().codePointAt(0)), k -> new long[3]);
            sums[0]++;
            sums[1] += count;
            sums[2] += System.nanoTime() - before;
        }

        byScript.forEach((script, sums) -> out.printf(
                Locale.ROOT,
                "  %-9s %,6d queries: %8.1f names scored, %8.1f us features + candidates per query%n",
                script.name().toLowerCase(Locale.ROOT),
                sums[0],
                sums[1] / (double) sums[0],
                sums[2] / 1e3 / sums[0]));
        if (Boolean.getBoolean("screening.worst")) {
            Integer[] order = new Integer[queries.size()];
            for (int q = 0; q < order.length; q++) {
                order[q] = q;
            }
            java.util.Arrays.sort(order, (x, y) -> Integer.compare(perQuery[y], perQuery[x]));
            for (int r = 0; r < 15; r++) {
                PersonDetails query = queries.get(order[r]);
                out.println("  " + perQuery[order[r]] + " names for " + query.name() + " "
                        + screener.comparator().features(query.name()).tokens().stream()
                                .map(t -> t.text())
                                .toList() + " " + query.birthDate());
            }
        }
        out.printf(
                Locale.ROOT,
                "profile:  features %.1f us, features + candidates %.1f us, %.1f names scored per query%n",
                featuresMicros,
                candidatesMicros,
                candidates / (double) queries.size());
    }

    private static List<String[]> vocabulary(Random random, int words) {
        List<String[]> byScript = new ArrayList<>();
        for (String script : SCRIPTS) {
            String[] pool = new String[words];
            Transliterator toScript = script.equals("Latin") || script.equals("Han")
                    ? null
                    : Transliterator.getInstance("Latin-" + script);
            for (int w = 0; w < words; w++) {
                if (script.equals("Han")) {
                    int length = 1 + random.nextInt(2);
                    StringBuilder han = new StringBuilder();
                    for (int c = 0; c < length; c++) {
                        han.append((char) (0x4E00 + random.nextInt(0x5000)));
                    }
                    pool[w] = han.toString();
                } else {
                    String latin = syllables(random);
                    pool[w] = toScript == null ? capitalise(latin) : toScript.transliterate(latin);
                }
            }
            byScript.add(pool);
        }
        return byScript;
    }

    private static String syllables(Random random) {
        int count = 2 + random.nextInt(2);
        StringBuilder word = new StringBuilder();
        for (int s = 0; s < count; s++) {
            word.append(ONSETS[random.nextInt(ONSETS.length)]).append(VOWELS[random.nextInt(VOWELS.length)]);
            if (s == count - 1 || random.nextInt(3) == 0) {
                word.append(CODAS[random.nextInt(CODAS.length)]);
            }
        }
        return word.toString();
    }

    private static String capitalise(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    private static String[] randomName(Random random, List<String[]> vocabulary) {
        // SCRIPTS ends with Han and Hangul: pick one of those two with the configured share, else another script.
        int others = SCRIPTS.length - 2;
        int script = random.nextDouble() < HAN_HANGUL_SHARE ? others + random.nextInt(2) : random.nextInt(others);
        String[] pool = vocabulary.get(script);
        int count = 2 + (random.nextInt(3) == 0 ? 1 : 0);
        String[] name = new String[count];
        // Given names come from a small head of the pool (they repeat a lot), surnames from all of it.
        for (int p = 0; p < count - 1; p++) {
            name[p] = pool[random.nextInt(Math.max(50, pool.length / 20))];
        }
        name[count - 1] = pool[random.nextInt(pool.length)];
        return name;
    }

    /** A spelling a border officer might be given for a listed person: a typo, a dropped or reordered part. */
    private static String perturb(Random random, String[] name) {
        List<String> parts = new ArrayList<>(List.of(name));
        switch (random.nextInt(4)) {
            case 0:
                int p = random.nextInt(parts.size());
                String word = parts.get(p);
                if (word.length() > 3) {
                    int at = 1 + random.nextInt(word.length() - 2);
                    parts.set(
                            p, word.substring(0, at) + word.charAt(at + 1) + word.charAt(at) + word.substring(at + 2));
                }
                break;
            case 1:
                if (parts.size() > 2) {
                    parts.remove(1);
                }
                break;
            case 2:
                return parts.get(parts.size() - 1) + ", " + String.join(" ", parts.subList(0, parts.size() - 1));
            default:
                java.util.Collections.reverse(parts);
        }
        return String.join(" ", parts);
    }
}
