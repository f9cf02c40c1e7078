package org.orderly.bench.channel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.orderly.regime.Registry;
import org.orderly.regime.Rulebook;
import org.orderly.regime.reference.ReferenceData;
import org.orderly.travel.channel.ChannelAnswer;
import org.orderly.travel.channel.ChannelFinder;
import org.orderly.travel.channel.ChannelQuestion;
import org.orderly.travel.channel.QuotaUse;
import org.orderly.travel.channel.occupation.EscoOccupations;
import org.orderly.travel.requirement.TravelQueries;
import org.orderly.travel.requirement.TravelRules;

/**
 * The channel finder for one person across every destination and channel, in process: with the rulebook compiled once
 * per date (as the server caches it) against the baseline of compiling it for each question (a finder without the
 * cache). The person: a Nigerian nurse with a salary, a degree, a language and an age; the occupation's words looked up
 * in the real ESCO files when ../shared/data is there (else the question leaves the occupation out).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ChannelFinderBenchmark {
    private static final LocalDate ON = LocalDate.of(2026, 6, 1);

    private ChannelFinder cached;
    private ChannelFinder compiledPerQuestion;
    private ChannelQuestion nurse;
    private ChannelQuestion nationalityOnly;

    @Setup(Level.Trial)
    public void load() {
        Registry registry = ReferenceData.load();
        Rulebook rules = Rulebook.compile(registry, ON);
        TravelQueries states =
                new TravelQueries(() -> registry, d -> TravelRules.compile(rules), java.time.Clock.systemUTC());
        Path esco = Path.of(System.getProperty("orderly.shared.data", "../shared/data"))
                .resolve("occupations");
        Optional<EscoOccupations> occupations = Files.isRegularFile(esco.resolve(EscoOccupations.OCCUPATIONS_FILE))
                ? Optional.of(EscoOccupations.read(esco))
                : Optional.empty();
        cached = new ChannelFinder(states, d -> rules, () -> occupations, QuotaUse.NONE);
        compiledPerQuestion =
                new ChannelFinder(states, d -> Rulebook.compile(registry, d), () -> occupations, QuotaUse.NONE);
        nurse = ChannelQuestion.of(
                "NGA",
                null,
                occupations.isPresent() ? "nurse" : null,
                "52000",
                "EUR",
                null,
                "bachelor",
                List.of("de:B1", "en:C1"),
                "29",
                "6",
                null,
                null,
                ON);
        nationalityOnly =
                ChannelQuestion.of("NGA", null, null, null, null, null, null, List.of(), null, null, null, null, ON);
        ChannelAnswer answer = cached.find(nurse);
        if (answer.channels().size() < 20)
            throw new IllegalStateException(
                    "the finder found only " + answer.channels().size() + " channels");
    }

    @Benchmark
    public ChannelAnswer findEveryChannelForANurse() {
        return cached.find(nurse);
    }

    @Benchmark
    public ChannelAnswer findEveryChannelForANationality() {
        return cached.find(nationalityOnly);
    }

    /** Baseline: the same question with the rulebook compiled for it. */
    @Benchmark
    public ChannelAnswer baselineCompileRulebookPerQuestion() {
        return compiledPerQuestion.find(nurse);
    }
}
