package org.orderly.server.monitoring;

import java.util.List;
import org.orderly.monitoring.IndicatorValue;
import org.orderly.monitoring.ReportedValue;
import org.orderly.store.monitoring.ReportedValueStore;
import org.springframework.stereotype.Service;

/** Self-reported values beside the computed value of the same indicator, party and period, for the API and the pages. */
@Service
class ReportedValues {
    private final ReportedValueStore store;
    private final MonitoringService monitoring;

    ReportedValues(ReportedValueStore store, MonitoringService monitoring) {
        this.store = store;
        this.monitoring = monitoring;
    }

    /**
     * A reported value with the computed value of its period (null when Orderly computes none for that period) and whether
     * they disagree by more than {@link ReportedValue#tolerance}.
     */
    record Compared(
            ReportedValue reported,
            Double computed,
            boolean disagrees,
            Double tolerance,
            String shown,
            String computedShown) {
        static Compared of(ReportedValue reported, IndicatorValue computed) {
            Double value = computed == null ? null : computed.value();
            return new Compared(
                    reported,
                    value,
                    reported.disagreesWith(computed),
                    value == null ? null : ReportedValue.tolerance(value),
                    MonitoringPages.show(reported.value()),
                    value == null ? "no computed value for this period" : MonitoringPages.show(value));
        }
    }

    Compared add(ReportedValue value) {
        return compare(store.add(value));
    }

    /** Every party's latest reports of one indicator. */
    List<Compared> of(String indicatorId) {
        return store.latest(indicatorId).stream().map(this::compare).toList();
    }

    /** One party's latest reports of every indicator. */
    List<Compared> ofParty(String party) {
        return store.latestOf(party).stream().map(this::compare).toList();
    }

    private Compared compare(ReportedValue reported) {
        IndicatorValue computed =
                IndicatorTables.select(monitoring.values(), reported.indicatorId(), reported.party(), null, null)
                        .stream()
                        .filter(v -> v.period().equals(reported.period()) && v.recorded())
                        .findFirst()
                        .orElse(null);
        return Compared.of(reported, computed);
    }
}
