package org.orderly.bench.border;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;
import org.orderly.border.crossing.Crossing;
import org.orderly.border.crossing.OverstayWatch;
import org.orderly.border.crossing.StayEvent;
import org.orderly.stream.CrossingGenerator;
import org.orderly.stream.InProcessFlink;
import org.orderly.stream.OverstayJob;
import org.orderly.stream.StreamOutput;

/**
 * Crossing events per second through the embedded path ({@link OverstayWatch#replay}, one thread) and through the
 * Flink job on the in-process mini cluster, on the same generated stream; the baseline is the ledger's way of
 * replaying a traveller's whole history at each crossing. Also how the embedded rate holds as travellers grow.
 */
public final class BorderScenario {
    private static final long SEED = 20_261_201L;

    private BorderScenario() {
    }

    /**
     * Runs from the Maven class path: {@code java -cp … org.orderly.bench.border.BorderScenario [EVENTS]}, Flink included;
     * the packaged command runs the same with {@code ./orderly bench border --flink}.
     */
    public static void main(String[] args) throws Exception {
        run(args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000, true, System.out);
    }

    public static Map<String, Object> run(int events, boolean flink, PrintStream out) throws Exception {
        Map<String, Object> results = new LinkedHashMap<>();
        List<Crossing> crossings = stream(events);
        out.printf("border: %,d crossings of %,d travellers over a year%n", crossings.size(),
                crossings.stream().map(Crossing::traveller).distinct().count());

        OverstayWatch.replay(stream(Math.min(events, 50_000)), Instant.MAX); // warm-up
        long start = System.nanoTime();
        List<StayEvent> embedded = OverstayWatch.replay(crossings, Instant.MAX);
        double embeddedSeconds = (System.nanoTime() - start) / 1e9;
        double embeddedRate = crossings.size() / embeddedSeconds;
        out.printf("  embedded path        %8.3f s  %,12.0f crossings/s  (%,d events out)%n", embeddedSeconds, embeddedRate, embedded.size());
        results.put("crossings", crossings.size());
        results.put("embeddedSeconds", embeddedSeconds);
        results.put("embeddedCrossingsPerSecond", embeddedRate);

        int baselineSize = Math.min(crossings.size(), 200_000);
        List<Crossing> sample = crossings.subList(0, baselineSize);
        start = System.nanoTime();
        replayWholeHistoryEachTime(sample);
        double baselineSeconds = (System.nanoTime() - start) / 1e9;
        start = System.nanoTime();
        OverstayWatch.replay(sample, Instant.MAX);
        double sampleSeconds = (System.nanoTime() - start) / 1e9;
        out.printf("  baseline (the ledger's way: whole history replayed at each crossing) on %,d: %.3f s vs embedded %.3f s, ratio %.2f%n",
                baselineSize, baselineSeconds, sampleSeconds, baselineSeconds / sampleSeconds);
        results.put("baselineRatio", baselineSeconds / sampleSeconds);

        List<Map<String, Object>> scaling = new ArrayList<>();
        for (int size : new int[]{events / 4, events / 2, events}) {
            List<Crossing> part = stream(size);
            long t = System.nanoTime();
            OverstayWatch.replay(part, Instant.MAX);
            double seconds = (System.nanoTime() - t) / 1e9;
            out.printf("  scaling: %,10d crossings  %8.3f s  %,12.0f crossings/s%n", part.size(), seconds, part.size() / seconds);
            scaling.add(Map.of("crossings", part.size(), "seconds", seconds, "crossingsPerSecond", part.size() / seconds));
        }
        results.put("embeddedScaling", scaling);

        if (flink) {
            StreamExecutionEnvironment env = InProcessFlink.environment(2);
            start = System.nanoTime();
            long count = 0;
            try (CloseableIterator<StreamOutput> output = OverstayJob.build(env.fromData(crossings).setParallelism(1), Duration.ofHours(6)).executeAndCollect()) {
                while (output.hasNext()) {
                    output.next();
                    count++;
                }
            }
            double flinkSeconds = (System.nanoTime() - start) / 1e9;
            out.printf("  Flink mini cluster   %8.3f s  %,12.0f crossings/s  (%,d outputs; embedded %,d; parallelism 2, job start included)%n",
                    flinkSeconds, crossings.size() / flinkSeconds, count, embedded.size());
            results.put("flinkSeconds", flinkSeconds);
            results.put("flinkCrossingsPerSecond", crossings.size() / flinkSeconds);
            results.put("flinkOutputsEqualEmbeddedCount", count == embedded.size());
        }
        return results;
    }

    /** About {@code events} crossings: travellers added until the year's stream holds that many. */
    static List<Crossing> stream(int events) {
        List<Crossing> crossings = CrossingGenerator.crossings(SEED, Math.max(1, events / 5), 365);
        return crossings.size() > events ? crossings.subList(0, events) : crossings;
    }

    /** The ledger's way: at each crossing, the traveller's whole history so far replayed from the start. */
    private static long replayWholeHistoryEachTime(List<Crossing> crossings) {
        Map<String, List<Crossing>> seen = new LinkedHashMap<>();
        long events = 0;
        for (Crossing crossing : crossings) {
            List<Crossing> history = seen.computeIfAbsent(crossing.traveller(), t -> new ArrayList<>());
            history.add(crossing);
            events += OverstayWatch.replayTraveller(crossing.traveller(), history, crossing.at()).events().size();
        }
        return events;
    }
}
