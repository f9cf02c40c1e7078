package org.orderly.monitoring.remittance;

import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import org.orderly.monitoring.Provenance;

/**
 * One World Development Indicators series as the World Bank exports it: the indicator's code and name, the source
 * organisation, the date the export was last updated, and per economy (ISO alpha-3 code, or a World Bank aggregate code)
 * the value of each year that has one. Aggregates (regions, income groups) are those the export's country metadata gives
 * no region.
 */
public record WdiSeries(
        String indicatorCode,
        String indicatorName,
        String sourceOrganisation,
        LocalDate lastUpdated,
        Map<String, String> names,
        Set<String> aggregates,
        Map<String, SortedMap<Integer, Double>> values,
        Provenance provenance) {

    public WdiSeries {
        Objects.requireNonNull(indicatorCode, "indicator code");
        names = Collections.unmodifiableMap(names);
        aggregates = Collections.unmodifiableSet(aggregates);
        values = Collections.unmodifiableMap(values);
    }

    /** The values of one economy by year (empty when it has none). */
    public SortedMap<Integer, Double> of(String code) {
        return values.getOrDefault(code, Collections.emptySortedMap());
    }

    /** True when the code is an economy rather than a World Bank aggregate. */
    public boolean isEconomy(String code) {
        return names.containsKey(code) && !aggregates.contains(code);
    }
}
