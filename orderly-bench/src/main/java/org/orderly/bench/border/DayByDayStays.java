package org.orderly.bench.border;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.orderly.border.stay.Stay;
import org.orderly.border.stay.StayHistory;
import org.orderly.border.stay.StayRule;

/**
 * The baseline for stay decisions: the obvious way, every day of stay put in a set and every window counted day by
 * day (what a spreadsheet or a first implementation does). Same answers as {@code StayAccounting}, slower.
 */
public final class DayByDayStays {
    private DayByDayStays() {}

    /** Days used in the window ending {@code on} and the days left from the next day on. */
    public static int[] control(StayRule.RollingWindow rule, StayHistory history, LocalDate on) {
        Set<LocalDate> days = new HashSet<>();
        for (Stay stay : history.stays()) {
            if (!stay.title().counted()) continue;
            LocalDate end = stay.exit() == null || stay.exit().isAfter(on) ? on : stay.exit();
            for (LocalDate d = stay.entry(); !d.isAfter(end); d = d.plusDays(1)) days.add(d);
        }
        int used = count(days, rule, on);
        int left = 0;
        for (LocalDate d = on.plusDays(1); ; d = d.plusDays(1)) {
            days.add(d);
            if (count(days, rule, d) > rule.stayDays()) break;
            left++;
        }
        return new int[] {used, left};
    }

    private static int count(Set<LocalDate> days, StayRule.RollingWindow rule, LocalDate end) {
        int count = 0;
        for (int i = 0; i < rule.windowDays(); i++) if (days.contains(end.minusDays(i))) count++;
        return count;
    }
}
