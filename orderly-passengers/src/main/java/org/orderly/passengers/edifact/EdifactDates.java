package org.orderly.passengers.edifact;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Locale;

/**
 * Dates and times as passenger messages write them: {@code YYMMDD}, {@code CCYYMMDD}, {@code DDMMYY}
 * (PNRGOV), {@code DDMMMYY} (SSR DOCS free text), {@code HHMM}. Two-digit years are placed in a century
 * by what the date is: a birth date is never after the message's date; an expiry date is within fifty years of it.
 * Each method returns null for text that is not such a date.
 */
public final class EdifactDates {
    private static final String[] MONTHS = {
        "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"
    };

    /** Which century a two-digit year belongs to. */
    public enum Century {
        /** a date in the past: birth, issue */
        PAST,
        /** a date that may lie ahead: expiry, travel */
        NEAR
    }

    private EdifactDates() {}

    /** {@code YYMMDD} or {@code CCYYMMDD}. */
    public static LocalDate yearMonthDay(String text, Century century, LocalDate reference) {
        if (text == null) return null;
        String t = text.strip();
        if (!digits(t)) return null;
        if (t.length() == 8) return date(Integer.parseInt(t.substring(0, 4)), num(t, 4), num(t, 6));
        if (t.length() != 6) return null;
        return date(year(num(t, 0), century, reference), num(t, 2), num(t, 4));
    }

    /** {@code DDMMYY} (PNRGOV's TVL, DAT and RCI). */
    public static LocalDate dayMonthYear(String text, Century century, LocalDate reference) {
        if (text == null) return null;
        String t = text.strip();
        if (t.length() != 6 || !digits(t)) return null;
        return date(year(num(t, 4), century, reference), num(t, 2), num(t, 0));
    }

    /** {@code DDMMMYY}, as in {@code 12JUL64}, or {@code DDMMMYYYY}. */
    public static LocalDate dayMonthNameYear(String text, Century century, LocalDate reference) {
        if (text == null) return null;
        String t = text.strip().toUpperCase(Locale.ROOT);
        if ((t.length() != 7 && t.length() != 9) || !digits(t.substring(0, 2)) || !digits(t.substring(5))) return null;
        int month = -1;
        for (int m = 0; m < 12; m++) if (MONTHS[m].equals(t.substring(2, 5))) month = m + 1;
        if (month < 0) return null;
        int year = t.length() == 9 ? Integer.parseInt(t.substring(5)) : year(num(t, 5), century, reference);
        return date(year, month, num(t, 0));
    }

    /** {@code HHMM}. */
    public static LocalTime hourMinute(String text) {
        if (text == null) return null;
        String t = text.strip();
        if (t.length() != 4 || !digits(t)) return null;
        int h = num(t, 0), m = num(t, 2);
        return h < 24 && m < 60 ? LocalTime.of(h, m) : null;
    }

    private static int year(int twoDigits, Century century, LocalDate reference) {
        int year = 2000 + twoDigits;
        if (century == Century.PAST) return year > reference.getYear() ? year - 100 : year;
        return year > reference.getYear() + 50 ? year - 100 : year;
    }

    private static LocalDate date(int year, int month, int day) {
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static int num(String t, int at) {
        return (t.charAt(at) - '0') * 10 + (t.charAt(at + 1) - '0');
    }

    private static boolean digits(String t) {
        if (t.isEmpty()) return false;
        for (int i = 0; i < t.length(); i++) if (t.charAt(i) < '0' || t.charAt(i) > '9') return false;
        return true;
    }
}
