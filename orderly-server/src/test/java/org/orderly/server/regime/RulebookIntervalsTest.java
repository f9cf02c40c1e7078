package org.orderly.server.regime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.orderly.regime.Purpose;
import org.orderly.regime.Registry;
import org.orderly.regime.Rulebook;
import org.orderly.server.ServerTest;
import org.orderly.travel.requirement.TravelRules;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Rulebook compilations on demand: two dates between the same rule changes share one compilation, and the answers
 * on every date are exactly those of a rulebook compiled for that very date (the slow, obvious twin), on the real
 * registry (reference data, and the visa matrix history when ../shared/data is present).
 */
class RulebookIntervalsTest extends ServerTest {
    @Autowired
    RegimeService regime;

    @Test
    void aNewDatePerRequestCompilesOncePerIntervalNotOncePerDate() {
        LocalDate today = regime.today();
        regime.travelRules(today);
        long before = regime.compilationCounts().compiled();
        // Every day of the interval around today (or the first 300 of them), each asked as a travel answer.
        int asked = 0;
        for (LocalDate date = today.minusDays(300);
                date.isBefore(today.plusDays(300)) && asked < 300;
                date = date.plusDays(1)) {
            if (regime.intervalOf(date) != regime.intervalOf(today)) continue;
            Response answer = get("/api/v1/travel-requirements?passport=MAR&destination=DEU&date=" + date);
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            assertThat(answer.json().get("date").asString()).isEqualTo(date.toString());
            asked++;
        }
        assertThat(asked).as("dates between the same changes as today").isGreaterThan(1);
        assertThat(regime.compilationCounts().compiled() - before)
                .as(asked + " dates of one interval")
                .isZero();
    }

    @Test
    void answersOnEveryDateAreThoseOfARulebookCompiledForThatDate() {
        Registry registry = regime.registry();
        List<LocalDate> dates = new ArrayList<>();
        java.util.NavigableSet<LocalDate> changes = Rulebook.changeDates(registry);
        Random random = new Random(19);
        List<LocalDate> near = new ArrayList<>(changes.subSet(LocalDate.of(1990, 1, 1), LocalDate.of(2030, 1, 1)));
        for (int i = 0; i < 15 && !near.isEmpty(); i++) {
            LocalDate change = near.get(random.nextInt(near.size()));
            dates.add(change.minusDays(1));
            dates.add(change);
        }
        for (int i = 0; i < 12; i++)
            dates.add(org.orderly.regime.RegimeDates.EARLIEST.plusDays(random.nextInt(400 * 365)));
        dates.add(org.orderly.regime.RegimeDates.LATEST);
        // Two more dates beside each, in the same interval when there is room: answered from the same compilation.
        for (LocalDate date : List.copyOf(dates))
            dates.add(
                    date.plusDays(3).isAfter(org.orderly.regime.RegimeDates.LATEST)
                            ? date.minusDays(3)
                            : date.plusDays(3));
        System.out.println(
                "RulebookIntervalsTest: seed 19, " + dates.size() + " dates, " + regime.intervals() + " intervals");

        Purpose[] purposes = Purpose.values();
        for (LocalDate date : dates) {
            TravelRules snapped = regime.travelRules(date);
            TravelRules fresh = TravelRules.compile(Rulebook.compile(registry, date));
            int n = fresh.rulebook().size();
            for (int p = 0; p < n; p++) {
                for (int d = 0; d < n; d++) {
                    assertThat(snapped.requirement(p, d))
                            .as(date + " " + fresh.rulebook().codeAt(p) + "→"
                                    + fresh.rulebook().codeAt(d))
                            .isEqualTo(fresh.requirement(p, d));
                    assertThat(snapped.rulebook().between(d, p))
                            .isEqualTo(fresh.rulebook().between(d, p));
                }
            }
            for (int i = 0; i < 200; i++) {
                String passport = fresh.rulebook().codeAt(random.nextInt(n));
                String destination = fresh.rulebook().codeAt(random.nextInt(n));
                Purpose purpose = purposes[random.nextInt(purposes.length)];
                assertThat(snapped.requirement(passport, destination, purpose))
                        .as(date + " " + passport + "→" + destination + " " + purpose)
                        .isEqualTo(fresh.requirement(passport, destination, purpose));
                assertThat(snapped.rulebook().pendingBetween(destination, passport))
                        .isEqualTo(fresh.rulebook().pendingBetween(destination, passport));
            }
            assertThat(snapped.rulebook().date()).isEqualTo(date);
        }
    }

    @Test
    void compilationsOfManyDatesAtOnceRunOneAtATime() throws Exception {
        Registry registry = regime.registry();
        List<LocalDate> distinct = new ArrayList<>();
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (LocalDate date = LocalDate.of(1850, 1, 1);
                distinct.size() < 8 && date.isBefore(org.orderly.regime.RegimeDates.LATEST);
                date = date.plusDays(97)) {
            if (seen.add(regime.intervalOf(date))) distinct.add(date);
        }
        assertThat(registry.states()).isNotEmpty();
        ExecutorService pool = Executors.newFixedThreadPool(distinct.size());
        List<Future<?>> asked = new ArrayList<>();
        for (LocalDate date : distinct) {
            asked.add(pool.submit(() -> {
                try {
                    return regime.travelRules(date);
                } catch (RegimeService.CompilationsBusyException busy) {
                    return busy; // waited its turn long enough: answered "busy", not compiled alongside the others
                }
            }));
        }
        for (Future<?> f : asked) f.get(2, TimeUnit.MINUTES);
        pool.shutdown();
        assertThat(regime.compilationCounts().peakAtOnce())
                .as("compilations at once, bound 1")
                .isEqualTo(1);
    }
}
