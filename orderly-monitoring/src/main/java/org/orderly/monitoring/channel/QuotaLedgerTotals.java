package org.orderly.monitoring.channel;

import java.util.Objects;

/** A quota ledger's public totals for one channel and year: places offered, granted and refused (no applicant). */
public record QuotaLedgerTotals(String channelId, int year, int places, int granted, int refused, String procedure) {
    public QuotaLedgerTotals {
        Objects.requireNonNull(channelId, "channel id");
        if (granted > places)
            throw new IllegalArgumentException(
                    "ledger " + channelId + "/" + year + " granted " + granted + " of " + places + " places");
    }
}
