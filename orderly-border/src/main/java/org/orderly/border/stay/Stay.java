package org.orderly.border.stay;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One stay in the territory: from the day of entry to the day of exit, both days of stay (Regulation (EU) 2016/399,
 * Art. 6(2)); {@code exit} is null while the stay is open. Stays under a residence permit, a long-stay visa or free
 * movement are kept but not counted against a short-stay limit (same article).
 */
public record Stay(LocalDate entry, LocalDate exit, Title title) {

    /** Under what title the traveller stays; only short stays count against a short-stay limit. */
    public enum Title {
        SHORT_STAY,
        RESIDENCE_PERMIT,
        LONG_STAY_VISA,
        FREE_MOVEMENT;

        public boolean counted() {
            return this == SHORT_STAY;
        }
    }

    public Stay {
        Objects.requireNonNull(entry, "a stay needs its entry date");
        Objects.requireNonNull(title, "title");
        if (exit != null && exit.isBefore(entry)) {
            throw new IllegalArgumentException("stay " + entry + ".." + exit + " ends before it starts");
        }
    }

    /** A short stay (exit null while open). */
    public static Stay of(LocalDate entry, LocalDate exit) {
        return new Stay(entry, exit, Title.SHORT_STAY);
    }

    /**
     * Reads {@code FROM..TO} or the open {@code FROM..} (ISO-8601 dates).
     *
     * @throws IllegalArgumentException saying what is wrong with the text
     */
    public static Stay parse(String text) {
        if (text == null) throw new IllegalArgumentException("a stay is FROM..TO or FROM.. (ISO dates), not nothing");
        int dots = text.indexOf("..");
        if (dots < 0)
            throw new IllegalArgumentException(
                    "stay '" + text + "' is not FROM..TO or FROM.. (ISO dates, e.g. 2026-01-01..2026-01-31)");
        LocalDate from = date(text, text.substring(0, dots).strip(), "entry");
        String rest = text.substring(dots + 2).strip();
        return of(from, rest.isEmpty() ? null : date(text, rest, "exit"));
    }

    private static LocalDate date(String stay, String value, String what) {
        try {
            return LocalDate.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "stay '" + stay + "': the " + what + " date '" + value + "' is not an ISO date (YYYY-MM-DD)");
        }
    }

    public boolean open() {
        return exit == null;
    }

    /** Whether the traveller was in the territory on {@code day} under this stay (an open stay runs on). */
    public boolean covers(LocalDate day) {
        return !day.isBefore(entry) && (exit == null || !day.isAfter(exit));
    }

    @Override
    public String toString() {
        return entry + ".." + (exit == null ? "" : exit)
                + (title == Title.SHORT_STAY
                        ? ""
                        : " (" + title.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ")");
    }
}
