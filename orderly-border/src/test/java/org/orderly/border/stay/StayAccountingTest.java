package org.orderly.border.stay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Worked cases of the short-stay rule, each derived by hand from the rule's text: Regulation (EU) 2016/399 (Schengen
 * Borders Code), Art. 6(1) as amended by Regulation (EU) No 610/2013 — "up to 90 days in any 180-day period, which
 * entails considering the 180-day period preceding each day of stay" — and Art. 6(2): "the date of entry shall be
 * considered as the first day of stay … and the date of exit … as the last day of stay", and periods of stay under a
 * residence permit or a long-stay visa are not taken into account. The day counts are written out in each test.
 */
class StayAccountingTest {
    private static final StayRule SCHENGEN = StayRule.RollingWindow.SCHENGEN;

    private static StayHistory stays(String... stays) {
        return StayHistory.of(Arrays.stream(stays).map(Stay::parse).toList());
    }

    private static LocalDate day(String text) {
        return LocalDate.parse(text);
    }

    @Test
    void ninetyDaysFromNewYearUseTheWholeAllowanceOnTheLastOfMarch() {
        // 2013: January 31 + February 28 + March 31 = 90 days, entry and exit days included.
        StayControl control = StayAccounting.control(SCHENGEN, stays("2013-01-01..2013-03-31"), day("2013-03-31"));
        assertThat(control.daysUsed()).isEqualTo(90);
        assertThat(control.overstayDays()).isZero();
        assertThat(control.daysLeft()).isZero();
        assertThat(control.lastLegalDay()).isEqualTo(day("2013-03-31"));
    }

    @Test
    void reentryIsPossibleOnlyWhenTheFirstDayHasLeftTheWindow() {
        StayHistory history = stays("2013-01-01..2013-03-31");
        // The 180 days ending 29 June 2013 start on 1 January: 90 old days + the day of entry = 91.
        assertThat(StayAccounting.plan(SCHENGEN, history, day("2013-06-29")).maxStayDays())
                .isZero();
        assertThat(StayAccounting.plan(SCHENGEN, history, day("2013-06-29")).lastLegalDay())
                .isNull();
        // From 30 June one old day leaves the window for each new day, until 31 March leaves it on 27 September
        // (27 September − 179 days = 1 April); 30 June..27 September is 1 + 31 + 31 + 27 = 90 days.
        StayPlan plan = StayAccounting.plan(SCHENGEN, history, day("2013-06-30"));
        assertThat(plan.maxStayDays()).isEqualTo(90);
        assertThat(plan.lastLegalDay()).isEqualTo(day("2013-09-27"));
    }

    @Test
    void twoShortStaysLeaveFiftyDaysUntilTheFirstLeavesTheWindow() {
        // 10 days in January and 30 in March: 40 used; the window ending 15 May 2025 starts 17 November 2024.
        StayHistory history = stays("2025-01-10..2025-01-19", "2025-03-01..2025-03-30");
        StayControl control = StayAccounting.control(SCHENGEN, history, day("2025-05-15"));
        assertThat(control.daysUsed()).isEqualTo(40);
        assertThat(control.overstayDays()).isZero();
        // 16 May..4 July is 16 + 30 + 4 = 50 days; 10 January leaves the window only on 9 July.
        assertThat(control.daysLeft()).isEqualTo(50);
        assertThat(control.lastLegalDay()).isEqualTo(day("2025-07-04"));
        StayPlan plan = StayAccounting.plan(SCHENGEN, history, day("2025-05-16"));
        assertThat(plan.maxStayDays()).isEqualTo(50);
        assertThat(plan.lastLegalDay()).isEqualTo(day("2025-07-04"));
    }

    @Test
    void aShortOverstayIsTheDaysPastNinetyInTheWindow() {
        // An open stay from 1 January 2025, controlled on 5 April: 31 + 28 + 31 + 5 = 95 days.
        StayControl control = StayAccounting.control(SCHENGEN, stays("2025-01-01.."), day("2025-04-05"));
        assertThat(control.daysUsed()).isEqualTo(95);
        assertThat(control.overstayDays()).isEqualTo(5);
        assertThat(control.daysLeft()).isZero();
        assertThat(control.lastLegalDay()).isNull();
    }

    @Test
    void aLongOverstayFillsTheWholeWindow() {
        StayControl control = StayAccounting.control(SCHENGEN, stays("2025-01-01.."), day("2025-12-31"));
        assertThat(control.daysUsed()).isEqualTo(180);
        assertThat(control.overstayDays()).isEqualTo(90);
    }

