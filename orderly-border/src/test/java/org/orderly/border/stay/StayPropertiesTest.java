package org.orderly.border.stay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fast stay decisions against an obvious day-by-day oracle, and control against planning, on seeded random
 * histories (the seed is in every failure message; rerun one with {@code -Dstay.seed=N}).
 */
class StayPropertiesTest {
    private static final LocalDate ORIGIN = LocalDate.of(2024, 1, 1);

    static LongStream seeds() {
        String one = System.getProperty("stay.seed");
        if (one != null) return LongStream.of(Long.parseLong(one));
        long base = 20_261_201L;
        return LongStream.range(base, base + 300);
    }

    /** A random history of short stays (some under a residence permit), the last one sometimes open. */
    private static StayHistory history(Random random) {
        List<Stay> stays = new ArrayList<>();
        LocalDate day = ORIGIN.plusDays(random.nextInt(30));
        int count = random.nextInt(8);
        for (int i = 0; i < count; i++) {
            LocalDate exit = day.plusDays(random.nextInt(random.nextInt(5) == 0 ? 120 : 25));
            Stay.Title title = random.nextInt(8) == 0 ? Stay.Title.RESIDENCE_PERMIT : Stay.Title.SHORT_STAY;
            boolean open = i == count - 1 && random.nextBoolean();
            stays.add(new Stay(day, open ? null : exit, title));
            day = exit.plusDays(1 + random.nextInt(random.nextInt(3) == 0 ? 200 : 40));
        }
        return StayHistory.of(stays);
    }

    private static StayRule.RollingWindow rule(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> new StayRule.RollingWindow(1 + random.nextInt(20), 20 + random.nextInt(40));
            case 1 -> new StayRule.RollingWindow(30, 31 + random.nextInt(3));
            default -> StayRule.RollingWindow.SCHENGEN;
        };
    }

    // The oracle: the days of stay as a set, every window counted day by day.

    private static Set<LocalDate> countedDays(StayHistory history, LocalDate through) {
        Set<LocalDate> days = new HashSet<>();
        for (Stay stay : history.stays()) {
            if (!stay.title().counted()) continue;
            LocalDate end = stay.exit() == null || stay.exit().isAfter(through) ? through : stay.exit();
            for (LocalDate d = stay.entry(); !d.isAfter(end); d = d.plusDays(1)) days.add(d);
        }
        return days;
    }

    private static int windowCount(Set<LocalDate> days, StayRule.RollingWindow rule, LocalDate end) {
        int count = 0;
        for (int i = 0; i < rule.windowDays(); i++) if (days.contains(end.minusDays(i))) count++;
        return count;
    }

    /** Days in a row from {@code first} that may be added to {@code days}, each day's window within the limit. */
    private static int legalRun(Set<LocalDate> days, StayRule.RollingWindow rule, LocalDate first) {
        Set<LocalDate> staying = new HashSet<>(days);
        int run = 0;
        for (LocalDate d = first; ; d = d.plusDays(1)) {
            staying.add(d);
            if (windowCount(staying, rule, d) > rule.stayDays()) return run;
            run++;
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void controlEqualsTheDayByDayOracle(long seed) {
        Random random = new Random(seed);
        StayHistory history = history(random);
        StayRule.RollingWindow rule = rule(random);
        LocalDate on = ORIGIN.plusDays(random.nextInt(700));
        Set<LocalDate> days = countedDays(history, on);
        int used = windowCount(days, rule, on);
        StayControl control = StayAccounting.control(rule, history, on);
        String at = "seed " + seed + ", rule " + rule.name() + ", on " + on + ", " + history.stays();
        assertThat(control.daysUsed()).as(at).isEqualTo(used);
        assertThat(control.overstayDays()).as(at).isEqualTo(Math.max(0, used - rule.stayDays()));
        assertThat(control.daysLeft()).as(at).isEqualTo(legalRun(days, rule, on.plusDays(1)));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void planEqualsTheDayByDayOracle(long seed) {
        Random random = new Random(seed);
        StayHistory history = history(random);
        StayRule.RollingWindow rule = rule(random);
        LocalDate entry = ORIGIN.plusDays(random.nextInt(700));
        int expected = legalRun(countedDays(history, entry.minusDays(1)), rule, entry);
        StayPlan plan = StayAccounting.plan(rule, history, entry);
        String at = "seed " + seed + ", rule " + rule.name() + ", entry " + entry + ", " + history.stays();
        assertThat(plan.maxStayDays()).as(at).isEqualTo(expected);
        assertThat(plan.lastLegalDay()).as(at).isEqualTo(expected == 0 ? null : entry.plusDays(expected - 1));
    }

    /**
     * Entering on a day the plan allows, every day of the stay up to its last legal day is controlled as legal with the
     * days left counting down to zero, and the day after it is an overstay; the day before entering, the control's days
     * left are the plan's days. Checked for every kind of limit.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void controlAndPlanningNeverContradict(long seed) {
        Random random = new Random(seed);
        StayHistory past = history(random);
        LocalDate entry = past.stays().isEmpty()
                ? ORIGIN.plusDays(random.nextInt(400))
                : (past.stays().get(past.stays().size() - 1).exit() == null
                                ? past.stays()
                                        .get(past.stays().size() - 1)
                                        .entry()
                                        .plusDays(200)
                                : past.stays().get(past.stays().size() - 1).exit())
                        .plusDays(1 + random.nextInt(150));
        past = past.upTo(entry.minusDays(1));
        StayRule rule = switch (random.nextInt(4)) {
            case 0 -> new StayRule.FixedDuration(1 + random.nextInt(60));
            case 1 ->
                new StayRule.VisaTerms(
                        entry.minusDays(random.nextInt(100)),
                        entry.plusDays(random.nextInt(100)),
                        random.nextInt(3),
                        1 + random.nextInt(90),
                        180 + random.nextInt(2));
            default -> rule(random);
        };
        String at = "seed " + seed + ", rule " + rule.name() + ", entry " + entry + ", " + past.stays();
        StayPlan plan = StayAccounting.plan(rule, past, entry);
        StayControl before = StayAccounting.control(rule, past, entry.minusDays(1));
        if (past.stayOn(entry.minusDays(1)) == null)
            assertThat(before.daysLeft()).as(at).isEqualTo(plan.maxStayDays());
        List<Stay> withEntry = new ArrayList<>(past.stays());
        withEntry.add(Stay.of(entry, null));
        StayHistory staying;
        try {
            staying = StayHistory.of(withEntry);
        } catch (IllegalArgumentException adjoining) {
            return; // the last past stay ends the day before: entering again that day is the same stay
        }
        int max = plan.maxStayDays();
        for (int j = 1; j <= max; j++) {
            StayControl control = StayAccounting.control(rule, staying, entry.plusDays(j - 1));
            assertThat(control.overstayDays()).as(at + ", day " + j).isZero();
            assertThat(control.daysLeft()).as(at + ", day " + j).isEqualTo(max - j);
            assertThat(control.lastLegalDay()).as(at + ", day " + j).isEqualTo(plan.lastLegalDay());
        }
        assertThat(StayAccounting.control(rule, staying, entry.plusDays(max)).overstayDays())
                .as(at + ", the day after the last legal day")
                .isPositive();
    }
}
