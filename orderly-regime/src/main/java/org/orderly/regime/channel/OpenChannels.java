package org.orderly.regime.channel;

import java.util.ArrayList;
import java.util.List;
import org.orderly.regime.Commitment;
import org.orderly.regime.FreeMovement;
import org.orderly.regime.LegalChannel;
import org.orderly.regime.Rulebook;

/**
 * The one rule of which legal channels are open to a nationality in a destination on a rulebook's date, which the
 * finder and the monitoring indicators both ask: the channels in force that the destination owes the origin (listed
 * nationalities, the instrument's parties, or any nationality), none for a national of the destination itself, and none
 * where the origin's nationals already have free movement with the right to work there (they need no channel). In one
 * order that every answer keeps: a channel opened for the origin's nationals (a partnership's quota) before a route open
 * to any nationality, then by title.
 */
public final class OpenChannels {
    private OpenChannels() {}

    /** The channels open to nationals of {@code origin} in {@code destination}, by dense rulebook indexes. */
    public static List<LegalChannel> between(Rulebook rules, int destination, int origin) {
        if (destination == origin) return List.of();
        List<Commitment> owed = rules.between(destination, origin);
        List<LegalChannel> open = new ArrayList<>(2);
        boolean freeToWork = false;
        for (Commitment c : owed) {
            if (c instanceof LegalChannel channel) open.add(channel);
            if (c instanceof FreeMovement) freeToWork = true;
        }
        if (open.isEmpty()) return List.of();
        if (freeToWork
                && rules.freeMovement(rules.codeAt(destination), rules.codeAt(origin))
                        .filter(FreeMovement::rightToWork)
                        .isPresent()) {
            return List.of();
        }
        open.sort(ORDER);
        return open;
    }

    private static final java.util.Comparator<LegalChannel> ORDER =
            java.util.Comparator.comparing(LegalChannel::anyNationality).thenComparing(LegalChannel::title);

    /** The same by state codes; empty for a code the rulebook does not index. */
    public static List<LegalChannel> between(Rulebook rules, String destination, String origin) {
        int d = rules.indexOf(destination);
        int o = rules.indexOf(origin);
        return d < 0 || o < 0 ? List.of() : between(rules, d, o);
    }
}
