package org.orderly.regime.coherence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.orderly.regime.Commitment;
import org.orderly.regime.CommitmentTerms;
import org.orderly.regime.Instrument;
import org.orderly.regime.Participation;
import org.orderly.regime.Registry;
import org.orderly.regime.Scope;
import org.orderly.regime.Term;

/**
 * The incremental draft check against the slow, obvious one: record the draft in the registry, check the whole registry,
 * keep the conflicts that name one of the draft's commitments. On many seeded random drafts the two must agree exactly.
 */
class DraftCheckTwinTest {
    private static final List<String> STATES =
            List.of("DEU", "FRA", "HUN", "NGA", "PAK", "USA", "JPN", "RUS", "GEO", "XKX", "MAR", "CHE");
    private static final Registry BASE =
            CoherenceRulesTest.with(CoherenceRulesTest.SHIPPED, List.of(CoherenceRulesTest.GERMANY_CAT), List.of());

    private static final java.util.Set<String> KINDS_SEEN = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @org.junit.jupiter.api.AfterAll
    static void theDraftsExercisedEveryRule() {
        assertThat(KINDS_SEEN)
                .as("rules that found something in the random drafts")
                .hasSize(CoherenceRules.STANDARD.rules().size());
    }

    static Stream<Long> seeds() {
        return Stream.iterate(20261206L, s -> s + 7919).limit(150);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void aDraftsCheckFindsWhatTheWholeRegistryWithTheDraftRecordedFindsAboutIt(long seed) {
        Random random = new Random(seed);
        Draft draft = randomDraft(random);
        LocalDate date = LocalDate.of(2026, 1, 1).plusDays(random.nextInt(700));
        List<Conflict> incremental = CoherenceRules.STANDARD.conflicts(BASE, draft, date);
        Registry recorded = record(BASE, draft);
        int before = BASE.commitmentsUnder(draft.instrument().id()).size();
        List<Conflict> whole = CoherenceRules.STANDARD.conflicts(recorded, date).stream()
                .filter(c -> c.commitments().stream()
                        .anyMatch(r -> r.instrument().equals(draft.instrument().id()) && r.number() > before))
                .toList();
        assertThat(incremental).as("seed %d on %s", seed, date).isEqualTo(whole);
        incremental.forEach(c -> KINDS_SEEN.add(c.kind()));
    }

    static Draft randomDraft(Random random) {
        String id = "DRAFT_" + Math.abs(random.nextInt(1000));
        Instrument instrument = CoherenceRulesTest.bilateral(id);
        List<Commitment> commitments = new ArrayList<>();
        int n = 1 + random.nextInt(4);
        for (int i = 0; i < n; i++) {
            String grantor = pick(random);
            String beneficiary = pick(random);
            while (beneficiary.equals(grantor)) beneficiary = pick(random);
            boolean reciprocal = random.nextInt(5) == 0;
            Term term = random.nextBoolean()
                    ? Term.OPEN
                    : new Term(LocalDate.of(2026, 1, 1).plusDays(random.nextInt(500)), null);
            Map<String, String> terms;
            Commitment.Kind kind = List.of(
                            Commitment.Kind.VISA_WAIVER,
                            Commitment.Kind.VISA_OBLIGATION,
                            Commitment.Kind.READMISSION,
                            Commitment.Kind.LEGAL_CHANNEL,
                            Commitment.Kind.DATA_SHARING)
                    .get(random.nextInt(5));
            // A legal channel has one destination, so it is never reciprocal.
            Scope scope = reciprocal && kind != Commitment.Kind.LEGAL_CHANNEL
                    ? Scope.reciprocal()
                    : Scope.bilateral(grantor, beneficiary);
            terms = switch (kind) {
                case VISA_WAIVER -> Map.of("stay_days", "30", "window_days", "180");
                case READMISSION ->
                    Map.of(
                            "answer_deadline_days",
                            "20",
                            "third_country_nationals",
                            Boolean.toString(random.nextBoolean()));
                case LEGAL_CHANNEL ->
                    random.nextBoolean()
                            ? Map.of("sector", "care", "annual_quota", "100")
                            : Map.of(
                                    "sector",
                                    "care",
                                    "annual_quota",
                                    "100",
                                    "unequal_treatment",
                                    "SOCIAL_SECURITY|CULTURAL_RIGHTS");
                case DATA_SHARING ->
                    Map.of(
                            "dataset",
                            random.nextBoolean() ? "PNR" : "API",
                            "purposes",
                            random.nextBoolean() ? "serious crime" : "serious crime|migration control",
                            "fields",
                            "name",
                            "retention_days",
                            Integer.toString(100 + random.nextInt(4000)));
                default -> Map.of();
            };
            commitments.add(CommitmentTerms.toCommitment(kind, id, scope, term, terms, CoherenceRulesTest.DRAFTED));
        }
        List<Participation> participations = new ArrayList<>();
        for (String state : STATES) {
            if (random.nextInt(3) == 0) continue;
            LocalDate since = LocalDate.of(2026, 1, 1).plusDays(random.nextInt(600));
            LocalDate until = random.nextInt(4) == 0 ? since.plusDays(1 + random.nextInt(300)) : null;
            Participation.Status status =
                    random.nextInt(6) == 0 ? Participation.Status.SIGNED : Participation.Status.RATIFIED;
            participations.add(
                    new Participation(state, id, status, since, until, List.of(), CoherenceRulesTest.DRAFTED));
        }
        return new Draft(instrument, commitments, participations);
    }

    private static String pick(Random random) {
        return STATES.get(random.nextInt(STATES.size()));
    }

    static Registry record(Registry registry, Draft draft) {
        List<Instrument> instruments = new ArrayList<>(registry.instruments());
        if (registry.instrument(draft.instrument().id()).isEmpty()) instruments.add(draft.instrument());
        List<Participation> participations = new ArrayList<>(registry.participations());
        participations.addAll(draft.participations());
        List<Commitment> commitments = new ArrayList<>(registry.commitments());
        commitments.addAll(draft.commitments());
        return new Registry(registry.parties(), instruments, participations, commitments, registry.entryPolicies());
    }
}
