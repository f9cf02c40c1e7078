package org.orderly.bench.border;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.orderly.border.crossing.Crossing;
import org.orderly.border.crossing.OverstayWatch;
import org.orderly.border.crossing.StayEvent;
import org.orderly.border.crossing.TravellerStays;
import org.orderly.stream.CrossingGenerator;
import org.orderly.stream.InProcessFlink;
import org.orderly.stream.OverstayJob;
import org.orderly.stream.RecordTypes;
import org.orderly.stream.StreamOutput;

/**
 * Crossing events per second through the embedded path ({@link OverstayWatch#replay}, one thread) and through the
 * Flink job on the in-process mini cluster, on the same generated stream; the baseline is the ledger's way of
 * replaying a traveller's whole history at each crossing. Also how the embedded rate holds as travellers grow.
 */
public final class BorderScenario {
    private static final long SEED = 20_261_201L;

    private BorderScenario() {}

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
        out.printf(
                "border: %,d crossings of %,d travellers over a year%n",
                crossings.size(),
                crossings.stream().map(Crossing::traveller).distinct().count());

        out.printf(
                "  load average at the start: %.2f (%d cores)%n",
                LOAD.getSystemLoadAverage(), LOAD.getAvailableProcessors());
        results.put("loadAverageAtStart", LOAD.getSystemLoadAverage());

        OverstayWatch.replay(stream(Math.min(events, 50_000)), Instant.MAX); // warm-up
        long start = System.nanoTime();
        double cpuStart = processCpuSeconds();
        JvmCpu jvmStart = JvmCpu.now();
        List<StayEvent> embedded = OverstayWatch.replay(crossings, Instant.MAX);
        double embeddedSeconds = (System.nanoTime() - start) / 1e9;
        double embeddedCpu = processCpuSeconds() - cpuStart;
        JvmCpu embeddedJvm = JvmCpu.now().since(jvmStart);
        double embeddedRate = crossings.size() / embeddedSeconds;
        out.printf(
                "  embedded path        %8.3f s  %,12.0f crossings/s  CPU %7.3f s  %,12.0f crossings per CPU-second  (%,d events out)%n",
                embeddedSeconds, embeddedRate, embeddedCpu, crossings.size() / embeddedCpu, embedded.size());
        printJvm(out, embeddedJvm);
        results.put("embeddedEvents", (long) embedded.size());
        results.put("embeddedCompilerCpuSeconds", embeddedJvm.compilerSeconds());
        results.put("embeddedCollectorCpuSeconds", embeddedJvm.collectorSeconds());
        // The same state machine over the stream in time order, every traveller's state held at once as a stream holds
        // it: how much of the Flink job's cost is the order (state that lives across the whole stream) rather than
        // Flink.
        start = System.nanoTime();
        cpuStart = processCpuSeconds();
        jvmStart = JvmCpu.now();
        long inTimeOrderEvents = replayInTimeOrder(crossings);
        double inTimeOrderSeconds = (System.nanoTime() - start) / 1e9;
        double inTimeOrderCpu = processCpuSeconds() - cpuStart;
        JvmCpu inTimeOrderJvm = JvmCpu.now().since(jvmStart);
        out.printf(
                "  embedded, time order %8.3f s  %,12.0f crossings/s  CPU %7.3f s  %,12.0f crossings per CPU-second  (%,d events out)%n",
                inTimeOrderSeconds,
                crossings.size() / inTimeOrderSeconds,
                inTimeOrderCpu,
                crossings.size() / inTimeOrderCpu,
                inTimeOrderEvents);
        printJvm(out, inTimeOrderJvm);
        results.put("embeddedInTimeOrderCpuSeconds", inTimeOrderCpu);
        results.put("embeddedInTimeOrderEvents", inTimeOrderEvents);
        // Only the counts are kept: the Flink run is not to pay for marking the embedded path's outputs in the heap.
        Map<String, Long> embeddedCounts = countByKind(embedded);
        embedded = null;
        results.put("crossings", crossings.size());
        results.put("embeddedSeconds", embeddedSeconds);
        results.put("embeddedCpuSeconds", embeddedCpu);
        results.put("embeddedCrossingsPerSecond", embeddedRate);
        results.put("embeddedCrossingsPerCpuSecond", crossings.size() / embeddedCpu);

