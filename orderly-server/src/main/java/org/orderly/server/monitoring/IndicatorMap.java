package org.orderly.server.monitoring;

import java.util.ArrayList;
import java.util.List;

/**
 * An indicator's values for one period in up to four bands of about as many states each (equal values share a band),
 * so that the world map and its legend say the same thing; each band has a fill and a pattern (see orderly.css and
 * orderly-map.js), so that the legend reads without colour.
 */
final class IndicatorMap {
    static final int BANDS = 4;
    private static final String[] PATTERNS = {"plain", "dotted", "striped", "cross-hatched"};

    private IndicatorMap() {}

    /** One band of the legend: its rank (0 = lowest values), its range in words and its pattern. */
    record Band(int rank, double lowest, double highest, long states, String range, String pattern) {}

    /** The bands of the given values (recorded ones only), lowest first; none when no value is recorded. */
    static List<Band> bands(List<Double> values) {
        List<Double> sorted = values.stream().filter(v -> v != null).sorted().toList();
        List<Band> bands = new ArrayList<>();
        if (sorted.isEmpty()) return bands;
        int n = sorted.size();
        int start = 0;
        while (start < n) {
            int nominal = Math.min(BANDS - 1, BANDS * start / n);
            // The band ends where the next nominal band would start, extended so that equal values stay together.
            int end = Math.max(start + 1, (int) Math.ceil((double) n * (nominal + 1) / BANDS));
            end = Math.min(end, n);
            while (end < n && sorted.get(end).equals(sorted.get(end - 1))) end++;
            int rank = bands.size();
            double lowest = sorted.get(start);
            double highest = sorted.get(end - 1);
            String range = lowest == highest
                    ? MonitoringPages.show(lowest)
                    : MonitoringPages.show(lowest) + " to " + MonitoringPages.show(highest);
            bands.add(
                    new Band(rank, lowest, highest, end - start, range, PATTERNS[Math.min(rank, PATTERNS.length - 1)]));
            start = end;
        }
        return bands;
    }

    /** The rank of the band holding a value, or -1 when the value is missing. */
    static int band(List<Band> bands, Double value) {
        if (value == null) return -1;
        for (Band band : bands) {
            if (value <= band.highest()) return band.rank();
        }
        return bands.isEmpty() ? -1 : bands.get(bands.size() - 1).rank();
    }
}
