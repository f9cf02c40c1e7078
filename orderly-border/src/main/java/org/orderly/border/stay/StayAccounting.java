package org.orderly.border.stay;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Stay decisions: {@link #control} (on a date, given past stays) and {@link #plan} (entering on a date). Pure functions
 * over a {@link StayHistory}; the border desk, the crossings ledger and the stream job all call these two.
 */
public final class StayAccounting {
    private StayAccounting() {}

    /** The control answer on {@code on}: only stays up to that day count, an open stay running up to it. */
    public static StayControl control(StayRule rule, StayHistory history, LocalDate on) {
        StayHistory known = history.upTo(on);
        return rule.match(
                window -> {
                    Days days = new Days(known, on);
                    int used = days.count(window.windowDays(), on.toEpochDay());
                    int left = days.run(window, on.toEpochDay() + 1, Long.MAX_VALUE);
                    return control(rule, on, used, Math.max(0, used - window.stayDays()), left);
                },
                fixed -> {
                    Stay current = known.stayOn(on);
                    int used = current == null || !current.title().counted()
                            ? 0
                            : (int) ChronoUnit.DAYS.between(current.entry(), on) + 1;
                    int left = current == null ? fixed.stayDays() : Math.max(0, fixed.stayDays() - used);
                    return control(rule, on, used, Math.max(0, used - fixed.stayDays()), left);
                },
                visa -> visaControl(visa, known, on),
                title -> {
                    Integer left = title.until() == null
                            ? null
                            : (int) Math.max(0, ChronoUnit.DAYS.between(on, title.until()));
                    return new StayControl(rule.name(), on, 0, 0, left, left == null ? null : on.plusDays(left));
                });
    }

    /** The planning answer for an entry on {@code entry}: only stays before that day count. */
    public static StayPlan plan(StayRule rule, StayHistory history, LocalDate entry) {
        StayHistory before = history.upTo(entry.minusDays(1));
        return rule.match(
                window -> plan(
                        rule,
                        entry,
                        new Days(before, entry.minusDays(1)).run(window, entry.toEpochDay(), Long.MAX_VALUE)),
                fixed -> plan(rule, entry, fixed.stayDays()),
                visa -> {
                    int entryNumber = visaEntries(visa, before) + 1;
                    boolean mayEnter = !entry.isBefore(visa.validFrom())
                            && !entry.isAfter(visa.validUntil())
                            && (visa.entries() == StayRule.VisaTerms.MULTIPLE || entryNumber <= visa.entries());
                    return plan(
                            rule,
                            entry,
                            !mayEnter
                                    ? 0
                                    : new Days(before, entry.minusDays(1))
                                            .run(
                                                    visa.window(),
                                                    entry.toEpochDay(),
                                                    visa.validUntil().toEpochDay()));
                },
                title -> title.until() == null
                        ? new StayPlan(rule.name(), entry, null, null)
                        : plan(rule, entry, (int) Math.max(0, ChronoUnit.DAYS.between(entry, title.until()) + 1)));
    }

    /** A control answer; an overstaying traveller has no last legal day ahead (null), a legal one has {@code on} plus the days left. */
    private static StayControl control(StayRule rule, LocalDate on, int used, int overstay, int left) {
        return new StayControl(rule.name(), on, used, overstay, left, overstay > 0 ? null : on.plusDays(left));
    }

    private static StayPlan plan(StayRule rule, LocalDate entry, int days) {
        return new StayPlan(rule.name(), entry, days, days == 0 ? null : entry.plusDays(days - 1));
    }

    private static StayControl visaControl(StayRule.VisaTerms visa, StayHistory known, LocalDate on) {
        Days days = new Days(known, on);
        long end = on.toEpochDay();
        int used = days.count(visa.windowDays(), end);
        // Days in the window on this visa that it did not allow: after its validity, or on an entry beyond those it
        // grants.
        long windowStart = end - visa.windowDays() + 1;
        int outside = 0;
        int entryNumber = 0;
        Stay current = known.stayOn(on);
        for (Stay stay : known.stays()) {
            if (!stay.title().counted()
                    || stay.entry().isBefore(visa.validFrom())
                    || stay.entry().isAfter(visa.validUntil())) continue;
            entryNumber++;
            long from = Math.max(windowStart, stay.entry().toEpochDay());
            long to = stay.exit().toEpochDay();
            if (visa.entries() != StayRule.VisaTerms.MULTIPLE && entryNumber > visa.entries()) {
                outside += (int) Math.max(0, to - from + 1);
            } else {
                outside +=
                        (int) Math.max(0, to - Math.max(from, visa.validUntil().toEpochDay() + 1) + 1);
            }
        }
        int overstay = Math.max(Math.max(0, used - visa.durationDays()), outside);
        int left;
        if (current != null && current.title().counted()) {
            left = overstay > 0
                    ? 0
                    : days.run(visa.window(), end + 1, visa.validUntil().toEpochDay());
        } else {
            LocalDate next = on.plusDays(1);
            Integer planned = plan(visa, known, next).maxStayDays();
            left = planned == null ? 0 : planned;
        }
        return control(visa, on, used, overstay, left);
    }

    private static int visaEntries(StayRule.VisaTerms visa, StayHistory before) {
        int entries = 0;
        for (Stay stay : before.stays()) {
            if (stay.title().counted()
                    && !stay.entry().isBefore(visa.validFrom())
                    && !stay.entry().isAfter(visa.validUntil())) entries++;
        }
        return entries;
    }

    /**
     * The counted days of a history as sorted epoch-day intervals (every stay closed by {@link StayHistory#upTo}), with
     * window counts in time linear in the number of stays and runs of legal days in time linear in their length.
     */
    private static final class Days {
        private final long[] from;
        private final long[] to;
        private final long known;

        Days(StayHistory history, LocalDate knownUntil) {
            List<Stay> counted =
                    history.stays().stream().filter(s -> s.title().counted()).toList();
            from = new long[counted.size()];
            to = new long[counted.size()];
            for (int i = 0; i < from.length; i++) {
                from[i] = counted.get(i).entry().toEpochDay();
                to[i] = counted.get(i).exit().toEpochDay();
            }
            known = knownUntil.toEpochDay();
        }

        /** Counted days in the {@code window} days ending on {@code end}, both ends included. */
        int count(int window, long end) {
            long start = end - window + 1;
            long total = 0;
            for (int i = 0; i < from.length; i++) {
                long a = Math.max(from[i], start);
                long b = Math.min(to[i], end);
                if (b >= a) total += b - a + 1;
            }
            return (int) total;
        }

        /** Whether the traveller is counted on {@code day}: the history up to the known day, and staying on after it. */
        boolean present(long day) {
            if (day > known) return true;
            int low = 0;
            int high = from.length - 1;
            while (low <= high) {
                int mid = (low + high) >>> 1;
                if (to[mid] < day) low = mid + 1;
                else if (from[mid] > day) high = mid - 1;
                else return true;
            }
            return false;
        }

        /**
         * How many days in a row, from {@code first} (after the known days) up to {@code last}, the traveller may stay
         * with every day's window holding at most the rule's days. A run can never pass the limit N itself.
         */
        int run(StayRule.RollingWindow rule, long first, long last) {
            int count = count(rule.windowDays(), first - 1);
            int days = 0;
            for (long day = first; day <= last; day++) {
                count += 1;
                if (present(day - rule.windowDays())) count -= 1;
                if (count > rule.stayDays()) break;
                days++;
            }
            return days;
        }
    }
}
