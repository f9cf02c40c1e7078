package org.orderly.lab.data;

import java.util.Optional;

/**
 * What each UN name stands for, from the totals file (which names each area and gives its alpha-3 code, or NA) and the
 * population file (which also lists the regional aggregates, without a code). A name the totals file codes is a
 * {@link Area.Kind#CODED} area; one it lists with NA is {@link Area.Kind#UNCODED}; one only the population file lists
 * without a code is an {@link Area.Kind#AGGREGATE}; any other name is unknown and the file that uses it is refused.
 */
public record AreaNames(StockTotals totals, PopulationTotals population) {

    /** The area a UN name stands for (footnote marks ignored), or empty when neither file names it. */
    public Optional<Area> resolve(String unName) {
        String key = Area.key(unName);
        if (totals.codes().containsKey(key)) {
            String code = totals.codes().get(key);
            return Optional.of(new Area(key, code, code == null ? Area.Kind.UNCODED : Area.Kind.CODED));
        }
        if (population.uncodedNames().contains(key)) return Optional.of(new Area(key, null, Area.Kind.AGGREGATE));
        return Optional.empty();
    }

    /** Why a name is refused, for error messages. */
    String unknown(String role, String unName) {
        return "unknown " + role + " '" + unName + "': neither " + totals.file()
                + " (the states and areas, with their alpha-3 codes) nor " + population.file()
                + " (which also lists the aggregates) names it";
    }
}
