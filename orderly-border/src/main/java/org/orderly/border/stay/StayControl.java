package org.orderly.border.stay;

import java.time.LocalDate;

/**
 * The control answer on a date: {@code daysUsed} days of stay counted in the window ending that day (both ends
 * included), {@code overstayDays} days past the limit in it (0 when none), and {@code daysLeft} more days the traveller
 * may stay from the next day on if the stay goes on without a break (null when no limit applies); {@code lastLegalDay}
 * is then the last of those days ({@code on} itself when none is left, null when overstaying or without a limit).
 */
public record StayControl(
        String rule, LocalDate on, int daysUsed, int overstayDays, Integer daysLeft, LocalDate lastLegalDay) {

    public boolean overstaying() {
        return overstayDays > 0;
    }
}
