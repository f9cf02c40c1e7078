package org.orderly.bench.coherence;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.orderly.monitoring.visa.VisaSnapshot;
import org.orderly.regime.Commitment;
import org.orderly.regime.CommitmentTerms;
import org.orderly.regime.EntryPolicy;
import org.orderly.regime.Instrument;
import org.orderly.regime.Participation;
import org.orderly.regime.Pillar;
import org.orderly.regime.Registry;
import org.orderly.regime.Scope;
import org.orderly.regime.Source;
import org.orderly.regime.Term;
import org.orderly.regime.coherence.CoherenceRules;
import org.orderly.regime.coherence.Conflict;
import org.orderly.regime.coherence.Draft;
import org.orderly.regime.reference.ReferenceData;
import org.orderly.store.DemoData;
import org.orderly.store.VisaMatrixImporter;

/**
 * The coherence checker on the reference registry with every visa snapshot of the shared data (or none when absent), and on
 * synthetic registries of 10× and 100× its commitments: each instrument copied with its participations, plus seeded random
 * bilateral agreements (visa waivers, readmissions, labour channels, PNR sharing, some of them conflicting). Measured: the
 * whole registry on a date (a first check, which builds the registry's index, and a check on another date), and a draft
 * checked incrementally against the same-run baseline of recording it and checking the whole registry.
 */
public final class CoherenceBenchmark {
    private static final LocalDate ON = LocalDate.of(2026, 12, 6);
    private static final Source SYNTHETIC = new Source("synthetic", "CoherenceBenchmark", ON);
    private static final List<String> STATES = List.of(
            "DEU", "FRA", "HUN", "POL", "ITA", "ESP", "NGA", "PAK", "MAR", "RUS", "USA", "JPN", "GEO", "IND", "CHN",
            "TUR", "SEN", "GHA", "PHL", "MEX");

    private CoherenceBenchmark() {}

    /** One scale: its size, the whole-registry check (first and on another date), what it found, and the draft against its baseline. */
    public record Row(
            int scale,
            int commitments,
            int participations,
            int entryPolicies,
            double firstCheckMs,
            double otherDateMs,
            int conflicts,
            int risks,
            double draftMicros,
            double baselineDraftMs,
            double baselineOverDraft) {}

    public static List<Row> run(Path data, int[] scales, PrintStream out) {
        Registry reference = ReferenceData.load();
        List<EntryPolicy> policies = policies(reference, data);
        out.println("coherence: whole registry on " + ON + " and a draft, one thread (wall time, medians); "
                + policies.size() + " entry policies from " + data);
        out.println(
                "scale | commitments | participations | first check ms | other date ms | conflicts | risks | draft µs | baseline draft ms | ratio");
        List<Row> rows = new ArrayList<>();
        for (int scale : scales) {
            Registry registry = scaled(reference, policies, scale);
            long start = System.nanoTime();
            List<Conflict> found = CoherenceRules.STANDARD.conflicts(registry, ON);
            double first = (System.nanoTime() - start) / 1e6;
            double[] other = new double[5];
            for (int i = 0; i < other.length; i++) {
                long t = System.nanoTime();
                CoherenceRules.STANDARD.conflicts(registry, ON.minusDays(30 + i));
                other[i] = (System.nanoTime() - t) / 1e6;
            }
            Draft draft = draft();
            int runs = 200;
            double[] incremental = new double[runs];
            int involving = -1;
            for (int i = 0; i < runs; i++) {
                long t = System.nanoTime();
                involving =
                        CoherenceRules.STANDARD.conflicts(registry, draft, ON).size();
                incremental[i] = (System.nanoTime() - t) / 1e3;
            }
            double[] baseline = new double[3];
            for (int i = 0; i < baseline.length; i++) {
                long t = System.nanoTime();
                Registry recorded = record(registry, draft);
                long seen = CoherenceRules.STANDARD.conflicts(recorded, ON).stream()
                        .filter(c -> c.commitments().stream()
                                .anyMatch(r ->
                                        r.instrument().equals(draft.instrument().id())))
                        .count();
                baseline[i] = (System.nanoTime() - t) / 1e6;
                if (seen != involving)
                    throw new IllegalStateException("the draft's check found " + involving + ", the baseline " + seen);
            }
            // Leave the index of the scaled registry current, as a server between two drafts would have it.
            CoherenceRules.STANDARD.conflicts(registry, ON);
            int conflicts = (int) found.stream()
                    .filter(c -> c.severity() == Conflict.Severity.CONFLICT)
                    .count();
            Row row = new Row(
                    scale,
                    registry.commitments().size(),
                    registry.participations().size(),
                    policies.size(),
                    first,
                    median(other),
                    conflicts,
                    found.size() - conflicts,
                    median(incremental),
                    median(baseline),
                    median(baseline) * 1e3 / median(incremental));
            rows.add(row);
            out.printf(
                    "%5d | %11d | %14d | %14.1f | %13.1f | %9d | %5d | %8.0f | %17.1f | %.0f×%n",
                    row.scale(),
                    row.commitments(),
                    row.participations(),
                    row.firstCheckMs(),
                    row.otherDateMs(),
                    row.conflicts(),
                    row.risks(),
                    row.draftMicros(),
                    row.baselineDraftMs(),
                    row.baselineOverDraft());
        }
        return rows;
    }

