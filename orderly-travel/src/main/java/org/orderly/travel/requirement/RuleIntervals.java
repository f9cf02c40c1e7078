package org.orderly.travel.requirement;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NavigableSet;
import java.util.TreeSet;
import org.orderly.regime.EntryPolicy;
import org.orderly.regime.Registry;
import org.orderly.regime.Rulebook;

/**
 * The dates between which a registry's travel rules stay the same: the {@link Rulebook#changeDates} of its
 * commitments, instruments and participations, and the dates on which the nearest visa snapshot changes (halfway
 * between two snapshot dates, on a tie the later snapshot being nearer; and the day temporary measures begin to count). Two dates in the same interval share one
 * compilation ({@link TravelRules#on}), so asking a new date per request costs a lookup, not a compilation.
 */
public final class RuleIntervals {
    private final LocalDate[] changes;

    private RuleIntervals(LocalDate[] changes) {
        this.changes = changes;
    }

    public static RuleIntervals of(Registry registry) {
        NavigableSet<LocalDate> changes = new TreeSet<>(Rulebook.changeDates(registry));
        List<LocalDate> snapshots = new ArrayList<>(new TreeSet<>(registry.entryPolicies().stream()
                .map(EntryPolicy::source)
                .map(org.orderly.regime.Source::asOf)
                .filter(java.util.Objects::nonNull)
                .toList()));
        // A pair of states may lack some snapshots, so the nearest one can switch halfway between any two of them.
        for (int i = 0; i < snapshots.size(); i++) {
            for (int j = i + 1; j < snapshots.size(); j++) {
                long days = ChronoUnit.DAYS.between(snapshots.get(i), snapshots.get(j));
                changes.add(snapshots.get(i).plusDays((days + 1) / 2));
            }
        }
        // A temporary (COVID-19) measure counts only from the pandemic on (TravelRules), so the nearest snapshot may
        // change then.
        changes.add(org.orderly.regime.TravelCategory.COVID_MEASURES_FROM);
        return new RuleIntervals(changes.toArray(LocalDate[]::new));
    }

    /** The interval a date lies in: how many change dates are on or before it. */
    public int of(LocalDate date) {
        int at = Arrays.binarySearch(changes, date);
        return at >= 0 ? at + 1 : -at - 1;
    }

    /** How many intervals there are (change dates plus one). */
    public int count() {
        return changes.length + 1;
    }
}
