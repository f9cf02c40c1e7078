package org.orderly.border.stay;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * The limit on a traveller's stay: a closed family, so that every decision handles every kind of limit.
 * Which rule applies to a traveller comes from the rulebook (see {@link StayRules#of}).
 */
public sealed interface StayRule
        permits StayRule.RollingWindow, StayRule.FixedDuration, StayRule.VisaTerms, StayRule.NotCounted {

    /** A short name for people and logs, e.g. {@code 90/180}. */
    String name();

    /**
     * The one dispatch over the family: one function per kind of rule, so that a new kind changes this signature and
     * every decision that does not handle it fails to compile (Java 17 cannot check a pattern switch over a sealed type).
     */
    <R> R match(
            Function<RollingWindow, R> rollingWindow,
            Function<FixedDuration, R> fixedDuration,
            Function<VisaTerms, R> visaTerms,
            Function<NotCounted, R> notCounted);

    /**
     * At most {@code stayDays} days of short stay in any {@code windowDays}-day period, the period moving with each day
     * of stay and counted backwards from it, the days of entry and exit included (Regulation (EU) 2016/399 Art. 6(1)
     * and 6(2), as amended by Regulation (EU) No 610/2013): 90 in any 180 in the Schengen area.
     */
    record RollingWindow(int stayDays, int windowDays) implements StayRule {
        @Override
        public <R> R match(
                Function<RollingWindow, R> rollingWindow,
                Function<FixedDuration, R> fixedDuration,
                Function<VisaTerms, R> visaTerms,
                Function<NotCounted, R> notCounted) {
            return rollingWindow.apply(this);
        }

        public static final RollingWindow SCHENGEN = new RollingWindow(90, 180);

        public RollingWindow {
            // N = M would be no limit at all: every window of M days holds at most M days.
            if (stayDays < 1 || windowDays < 1 || stayDays >= windowDays) {
                throw new IllegalArgumentException(
                        "a stay rule N/M needs 1 ≤ N < M, not " + stayDays + "/" + windowDays);
            }
        }

        @Override
        public String name() {
            return stayDays + "/" + windowDays;
        }
    }

    /** At most {@code stayDays} days from each entry, the day of entry included; earlier stays do not count. */
    record FixedDuration(int stayDays) implements StayRule {
        @Override
        public <R> R match(
                Function<RollingWindow, R> rollingWindow,
                Function<FixedDuration, R> fixedDuration,
                Function<VisaTerms, R> visaTerms,
                Function<NotCounted, R> notCounted) {
            return fixedDuration.apply(this);
        }

        public FixedDuration {
            if (stayDays < 1)
                throw new IllegalArgumentException("a fixed stay needs at least one day, not " + stayDays);
        }

        @Override
        public String name() {
            return stayDays + " days per entry";
        }
    }

    /**
     * A visa: days of stay only from {@code validFrom} to {@code validUntil}, at most {@code entries} entries within that
     * period ({@code 0} for multiple entries), and a duration of stay of {@code durationDays} counted as {@code window}
     * counts it (for a uniform Schengen visa: that many days in any 180, Visa Code Art. 24(1), earlier short stays included).
     */
    record VisaTerms(LocalDate validFrom, LocalDate validUntil, int entries, int durationDays, int windowDays)
            implements StayRule {
        @Override
        public <R> R match(
                Function<RollingWindow, R> rollingWindow,
                Function<FixedDuration, R> fixedDuration,
                Function<VisaTerms, R> visaTerms,
                Function<NotCounted, R> notCounted) {
            return visaTerms.apply(this);
        }

        public static final int MULTIPLE = 0;

        public VisaTerms {
            Objects.requireNonNull(validFrom, "a visa needs the first day of its validity");
            Objects.requireNonNull(validUntil, "a visa needs the last day of its validity");
            if (validUntil.isBefore(validFrom))
                throw new IllegalArgumentException(
                        "visa validity ends (" + validUntil + ") before it starts (" + validFrom + ")");
            if (entries < 0)
                throw new IllegalArgumentException("visa entries must be 1, 2, … or 0 for multiple, not " + entries);
            new RollingWindow(durationDays, windowDays);
        }

        public RollingWindow window() {
            return new RollingWindow(durationDays, windowDays);
        }

        @Override
        public String name() {
            return "visa " + validFrom + ".." + validUntil + ", "
                    + (entries == MULTIPLE ? "multiple entries" : entries + (entries == 1 ? " entry" : " entries"))
                    + ", " + durationDays + " days in any " + windowDays;
        }
    }

    /** Stays under a residence permit, a long-stay visa or free movement: no short-stay limit; {@code until} ends the title when known. */
    record NotCounted(Stay.Title title, LocalDate until) implements StayRule {
        @Override
        public <R> R match(
                Function<RollingWindow, R> rollingWindow,
                Function<FixedDuration, R> fixedDuration,
                Function<VisaTerms, R> visaTerms,
                Function<NotCounted, R> notCounted) {
            return notCounted.apply(this);
        }

        public NotCounted {
            Objects.requireNonNull(title, "title");
            if (title.counted())
                throw new IllegalArgumentException("a short stay is counted; give the title that is not");
        }

        @Override
        public String name() {
            return "not counted (" + titleText() + ")";
        }

        /** The title as people read it: "free movement", "residence permit until 2027-03-31". */
        public String titleText() {
            return title.name().toLowerCase(Locale.ROOT).replace('_', ' ') + (until == null ? "" : " until " + until);
        }
    }
}