    private static List<EntryPolicy> policies(Registry reference, Path data) {
        Set<String> codes = new HashSet<>();
        reference.states().forEach(s -> codes.add(s.id()));
        List<EntryPolicy> policies = new ArrayList<>();
        for (VisaSnapshot.PublishedFile file : VisaSnapshot.publishedIn(data, DemoData.VISA_MATRIX_AS_OF)) {
            policies.addAll(
                    VisaMatrixImporter.read(file.file(), codes, file.date()).policies());
        }
        return policies;
    }

    /** The reference registry with each instrument copied {@code scale - 1} times and 20 random bilateral agreements per copy. */
    static Registry scaled(Registry reference, List<EntryPolicy> policies, int scale) {
        List<Instrument> instruments = new ArrayList<>(reference.instruments());
        List<Participation> participations = new ArrayList<>(reference.participations());
        List<Commitment> commitments = new ArrayList<>(reference.commitments());
        Random random = new Random(scale);
        for (int copy = 1; copy < scale; copy++) {
            for (Instrument i : reference.instruments()) {
                String id = i.id() + "_COPY" + copy;
                instruments.add(new Instrument(
                        id,
                        i.title(),
                        i.kind(),
                        i.level(),
                        i.binding(),
                        i.adopted(),
                        i.inForce(),
                        i.appliedFrom(),
                        i.pillars(),
                        i.source()));
                for (Participation p : reference.participationsIn(i.id())) {
                    participations.add(new Participation(
                            p.partyId(),
                            id,
                            p.status(),
                            p.since(),
                            p.until(),
                            p.reservations(),
                            p.source(),
                            p.sincePrecision()));
                }
                for (Commitment c : reference.commitmentsUnder(i.id())) {
                    commitments.add(CommitmentTerms.toCommitment(
                            c.kind(), id, c.scope(), c.term(), CommitmentTerms.of(c), c.source()));
                }
            }
        }
        for (int k = 0; k < 20 * scale; k++) {
            String id = "SYNTHETIC_" + k;
            String a = STATES.get(random.nextInt(STATES.size()));
            String b = STATES.get(random.nextInt(STATES.size()));
            if (a.equals(b)) continue;
            instruments.add(new Instrument(
                    id,
                    "Synthetic bilateral agreement " + k,
                    Instrument.Kind.BILATERAL_AGREEMENT,
                    Instrument.Level.BILATERAL,
                    true,
                    LocalDate.of(2020, 1, 1),
                    LocalDate.of(2020, 2, 1),
                    Set.of(Pillar.COOPERATION),
                    SYNTHETIC));
            for (String party : List.of(a, b)) {
                participations.add(new Participation(
                        party,
                        id,
                        Participation.Status.RATIFIED,
                        LocalDate.of(2020, 2, 1),
                        null,
                        List.of(),
                        SYNTHETIC));
            }
            Map<String, String> terms;
            Commitment.Kind kind = List.of(
                            Commitment.Kind.VISA_WAIVER,
                            Commitment.Kind.READMISSION,
                            Commitment.Kind.LEGAL_CHANNEL,
                            Commitment.Kind.DATA_SHARING)
                    .get(random.nextInt(4));
            terms = switch (kind) {
                case VISA_WAIVER -> Map.of("stay_days", "30", "window_days", "180");
                case READMISSION ->
                    Map.of(
                            "answer_deadline_days",
                            "30",
                            "third_country_nationals",
                            Boolean.toString(random.nextBoolean()));
                case LEGAL_CHANNEL ->
                    random.nextBoolean()
                            ? Map.of("sector", "care", "annual_quota", "500")
                            : Map.of(
                                    "sector",
                                    "agriculture",
                                    "annual_quota",
                                    "500",
                                    "unequal_treatment",
                                    "SOCIAL_SECURITY");
                default ->
                    Map.of(
                            "dataset",
                            "PNR",
                            "purposes",
                            random.nextBoolean() ? "serious crime" : "serious crime|migration control",
                            "fields",
                            "name",
                            "retention_days",
                            Integer.toString(365 + random.nextInt(4000)));
            };
            commitments.add(CommitmentTerms.toCommitment(kind, id, Scope.bilateral(a, b), Term.OPEN, terms, SYNTHETIC));
        }
        return new Registry(reference.parties(), instruments, participations, commitments, policies);
    }