        int baselineSize = Math.min(crossings.size(), 200_000);
        List<Crossing> sample = crossings.subList(0, baselineSize);
        start = System.nanoTime();
        replayWholeHistoryEachTime(sample);
        double baselineSeconds = (System.nanoTime() - start) / 1e9;
        start = System.nanoTime();
        OverstayWatch.replay(sample, Instant.MAX);
        double sampleSeconds = (System.nanoTime() - start) / 1e9;
        out.printf(
                "  baseline (the ledger's way: whole history replayed at each crossing) on %,d: %.3f s vs embedded %.3f s, ratio %.2f%n",
                baselineSize, baselineSeconds, sampleSeconds, baselineSeconds / sampleSeconds);
        results.put("baselineRatio", baselineSeconds / sampleSeconds);

        List<Map<String, Object>> scaling = new ArrayList<>();
        for (int size : new int[] {events / 4, events / 2, events}) {
            List<Crossing> part = stream(size);
            long t = System.nanoTime();
            OverstayWatch.replay(part, Instant.MAX);
            double seconds = (System.nanoTime() - t) / 1e9;
            out.printf(
                    "  scaling: %,10d crossings  %8.3f s  %,12.0f crossings/s%n",
                    part.size(), seconds, part.size() / seconds);
            scaling.add(
                    Map.of("crossings", part.size(), "seconds", seconds, "crossingsPerSecond", part.size() / seconds));
        }
        results.put("embeddedScaling", scaling);

