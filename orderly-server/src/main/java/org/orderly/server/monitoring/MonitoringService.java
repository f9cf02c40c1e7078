package org.orderly.server.monitoring;

import java.util.List;
import java.util.Optional;
import org.orderly.monitoring.IndicatorComputation;
import org.orderly.monitoring.IndicatorValue;
import org.orderly.monitoring.MonitoringInputs;
import org.orderly.monitoring.channel.QuotaLedgerTotals;
import org.orderly.monitoring.visa.VisaChanges;
import org.orderly.monitoring.visa.VisaSnapshot;
import org.orderly.regime.Registry;
import org.orderly.server.regime.RegimeService;
import org.orderly.store.channel.QuotaLedger;
import org.orderly.store.monitoring.MonitoringSources;
import org.springframework.stereotype.Service;

/**
 * The indicators as the server publishes them: computed from the registry the server holds (its commitments,
 * participations and every dated visa-matrix snapshot imported as entry policies) and the World Bank exports in the
 * public data folder; recomputed whenever the registry changes, never on a stale registry.
 */
@Service
public class MonitoringService {
    private final RegimeService regime;
    private final MonitoringSources sources;
    private final QuotaLedger ledger;
    private volatile Computed computed;

    /** The values of one registry snapshot and WDI import, with the visa snapshots they came from. */
    record Computed(
            Registry registry,
            long wdiRun,
            List<QuotaLedgerTotals> quotas,
            java.time.LocalDate day,
            List<VisaSnapshot> snapshots,
            List<IndicatorValue> values) {
        boolean current(Registry registry, long wdiRun, List<QuotaLedgerTotals> quotas, java.time.LocalDate day) {
            return this.registry == registry
                    && this.wdiRun == wdiRun
                    && this.quotas.equals(quotas)
                    && this.day.equals(day);
        }
    }

    public MonitoringService(RegimeService regime, MonitoringSources sources, QuotaLedger ledger) {
        this.regime = regime;
        this.ledger = ledger;
        this.sources = sources;
    }

    /** Every value of every indicator for the current registry. */
    public List<IndicatorValue> values() {
        return current().values();
    }

    /** The dated visa-matrix snapshots the values were computed from, oldest first. */
    public List<VisaSnapshot> snapshots() {
        return current().snapshots();
    }

    /** The changes between the two latest snapshots, if two exist. */
    public Optional<VisaChanges> latestChanges() {
        List<VisaSnapshot> snapshots = snapshots();
        if (snapshots.size() < 2) return Optional.empty();
        return Optional.of(
                VisaChanges.between(snapshots.get(snapshots.size() - 2), snapshots.get(snapshots.size() - 1)));
    }

    private Computed current() {
        Registry registry = regime.registry();
        long wdiRun = sources.wdiRun();
        List<QuotaLedgerTotals> quotas = ledger.totals();
        java.time.LocalDate day = RegimeService.today();
        Computed now = computed;
        if (now != null && now.current(registry, wdiRun, quotas, day)) return now;
        synchronized (this) {
            if (computed != null && computed.current(registry, wdiRun, quotas, day)) return computed;
            // The same inputs as `orderly indicators compute` (MonitoringSources): one code path from the stores to the
            // values.
            MonitoringInputs inputs = sources.inputs(registry, day);
            computed = new Computed(
                    registry,
                    wdiRun,
                    inputs.quotaLedgers(),
                    day,
                    inputs.snapshots(),
                    IndicatorComputation.compute(inputs));
            return computed;
        }
    }
}
