package org.orderly.screening.compare;

import java.time.DateTimeException;
import java.time.LocalDate;

/** A birth date known in full or only by its year (lists often give just the year); month and day are 0 when unknown. */
public record BirthDate(int year, int month, int day) {
    public BirthDate {
        if (year < 1000 || year > 9999) {
            throw new IllegalArgumentException("birth year out of range: " + year);
        }
        if (month != 0 || day != 0) {
            LocalDate.of(year, month, day);
        }
    }

    public static BirthDate ofYear(int year) {
        return new BirthDate(year, 0, 0);
    }

    /**
     * Reads {@code YYYY}, {@code YYYY-MM-DD} or {@code YYYY-M-D}; returns null for blank text; refuses any other text
     * ({@code 1965-02}, {@code 1965x}); an impossible day or month keeps the year only, since real lists carry such
     * dates (three rows of the shared development set) and the year still helps.
     */
    public static BirthDate parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.trim();
        if (!t.matches("[0-9]{4}(-[0-9]{1,2}-[0-9]{1,2})?")) {
            throw new IllegalArgumentException("not a birth date (YYYY or YYYY-MM-DD): " + text);
        }
        int year = Integer.parseInt(t.substring(0, 4));
        String[] parts = t.split("-");
        if (parts.length == 3) {
            try {
                return new BirthDate(year, Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
            } catch (NumberFormatException | DateTimeException e) {
                return ofYear(year);
            }
        }
        return ofYear(year);
    }

    public boolean full() {
        return month != 0;
    }

    @Override
    public String toString() {
        return full() ? LocalDate.of(year, month, day).toString() : Integer.toString(year);
    }
}