        if (flink) {
            runFlink(
                    stream(Math.min(events, 50_000)),
                    new PrintStream(java.io.OutputStream.nullOutputStream()),
                    new LinkedHashMap<>()); // warm-up
            Map<String, Long> flinkCounts = runFlink(crossings, out, results);
            out.printf("  Flink outputs by kind %s; embedded %s%n", flinkCounts, embeddedCounts);
            results.put("flinkOutputsEqualEmbeddedCounts", flinkCounts.equals(embeddedCounts));
            results.put("flinkOutputsByKind", flinkCounts);
        }
        out.printf(
                "  load average at the end: %.2f (%d cores)%n",
                LOAD.getSystemLoadAverage(), LOAD.getAvailableProcessors());
        results.put("loadAverageAtEnd", LOAD.getSystemLoadAverage());
        return results;
    }

    /**
     * The job on the mini cluster (parallelism 2, job start included), reading the crossings from memory ({@link InMemory})
     * with its outputs counted by kind in a sink (Flink accumulators) rather than shipped back to this thread: the job's
     * own cost, as a source reading Kafka and a sink writing to it would see it.
     * CPU time is the whole process's (every Flink thread), over the same interval.
     */
    private static Map<String, Long> runFlink(List<Crossing> crossings, PrintStream out, Map<String, Object> results)
            throws Exception {
        StreamExecutionEnvironment env = InProcessFlink.environment(2);
        long start = System.nanoTime();
        double cpuStart = processCpuSeconds();
        JvmCpu jvmStart = JvmCpu.now();
        String id = java.util.UUID.randomUUID().toString();
        IN_MEMORY.put(id, crossings);
        JobExecutionResult result;
        try {
            DataGeneratorSource<Crossing> source =
                    new DataGeneratorSource<>(new InMemory(id), crossings.size(), RecordTypes.of(Crossing.class));
            OverstayJob.build(
                            env.fromSource(source, WatermarkStrategy.noWatermarks(), "crossings in memory")
                                    .setParallelism(1),
                            Duration.ofHours(6))
                    .map(new CountByKind())
                    .returns(RecordTypes.of(StreamOutput.class))
                    .name("count by kind")
                    .sinkTo(new DiscardingSink<>());
            result = env.execute("overstay benchmark");
        } finally {
            IN_MEMORY.remove(id);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpu = processCpuSeconds() - cpuStart;
        JvmCpu jvm = JvmCpu.now().since(jvmStart);
        Map<String, Long> counts = new java.util.TreeMap<>();
        for (String kind : KINDS) {
            Long count = result.getAccumulatorResult(kind);
            if (count != null && count > 0) counts.put(kind, count);
        }
        out.printf(
                "  Flink mini cluster   %8.3f s  %,12.0f crossings/s  CPU %7.3f s  %,12.0f crossings per CPU-second  (parallelism 2, job start included)%n",
                seconds, crossings.size() / seconds, cpu, crossings.size() / cpu);
        printJvm(out, jvm);
        results.put("flinkCompilerCpuSeconds", jvm.compilerSeconds());
        results.put("flinkCollectorCpuSeconds", jvm.collectorSeconds());
        results.put("flinkSeconds", seconds);
        results.put("flinkCpuSeconds", cpu);
        results.put("flinkCrossingsPerSecond", crossings.size() / seconds);
        results.put("flinkCrossingsPerCpuSecond", crossings.size() / cpu);
        return counts;
    }

    private static final List<String> KINDS = List.of(
            "StayDecision",
            "OverstayRaised",
            "OverstayCleared",
            "ExitWithoutEntry",
            "EntryWithoutExit",
            "late",
            "malformed");
    private static final com.sun.management.OperatingSystemMXBean LOAD =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    /** What of a run's CPU time went to the JIT compiler and the garbage collector (zero where /proc cannot be read). */
    private static void printJvm(PrintStream out, JvmCpu jvm) {
        if (jvm.compilerSeconds() > 0 || jvm.collectorSeconds() > 0) {
            out.printf(
                    "                       of which the JIT compiler's threads %.2f s, the garbage collector's %.2f s%n",
                    jvm.compilerSeconds(), jvm.collectorSeconds());
        }
    }

    private static double processCpuSeconds() {
        return LOAD.getProcessCpuTime() / 1e9;
    }

    private static String kind(StreamOutput output) {
        if (output.event() != null) return output.event().getClass().getSimpleName();
        return output.late() != null ? "late" : "malformed";
    }

    private static Map<String, Long> countByKind(List<StayEvent> events) {
        Map<String, Long> counts = new java.util.TreeMap<>();
        for (StayEvent event : events) counts.merge(event.getClass().getSimpleName(), 1L, Long::sum);
        return counts;
    }

    /** The streams the running benchmark reads, by id: the mini cluster runs in this JVM. */
    private static final Map<String, List<Crossing>> IN_MEMORY = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The crossings read from this JVM's memory in their order, as the embedded path reads them; Flink's
     * {@code fromData} would instead serialise the whole stream into the job (a third of the job's CPU time at a million).
     */
    private static final class InMemory implements GeneratorFunction<Long, Crossing> {
        @java.io.Serial
        private static final long serialVersionUID = 1L;

        private final String id;
        private transient List<Crossing> crossings;

        InMemory(String id) {
            this.id = id;
        }

        @Override
        public Crossing map(Long index) {
            if (crossings == null) crossings = IN_MEMORY.get(id);
            return crossings.get(index.intValue());
        }
    }

    /** Counts each output by its kind in an accumulator, and passes it on. */
    private static final class CountByKind extends RichMapFunction<StreamOutput, StreamOutput> {
        @java.io.Serial
        private static final long serialVersionUID = 1L;

        private transient Map<String, LongCounter> counters;

        @Override
        public void open(OpenContext context) {
            counters = new LinkedHashMap<>();
            for (String kind : KINDS) {
                LongCounter counter = new LongCounter();
                getRuntimeContext().addAccumulator(kind, counter);
                counters.put(kind, counter);
            }
        }

        @Override
        public StreamOutput map(StreamOutput output) {
            counters.get(kind(output)).add(1);
            return output;
        }
    }

    /** About {@code events} crossings: travellers added until the year's stream holds that many. */
    static List<Crossing> stream(int events) {
        List<Crossing> crossings = CrossingGenerator.crossings(SEED, Math.max(1, events / 5), 365);
        return crossings.size() > events ? crossings.subList(0, events) : crossings;
    }

    /**
     * {@link OverstayWatch#replay}'s steps in the stream's time order rather than traveller by traveller: one state per
     * traveller in a map for the whole stream, as the Flink job keeps it; the same events (counted).
     */
    private static long replayInTimeOrder(List<Crossing> crossings) {
        Map<String, TravellerStays> states = new java.util.HashMap<>();
        long events = 0;
        for (Crossing crossing : crossings) { // the generated stream is in time order, ties as the replay takes them
            OverstayWatch.Step step =
                    OverstayWatch.onCrossing(states.getOrDefault(crossing.traveller(), TravellerStays.NONE), crossing);
            states.put(crossing.traveller(), step.state());
            events += step.events().size();
        }
        for (Map.Entry<String, TravellerStays> traveller : states.entrySet()) {
            events += OverstayWatch.onTime(traveller.getValue(), traveller.getKey(), Instant.MAX)
                    .events()
                    .size();
        }
        return events;
    }

    /** The ledger's way: at each crossing, the traveller's whole history so far replayed from the start. */
    private static long replayWholeHistoryEachTime(List<Crossing> crossings) {
        Map<String, List<Crossing>> seen = new LinkedHashMap<>();
        long events = 0;
        for (Crossing crossing : crossings) {
            List<Crossing> history = seen.computeIfAbsent(crossing.traveller(), t -> new ArrayList<>());
            history.add(crossing);
            events += OverstayWatch.replayTraveller(crossing.traveller(), history, crossing.at())
                    .events()
                    .size();
        }
        return events;
    }
}
