package org.orderly.monitoring;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.orderly.monitoring.channel.QuotaLedgerTotals;
import org.orderly.monitoring.remittance.WdiSeries;
import org.orderly.monitoring.visa.VisaSnapshot;
import org.orderly.regime.Registry;

/**
 * What the indicators are computed from: the registry, the dated visa-matrix snapshots (sorted by date here), the
 * World Bank's remittance-cost series (either may be absent, and its indicators then say so), the quota ledgers' totals,
 * and the date the legal-channel openness is counted on.
 */
public record MonitoringInputs(
        Registry registry,
        List<VisaSnapshot> snapshots,
        WdiSeries remittanceCostTo,
        WdiSeries remittanceCostFrom,
        List<QuotaLedgerTotals> quotaLedgers,
        LocalDate channelsOn) {

    /**
     * The inputs as Orderly computes them, server and command line alike: the registry with the visa matrices it holds
     * (its entry policies, see {@link VisaSnapshot#fromEntryPolicies}), the remittance-cost series, the quota ledgers'
     * totals and the date channels are counted on.
     */
    public static MonitoringInputs of(
            Registry registry,
            WdiSeries remittanceCostTo,
            WdiSeries remittanceCostFrom,
            List<QuotaLedgerTotals> quotaLedgers,
            LocalDate channelsOn) {
        return new MonitoringInputs(
                registry,
                VisaSnapshot.fromEntryPolicies(registry.entryPolicies()),
                remittanceCostTo,
                remittanceCostFrom,
                quotaLedgers,
                channelsOn);
    }

    public MonitoringInputs {
        Objects.requireNonNull(registry, "registry");
        quotaLedgers = quotaLedgers == null ? List.of() : List.copyOf(quotaLedgers);
        Objects.requireNonNull(channelsOn, "the date channels are counted on");
        snapshots = snapshots.stream()
                .sorted(Comparator.comparing(VisaSnapshot::date))
                .toList();
        for (int i = 1; i < snapshots.size(); i++) {
            if (snapshots.get(i).date().equals(snapshots.get(i - 1).date())) {
                throw new IllegalArgumentException("two visa snapshots describe the same date "
                        + snapshots.get(i).date() + ": "
                        + snapshots.get(i - 1).provenance().reference() + " and "
                        + snapshots.get(i).provenance().reference());
            }
        }
    }
}
