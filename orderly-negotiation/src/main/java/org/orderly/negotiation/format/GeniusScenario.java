package org.orderly.negotiation.format;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.orderly.negotiation.Table;

/**
 * A GENIUS scenario as read: the table (utilities in points of 10⁻⁶, {@link GeniusReader#POINTS_PER_UNIT}),
 * the files it came from and, per party, what the profile says beyond the utility function.
 */
public record GeniusScenario(String name, Path domain, Table table, Map<String, Profile> profiles) {
    public GeniusScenario {
        profiles = Map.copyOf(profiles);
    }

    /**
     * One party's profile: its file, whether it is linear additive or made of hyper-rectangles, the
     * reservation value and the discount factor as written (1 when absent; recorded and shown, the
     * static optimum ignores it).
     */
    public record Profile(Path file, boolean nonlinear, double reservation, double discountFactor) {}

    /** The parties in the order of the profile files. */
    public List<String> parties() {
        return table.negotiation().parties();
    }
}
