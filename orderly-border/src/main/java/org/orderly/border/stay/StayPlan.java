package org.orderly.border.stay;

import java.time.LocalDate;

/**
 * The planning answer for an entry on a date: the longest continuous stay starting that day ({@code maxStayDays},
 * 0 when the traveller may not enter then, null when no limit applies) and its last day ({@code lastLegalDay}, null
 * when {@code maxStayDays} is 0 or unlimited).
 */
public record StayPlan(String rule, LocalDate entry, Integer maxStayDays, LocalDate lastLegalDay) {}
