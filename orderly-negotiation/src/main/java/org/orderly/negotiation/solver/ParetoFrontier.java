package org.orderly.negotiation.solver;

import java.util.List;
import java.util.Map;
import org.orderly.negotiation.Deal;

/**
 * The Pareto-efficient utility vectors of a negotiation (one representative deal each), over all
 * norm-respecting deals or only the individually rational ones; {@code complete} is true when the
 * solver proved no further point exists.
 */
public record ParetoFrontier(
        List<String> parties, List<Point> points, boolean individuallyRationalOnly, boolean complete, double seconds) {
    public ParetoFrontier {
        parties = List.copyOf(parties);
        points = List.copyOf(points);
    }

    /** One efficient point: the utilities (points) and a deal that achieves them. */
    public record Point(Map<String, Long> utilities, Deal deal, boolean individuallyRational) {
        public Point {
            utilities = Map.copyOf(utilities);
        }
    }

    public int size() {
        return points.size();
    }
}
