package org.orderly.bench;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.orderly.bench.negotiation.NegotiationScenario;
import org.orderly.bench.screening.DevSetEvaluation;
import org.orderly.bench.screening.LuceneComparison;
import org.orderly.bench.screening.NameClassEvaluation;
import org.orderly.bench.screening.ScreeningBenchmark;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Scenario benchmarks that print figures and ratios against a baseline run in the same process: {@code ./orderly bench …},
 * which runs this class from the benchmarks jar (a jar of its own, so that Orderly's command and server jar carries neither
 * Flink, Kafka, Lucene, JMH nor the benchmarks).
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "Run a scenario benchmark.",
        subcommands = {
            BenchCommand.Screening.class,
            BenchCommand.Negotiation.class,
            BenchCommand.Border.class,
            BenchCommand.Passengers.class,
            BenchCommand.Monitoring.class,
            BenchCommand.LabScenarios.class,
            BenchCommand.Coherence.class
        })
public final class BenchCommand implements Runnable {
    private static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The bench command with a clear message on standard error and a non-zero status for a failure. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new BenchCommand());
        commandLine.setExecutionExceptionHandler((e, cmd, parseResult) -> {
            cmd.getErr()
                    .println("orderly bench: "
                            + (e instanceof IllegalArgumentException || e instanceof IllegalStateException
                                    ? e.getMessage()
                                    : e));
            if (System.getenv("ORDERLY_DEBUG") != null) e.printStackTrace(cmd.getErr());
            cmd.getErr().flush();
            return 1;
        });
        return commandLine;
    }

    /** One JSON document on standard output, as every {@code --json} option promises. */
    static void printJson(Object value) {
        System.out.println(JSON.writeValueAsString(value));
    }

    /** Where the public data sets are: -Dorderly.shared-data, else {@code ORDERLY_SHARED_DATA} (the launcher sets ../shared/data). */
    static Optional<Path> sharedData() {
        return Optional.ofNullable(System.getProperty("orderly.shared-data"))
                .or(() -> Optional.ofNullable(System.getenv("ORDERLY_SHARED_DATA")))
                .filter(path -> !path.isBlank())
                .map(Path::of);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                new CommandLine(this),
                "say which benchmark: screening, negotiation, border, passengers, monitoring, lab or coherence");
    }

    /** With --json the human-readable progress goes to standard error, the one JSON document to standard output. */
    static PrintStream progress(boolean json) {
        return json ? System.err : System.out;
    }

    @Command(
            name = "screening",
            mixinStandardHelpOptions = true,
            description =
                    "Screen queries against a synthetic list with the index and with brute force; then the shared development set.")
    static final class Screening implements Runnable {
        @Option(
                names = "--list-size",
                description = "people on the synthetic list (default ${DEFAULT-VALUE})",
                defaultValue = "1000000")
        int listSize;

        @Option(names = "--seed", description = "random seed (default ${DEFAULT-VALUE})", defaultValue = "20261123")
        long seed;

        @Option(names = "--json", description = "print one JSON document")
        boolean json;

        @Option(names = "--lucene", description = "instead: Orderly's index against Lucene in one run (text only)")
        boolean lucene;

        @Option(
                names = "--queries",
                description = "fresh queries for --lucene (default ${DEFAULT-VALUE})",
                defaultValue = "2000")
        int queries;

        @Override
        public void run() {
            PrintStream out = progress(json);
            if (lucene) {
                LuceneComparison.run(listSize, queries, 10, seed, out);
                return;
            }
            Map<String, Object> results = new LinkedHashMap<>();
            results.put("synthetic", ScreeningBenchmark.run(listSize, seed, out));
            Path screening = sharedData().map(p -> p.resolve("screening")).orElse(Path.of("../shared/data/screening"));
            results.put(
                    "developmentSetHeldOut",
                    DevSetEvaluation.run(screening, DevSetEvaluation.Part.HELD_OUT, true, out));
            results.put(
                    "developmentSetTuning", DevSetEvaluation.run(screening, DevSetEvaluation.Part.TUNING, true, out));
            results.put("nameClasses", NameClassEvaluation.run(screening.getParent(), out));
            if (json) printJson(results);
        }
    }

    @Command(
            name = "negotiation",
            mixinStandardHelpOptions = true,
            description = {
                "Solve growing negotiation domains with CP-SAT and with exhaustive enumeration; report times, ratios and proofs.",
                "With --corpus DIR: solve every GENIUS scenario folder under DIR (e.g. ../shared/data/negotiation/anac) for every objective;",
                "per scenario: outcomes, seconds, proven or gap, and enumeration's seconds and agreement where it can visit every outcome."
            })
    static final class Negotiation implements Runnable {
        @Option(names = "--json", description = "print one JSON document")
        boolean json;

        @Option(
                names = "--corpus",
                paramLabel = "DIR",
                description = "a folder of GENIUS scenarios (one folder per scenario)")
        Path corpus;

        @Option(
                names = "--time-limit",
                description = "seconds per objective and scenario (default ${DEFAULT-VALUE})",
                defaultValue = "10")
        double timeLimitSeconds;

        @Option(names = "--workers", description = "CP-SAT workers (default ${DEFAULT-VALUE})", defaultValue = "1")
        int workers;

        @Override
        public void run() {
            if (corpus != null) {
                if (!java.nio.file.Files.isDirectory(corpus))
                    throw new IllegalArgumentException(corpus + " is not a folder");
                var rows = org.orderly.bench.negotiation.CorpusBenchmark.run(
                        corpus, timeLimitSeconds, workers, progress(json));
                if (json) {
                    Map<String, Object> document = new LinkedHashMap<>();
                    document.put("benchmark", "negotiation-corpus");
                    document.put("corpus", corpus.toString());
                    document.put("timeLimitSeconds", timeLimitSeconds);
                    document.put("workers", workers);
                    document.put("scenarios", rows);
                    printJson(document);
                }
                return;
            }
            if (!json) {
                NegotiationScenario.run(System.out, false);
                return;
            }
            // The scenario prints one JSON object per figure: echo each line as progress on standard
            // error and gather them into the one document standard output promises.
            ByteArrayOutputStream lines = new ByteArrayOutputStream();
            PrintStream tee = new PrintStream(
                    new OutputStream() {
                        @Override
                        public void write(int b) {
                            lines.write(b);
                            System.err.write(b);
                        }
                    },
                    true,
                    StandardCharsets.UTF_8);
            NegotiationScenario.run(tee, true);
            tee.flush();
            printJson(NegotiationDocument.of(lines.toString(StandardCharsets.UTF_8)));
        }
    }

    @Command(
            name = "passengers",
            mixinStandardHelpOptions = true,
            description =
                    "Read generated PAXLST and PNRGOV traffic (with the carriers' mess) with Orderly's parser and with StAEDI "
                            + "tokenising the same bytes, on one thread: MB/s, messages/s and their ratio.")
    static final class Passengers implements Runnable {
        @Option(
                names = "--flights",
                description = "messages to generate, one flight each (default ${DEFAULT-VALUE})",
                defaultValue = "2000")
        int flights;

        @Option(names = "--json", description = "print one JSON document")
        boolean json;

        @Override
        public void run() {
            org.orderly.bench.passengers.PassengersBenchmark.Result result =
                    org.orderly.bench.passengers.PassengersBenchmark.run(flights, progress(json));
            if (json) printJson(result);
        }
    }

    @Command(
            name = "monitoring",
            mixinStandardHelpOptions = true,
            description =
                    "Compute every indicator for every state from the shared data as the number of visa snapshots grows; CPU seconds.")
    static final class Monitoring implements Runnable {
        @Option(names = "--data", description = "the public data folder (default: ../shared/data beside the project)")
        Path data;

        @Option(names = "--json", description = "print one JSON document")
        boolean json;

        @Override
        public void run() {
            Path folder = data != null ? data : sharedData().orElse(Path.of("../shared/data"));
            var rows = org.orderly.bench.monitoring.MonitoringBenchmark.run(folder, progress(json));
            if (json) printJson(rows);
        }
    }

    @Command(
            name = "lab",
            mixinStandardHelpOptions = true,
            description =
                    "The policy lab at scale: every corridor projected, one draft deal, and many draft deals on a plain thread pool.")
    static final class LabScenarios implements Runnable {
        @Option(names = "--data", description = "the public data folder (default: ../shared/data beside the project)")
        Path data;

        @Option(
                names = "--scenarios",
                description = "draft deals to run (default ${DEFAULT-VALUE})",
                defaultValue = "1000")
        int scenarios;

        @Option(names = "--threads", description = "threads of the pool (default: the processors available)")
        Integer threads;

        @Option(
                names = "--seed",
                description = "random seed of the generated deals (default ${DEFAULT-VALUE})",
                defaultValue = "20261206")
        long seed;

        @Option(names = "--json", description = "print one JSON document")
        boolean json;

        @Override
        public void run() {
            Path folder = data != null ? data : sharedData().orElse(Path.of("../shared/data"));
            try {
                var result = org.orderly.bench.lab.LabBenchmark.run(
                        folder,
                        scenarios,
                        threads != null ? threads : Runtime.getRuntime().availableProcessors(),
                        seed,
                        progress(json));
                if (json) printJson(result);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted");
            }
        }
    }

    @Command(
            name = "coherence",
            mixinStandardHelpOptions = true,
            description =
                    "The coherence checker: the whole registry on a date and a draft checked incrementally, at 1x, 10x and 100x the commitments.")
    static final class Coherence implements Runnable {
        @Option(
                names = "--data",
                description =
                        "the public data folder with the visa snapshots (default: ../shared/data beside the project)")
        Path data;

        @Option(
                names = "--scales",
                split = ",",
                description = "multiples of the reference commitments (default ${DEFAULT-VALUE})",
                defaultValue = "1,10,100")
        int[] scales;

        @Option(names = "--json", description = "print one JSON document")
        boolean json;

        @Override
        public void run() {
            Path folder = data != null ? data : sharedData().orElse(Path.of("../shared/data"));
            var rows = org.orderly.bench.coherence.CoherenceBenchmark.run(folder, scales, progress(json));
            if (json) printJson(rows);
        }
    }

    /** The negotiation scenario's figures as one JSON document; lines that are not figures are kept as notes. */
    record NegotiationDocument(String benchmark, List<Object> results, List<String> notes) {
        private static final tools.jackson.databind.json.JsonMapper MAPPER =
                tools.jackson.databind.json.JsonMapper.builder().build();

        static NegotiationDocument of(String output) {
            List<Object> results = new ArrayList<>();
            List<String> notes = new ArrayList<>();
            for (String line : output.split("\\R")) {
                if (line.isBlank()) continue;
                if (line.startsWith("{")) results.add(MAPPER.readValue(line, LinkedHashMap.class));
                else notes.add(line.trim());
            }
            return new NegotiationDocument("negotiation", results, notes);
        }
    }

    @Command(
            name = "border",
            mixinStandardHelpOptions = true,
            description =
                    "Crossings through the embedded stay path and the Flink job (mini cluster) on the same generated stream; ratios against a baseline.")
    static final class Border implements Runnable {
        @Option(
                names = "--events",
                description = "crossings in the generated stream (default ${DEFAULT-VALUE})",
                defaultValue = "1000000")
        int events;

        @Option(names = "--flink", description = "also run the Flink job on Flink's in-process mini cluster")
        boolean flink;

        @Option(names = "--json", description = "print one JSON document")
        boolean json;

        @Override
        public void run() {
            try {
                Map<String, Object> results =
                        org.orderly.bench.border.BorderScenario.run(events, flink, progress(json));
                if (json) printJson(results);
            } catch (Exception e) {
                throw new IllegalStateException("border benchmark failed: " + e, e);
            }
        }
    }
}
