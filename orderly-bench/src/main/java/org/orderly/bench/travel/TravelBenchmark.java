package org.orderly.bench.travel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
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
import org.orderly.regime.Commitment;
import org.orderly.regime.EntryPolicy;
import org.orderly.regime.Registry;
import org.orderly.regime.Rulebook;
import org.orderly.regime.TravelCategory;
import org.orderly.regime.reference.ReferenceData;
import org.orderly.store.VisaMatrixImporter;
import org.orderly.travel.requirement.TravelRequirement;
import org.orderly.travel.requirement.TravelRules;

/**
 * Travel-requirement lookups per second, in process: Orderly's compiled travel rules (by state code
 * and by dense index) against an uncompiled baseline that resolves each query from the registry
 * (bound parties, commitments in force, the unilateral policy by hash map), as a system without a
 * compiled rulebook would; and against what a system that caches its answers does, a hash map from the pair's codes
 * to the answer, filled from the same compiled rules (the fair opponent for a look-up: no per-query resolving
 * at all, only the cost of the map). Data: reference data plus the visa matrix from ../shared/data when present
 * (else a synthetic "visa required" policy for every pair, same size).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TravelBenchmark {
    private static final LocalDate ON = LocalDate.of(2026, 11, 23);
    private static final int QUERIES = 1 << 16;

    private TravelRules rules;
    private UncompiledTravelRules baseline;
    private java.util.Map<String, TravelRequirement> memoised;
    private String[] passports;
    private String[] destinations;
    private int[] passportIndexes;
    private int[] destinationIndexes;
    private int next;

    @Setup(Level.Trial)
    public void load() {
        Registry registry = registry();
        rules = TravelRules.compile(Rulebook.compile(registry, ON));
        baseline = new UncompiledTravelRules(registry, ON);
        memoised = new java.util.HashMap<>();
        for (int p = 0; p < rules.rulebook().size(); p++) {
            for (int d = 0; d < rules.rulebook().size(); d++) {
                memoised.put(rules.rulebook().codeAt(p) + rules.rulebook().codeAt(d), rules.requirement(p, d));
            }
        }
        Random random = new Random(20261123);
        int states = rules.rulebook().size();
        passports = new String[QUERIES];
        destinations = new String[QUERIES];
        passportIndexes = new int[QUERIES];
        destinationIndexes = new int[QUERIES];
        for (int i = 0; i < QUERIES; i++) {
            passportIndexes[i] = random.nextInt(states);
            destinationIndexes[i] = random.nextInt(states);
            passports[i] = rules.rulebook().codeAt(passportIndexes[i]);
            destinations[i] = rules.rulebook().codeAt(destinationIndexes[i]);
        }
    }

    /** The reference data plus the visa matrix (or a synthetic one of the same size). */
    static Registry registry() {
        Registry reference = ReferenceData.load();
        Set<String> codes = new HashSet<>();
        reference.states().forEach(s -> codes.add(s.id()));
        Path matrix = Path.of(
                System.getProperty("orderly.shared.data", "../shared/data"), "visa/passport-index-tidy-iso3.csv");
        List<EntryPolicy> policies;
        if (Files.isRegularFile(matrix)) {
            policies = VisaMatrixImporter.read(matrix, codes, LocalDate.of(2025, 1, 12))
                    .policies();
        } else {
            policies = new ArrayList<>();
            org.orderly.regime.Source synthetic =
                    new org.orderly.regime.Source("synthetic policy", "TravelBenchmark", ON);
            for (String d : codes)
                for (String p : codes)
                    if (!d.equals(p))
                        policies.add(new EntryPolicy(d, p, TravelCategory.VISA_REQUIRED, null, synthetic));
        }
        return new Registry(
                reference.parties(),
                reference.instruments(),
                reference.participations(),
                reference.commitments(),
                policies);
    }

    @Benchmark
    public TravelRequirement compiledByCode() {
        int i = next++ & (QUERIES - 1);
        return rules.requirement(passports[i], destinations[i]).orElseThrow();
    }

    @Benchmark
    public TravelRequirement compiledByIndex() {
        int i = next++ & (QUERIES - 1);
        return rules.requirement(passportIndexes[i], destinationIndexes[i]);
    }

    /** A cache of every answer keyed by the two codes: the look-up a system that memoises its answers makes. */
    @Benchmark
    public TravelRequirement baselineMemoised() {
        int i = next++ & (QUERIES - 1);
        return memoised.get(passports[i] + destinations[i]);
    }

    @Benchmark
    public TravelCategory baselineUncompiled() {
        int i = next++ & (QUERIES - 1);
        return baseline.category(passports[i], destinations[i]);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 2, time = 2)
    @Measurement(iterations = 3, time = 2)
    public TravelRules compileRulebookAndTravelRules() {
        return TravelRules.compile(Rulebook.compile(rules.rulebook().registry(), ON));
    }

    /** The baseline: every query resolves the commitments in force and the policy from the registry itself. */
    static final class UncompiledTravelRules {
        private final Registry registry;
        private final LocalDate date;
        private final java.util.Map<String, EntryPolicy> policies = new java.util.HashMap<>();

        UncompiledTravelRules(Registry registry, LocalDate date) {
            this.registry = registry;
            this.date = date;
            registry.entryPolicies().forEach(p -> policies.put(p.destination() + p.passport(), p));
        }

        TravelCategory category(String passport, String destination) {
            if (passport.equals(destination)) return TravelCategory.OWN_COUNTRY;
            TravelCategory best = null;
            boolean free = false;
            boolean notExtended = false;
            for (Commitment c : registry.commitments()) {
                if (!(c instanceof org.orderly.regime.FreeMovement) && !(c instanceof org.orderly.regime.VisaWaiver))
                    continue;
                var instrument = registry.instrument(c.instrumentId()).orElseThrow();
                if (instrument.inForce() == null
                        || instrument.inForce().isAfter(date)
                        || !c.term().covers(date)) continue;
                Set<String> bound = registry.boundParties(c.instrumentId(), date);
                boolean grantor = c.scope()
                        .match(
                                reciprocal -> bound.contains(destination),
                                d -> bound.contains(destination)
                                        && (d.grantors().contains(destination)
                                                || d.grantors().contains(org.orderly.regime.Scope.PARTIES)));
                boolean beneficiary = c.scope()
                        .match(
                                reciprocal -> bound.contains(passport),
                                d -> d.beneficiaries().contains(passport)
                                        || (d.beneficiaries().contains(org.orderly.regime.Scope.PARTIES)
                                                && bound.contains(passport)));
                if (grantor && beneficiary) {
                    // Free movement that the instrument does not yet extend to the pair means none (a waiver may still
                    // apply).
                    if (c instanceof org.orderly.regime.FreeMovement f) {
                        if (f.extended()) free = true;
                        else notExtended = true;
                    } else {
                        best = TravelCategory.VISA_FREE;
                    }
                }
            }
            if (free && !notExtended) return TravelCategory.FREE_MOVEMENT;
            if (best != null) return best;
            EntryPolicy policy = policies.get(destination + passport);
            return policy == null ? TravelCategory.VISA_REQUIRED : policy.category();
        }
    }
}