    /** A German visa waiver for Nigerians (Annex I) with a PNR transfer for migration control: two conflicts. */
    static Draft draft() {
        String id = "BENCH_DRAFT";
        Instrument instrument = new Instrument(
                id,
                "Benchmark draft",
                Instrument.Kind.BILATERAL_AGREEMENT,
                Instrument.Level.BILATERAL,
                true,
                LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 2, 1),
                Set.of(Pillar.LEGAL_MOVEMENT),
                SYNTHETIC);
        List<Commitment> commitments = List.of(
                CommitmentTerms.toCommitment(
                        Commitment.Kind.VISA_WAIVER,
                        id,
                        Scope.bilateral("DEU", "NGA"),
                        Term.OPEN,
                        Map.of("stay_days", "90", "window_days", "180"),
                        SYNTHETIC),
                CommitmentTerms.toCommitment(
                        Commitment.Kind.DATA_SHARING,
                        id,
                        Scope.bilateral("DEU", "NGA"),
                        Term.OPEN,
                        Map.of(
                                "dataset",
                                "PNR",
                                "purposes",
                                "migration control",
                                "fields",
                                "name",
                                "retention_days",
                                "100"),
                        SYNTHETIC));
        List<Participation> participations = List.of(
                new Participation(
                        "DEU", id, Participation.Status.RATIFIED, LocalDate.of(2026, 2, 1), null, List.of(), SYNTHETIC),
                new Participation(
                        "NGA",
                        id,
                        Participation.Status.RATIFIED,
                        LocalDate.of(2026, 2, 1),
                        null,
                        List.of(),
                        SYNTHETIC));
        return new Draft(instrument, commitments, participations);
    }

    static Registry record(Registry registry, Draft draft) {
        List<Instrument> instruments = new ArrayList<>(registry.instruments());
        instruments.add(draft.instrument());
        List<Participation> participations = new ArrayList<>(registry.participations());
        participations.addAll(draft.participations());
        List<Commitment> commitments = new ArrayList<>(registry.commitments());
        commitments.addAll(draft.commitments());
        return new Registry(registry.parties(), instruments, participations, commitments, registry.entryPolicies());
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
