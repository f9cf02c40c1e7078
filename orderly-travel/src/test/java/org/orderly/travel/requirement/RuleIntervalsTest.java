package org.orderly.travel.requirement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.orderly.regime.Commitment;
import org.orderly.regime.EntryPolicy;
import org.orderly.regime.FreeMovement;
import org.orderly.regime.Instrument;
import org.orderly.regime.Participation;
import org.orderly.regime.Pillar;
import org.orderly.regime.Purpose;
import org.orderly.regime.Registry;
import org.orderly.regime.Rulebook;
import org.orderly.regime.Scope;
import org.orderly.regime.Source;
import org.orderly.regime.State;
import org.orderly.regime.Term;
import org.orderly.regime.TravelCategory;
import org.orderly.regime.VisaWaiver;

/**
 * Two dates in the same {@link RuleIntervals interval} share one compilation: the rules compiled for one, viewed
 * {@link TravelRules#on on} the other, answer exactly as rules compiled for the other (the slow, obvious twin), on
 * seeded random registries with dated terms, participations known by day or year, withdrawals, instruments entering
 * into force, visa snapshots that some pairs lack, and temporary (COVID-19) measures.
 */
class RuleIntervalsTest {
    private static final Source SOURCE = new Source("test", "", LocalDate.of(2020, 1, 1));
    private static final List<String> STATES = List.of("AAA", "BBB", "CCC", "DDD", "EEE");
    private static final LocalDate START = LocalDate.of(2000, 1, 1);

    static Stream<Long> seeds() {
        return new Random(2026).longs(40).boxed();
    }

    private static LocalDate day(Random random) {
        return START.plusDays(random.nextInt(30 * 365));
    }

    private static Registry registry(Random random) {
        List<State> states = STATES.stream()
                .map(c -> new State(
                        c, c.substring(0, 2), "999", "State " + c, "R", "S", State.Standing.UN_MEMBER, SOURCE))
                .toList();
        List<Instrument> instruments = new ArrayList<>();
        List<Participation> participations = new ArrayList<>();
        List<Commitment> commitments = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String id = "I" + i;
            LocalDate inForce = random.nextInt(5) == 0 ? null : day(random);
            instruments.add(new Instrument(
                    id,
                    "Instrument " + id,
                    Instrument.Kind.BILATERAL_AGREEMENT,
                    Instrument.Level.REGIONAL,
                    true,
                    inForce,
                    inForce,
                    Set.of(Pillar.LEGAL_MOVEMENT),
                    SOURCE));
            for (String state : STATES) {
                if (random.nextBoolean()) continue;
                Participation.Status status =
                        Participation.Status.values()[random.nextInt(Participation.Status.values().length)];
                if (random.nextInt(4) == 0) {
                    participations.add(Participation.inYear(state, id, status, 2000 + random.nextInt(30), SOURCE));
                } else {
                    LocalDate since = random.nextInt(6) == 0 ? null : day(random);
                    LocalDate until = random.nextInt(4) == 0
                            ? (since == null ? day(random) : since.plusDays(1 + random.nextInt(3000)))
                            : null;
                    participations.add(new Participation(state, id, status, since, until, List.of(), SOURCE));
                }
            }
            LocalDate from = random.nextBoolean() ? null : day(random);
            LocalDate until = random.nextInt(3) == 0
                    ? (from == null ? day(random) : from.plusDays(1 + random.nextInt(3000)))
                    : null;
            Term term = new Term(from, until);
            commitments.add(
                    i % 2 == 0
                            ? new VisaWaiver(id, Scope.reciprocal(), term, 90, 180, null, SOURCE)
                            : new FreeMovement(id, Scope.reciprocal(), term, random.nextBoolean(), SOURCE));
        }
        List<EntryPolicy> policies = new ArrayList<>();
        List<LocalDate> snapshots = List.of(day(random), day(random), day(random), day(random));
        TravelCategory[] categories = {
            TravelCategory.VISA_FREE,
            TravelCategory.VISA_REQUIRED,
            TravelCategory.E_VISA,
            TravelCategory.COVID_ENTRY_BAN
        };
        for (LocalDate snapshot : snapshots) {
            for (String destination : STATES) {
                for (String passport : STATES) {
                    if (destination.equals(passport) || random.nextInt(3) == 0) continue; // a pair may lack a snapshot
                    policies.add(new EntryPolicy(
                            destination,
                            passport,
                            categories[random.nextInt(categories.length)],
                            30 + random.nextInt(60),
                            new Source("matrix", "m.csv", snapshot)));
                }
            }
        }
        return new Registry(states, instruments, participations, commitments, policies);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void rulesCompiledForOneDateAnswerForEveryDateOfItsInterval(long seed) {
        Random random = new Random(seed);
        Registry registry = registry(random);
        RuleIntervals intervals = RuleIntervals.of(registry);
        List<LocalDate> dates = new ArrayList<>();
        for (LocalDate change : Rulebook.changeDates(registry)) {
            dates.add(change.minusDays(1));
            dates.add(change);
        }
        // Around every halfway point between two snapshots, where a pair's nearest snapshot may switch.
        List<LocalDate> snapshots = registry.entryPolicies().stream()
                .map(p -> p.source().asOf())
                .distinct()
                .toList();
        for (LocalDate a : snapshots) {
            for (LocalDate b : snapshots) {
                LocalDate half = a.plusDays(java.time.temporal.ChronoUnit.DAYS.between(a, b) / 2);
                dates.addAll(List.of(half.minusDays(1), half, half.plusDays(1)));
            }
        }
        LocalDate covid = TravelCategory.COVID_MEASURES_FROM;
        dates.addAll(List.of(covid.minusDays(1), covid, covid.plusDays(1)));
        for (int i = 0; i < 20; i++) dates.add(day(random).minusYears(3));
        for (LocalDate date : dates) {
            // Another date of the same interval, compiled first, then viewed on this one.
            LocalDate other = date;
            for (int tries = 0; tries < 8 && other.equals(date); tries++) {
                LocalDate candidate = date.plusDays(random.nextInt(2001) - 1000);
                if (intervals.of(candidate) == intervals.of(date)) other = candidate;
            }
            TravelRules shared =
                    TravelRules.compile(Rulebook.compile(registry, other)).on(date);
            TravelRules fresh = TravelRules.compile(Rulebook.compile(registry, date));
            for (String passport : STATES) {
                for (String destination : STATES) {
                    for (Purpose purpose : Purpose.values()) {
                        assertThat(shared.requirement(passport, destination, purpose))
                                .as(
                                        "seed %d, %s (compiled %s): %s→%s %s",
                                        seed, date, other, passport, destination, purpose)
                                .isEqualTo(fresh.requirement(passport, destination, purpose));
                    }
                    assertThat(shared.rulebook().between(destination, passport))
                            .isEqualTo(fresh.rulebook().between(destination, passport));
                    assertThat(shared.rulebook().pendingBetween(destination, passport))
                            .isEqualTo(fresh.rulebook().pendingBetween(destination, passport));
                }
            }
        }
    }
}
