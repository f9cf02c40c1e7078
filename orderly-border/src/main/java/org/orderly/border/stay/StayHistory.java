package org.orderly.border.stay;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A traveller's stays in date order, none overlapping another and only the last one open: the input of every stay
 * decision. Built with {@link #of}, which refuses overlaps and open stays followed by another, naming both stays.
 */
public record StayHistory(List<Stay> stays) {

    public static final StayHistory EMPTY = new StayHistory(List.of());

    public StayHistory {
        stays = List.copyOf(stays);
        for (int i = 1; i < stays.size(); i++) {
            Stay before = stays.get(i - 1);
            Stay after = stays.get(i);
            if (before.open()) {
                throw new IllegalArgumentException(
                        "stay " + i + " (" + before + ") is open but stay " + (i + 1) + " (" + after + ") follows it");
            }
            if (!after.entry().isAfter(before.exit())) {
                throw new IllegalArgumentException("stay " + (i + 1) + " (" + after + ") overlaps or is not after stay "
                        + i + " (" + before + ")");
            }
        }
    }

    /** The stays sorted by entry date, then checked. */
    public static StayHistory of(List<Stay> stays) {
        List<Stay> sorted = new ArrayList<>(stays);
        sorted.sort(Comparator.comparing(Stay::entry));
        return new StayHistory(sorted);
    }

    /** The stay that covers {@code day}, or null when the traveller was not in the territory that day. */
    public Stay stayOn(LocalDate day) {
        for (int i = stays.size() - 1; i >= 0; i--) {
            Stay stay = stays.get(i);
            if (stay.covers(day)) return stay;
            if (stay.entry().isBefore(day) && !stay.open() && stay.exit().isBefore(day)) return null;
        }
        return null;
    }

    /** Whether a short stay (one that counts) covers {@code day}. */
    public boolean countedOn(LocalDate day) {
        Stay stay = stayOn(day);
        return stay != null && stay.title().counted();
    }

    /** The stays as known on {@code day}: later entries dropped, a stay running past it cut at it (an open stay runs up to it). */
    public StayHistory upTo(LocalDate day) {
        List<Stay> kept = new ArrayList<>();
        for (Stay stay : stays) {
            if (stay.entry().isAfter(day)) break;
            LocalDate exit = stay.exit() == null || stay.exit().isAfter(day) ? day : stay.exit();
            kept.add(new Stay(stay.entry(), exit, stay.title()));
        }
        return new StayHistory(kept);
    }
}