    @Test
    void staysUnderAResidencePermitAreNotCounted() {
        StayHistory history = StayHistory.of(java.util.List.of(
                new Stay(day("2025-01-01"), day("2025-03-31"), Stay.Title.RESIDENCE_PERMIT),
                Stay.parse("2025-04-01..")));
        StayControl control = StayAccounting.control(SCHENGEN, history, day("2025-04-10"));
        assertThat(control.daysUsed()).isEqualTo(10);
        assertThat(control.daysLeft()).isEqualTo(80);
        StayControl resident = StayAccounting.control(
                new StayRule.NotCounted(Stay.Title.RESIDENCE_PERMIT, day("2025-12-31")), history, day("2025-04-10"));
        assertThat(resident.daysUsed()).isZero();
        assertThat(resident.lastLegalDay()).isEqualTo(day("2025-12-31"));
        StayPlan free = StayAccounting.plan(
                new StayRule.NotCounted(Stay.Title.FREE_MOVEMENT, null), history, day("2025-05-01"));
        assertThat(free.maxStayDays()).isNull();
    }

    @Test
    void aMultipleEntryVisaCountsEarlierDaysInTheWindow() {
        StayRule visa =
                new StayRule.VisaTerms(day("2025-01-01"), day("2025-12-31"), StayRule.VisaTerms.MULTIPLE, 90, 180);
        // 1 January..1 March is 31 + 28 + 1 = 60 days; none leaves the window before 30 June, so 30 days remain.
        StayPlan plan = StayAccounting.plan(visa, stays("2025-01-01..2025-03-01"), day("2025-04-01"));
        assertThat(plan.maxStayDays()).isEqualTo(30);
        assertThat(plan.lastLegalDay()).isEqualTo(day("2025-04-30"));
    }

    @Test
    void aVisaEndsTheStayOnTheLastDayOfItsValidity() {
        StayRule visa = new StayRule.VisaTerms(day("2025-04-01"), day("2025-04-15"), 1, 15, 180);
        StayPlan plan = StayAccounting.plan(visa, StayHistory.EMPTY, day("2025-04-01"));
        assertThat(plan.maxStayDays()).isEqualTo(15);
        assertThat(plan.lastLegalDay()).isEqualTo(day("2025-04-15"));
        assertThat(StayAccounting.plan(visa, StayHistory.EMPTY, day("2025-03-31"))
                        .maxStayDays())
                .isZero();
        StayControl late = StayAccounting.control(visa, stays("2025-04-01.."), day("2025-04-18"));
        assertThat(late.overstayDays()).isEqualTo(3);
        assertThat(late.daysLeft()).isZero();
    }

    @Test
    void aSingleEntryVisaRefusesASecondEntry() {
        StayRule visa = new StayRule.VisaTerms(day("2025-04-01"), day("2025-06-30"), 1, 30, 180);
        StayHistory history = stays("2025-04-01..2025-04-05");
        assertThat(StayAccounting.plan(visa, history, day("2025-05-01")).maxStayDays())
                .isZero();
        StayControl second =
                StayAccounting.control(visa, stays("2025-04-01..2025-04-05", "2025-05-01.."), day("2025-05-02"));
        assertThat(second.overstayDays()).isEqualTo(2);
    }

    @Test
    void aFixedDurationCountsFromEachEntry() {
        StayRule thirty = new StayRule.FixedDuration(30);
        assertThat(StayAccounting.plan(thirty, stays("2025-01-01..2025-01-30"), day("2025-02-01"))
                        .lastLegalDay())
                .isEqualTo(day("2025-03-02"));
        StayControl control = StayAccounting.control(thirty, stays("2025-02-01.."), day("2025-03-05"));
        assertThat(control.daysUsed()).isEqualTo(33);
        assertThat(control.overstayDays()).isEqualTo(3);
    }

    @Test
    void refusesOverlappingStaysNamingBoth() {
        assertThatThrownBy(() -> stays("2025-01-01..2025-01-10", "2025-01-10..2025-01-12"))
                .hasMessage("stay 2 (2025-01-10..2025-01-12) overlaps or is not after stay 1 (2025-01-01..2025-01-10)");
        assertThatThrownBy(() -> Stay.parse("2025-01-01-2025-01-10")).hasMessageContaining("is not FROM..TO");
        assertThatThrownBy(() -> Stay.parse("2025-01-01..2025-13-01"))
                .hasMessageContaining("the exit date '2025-13-01' is not an ISO date");
        assertThatThrownBy(() -> org.orderly.border.crossing.StayRuleCodes.parse("180/90"))
                .hasMessageContaining("1 ≤ N < M");
    }
}
