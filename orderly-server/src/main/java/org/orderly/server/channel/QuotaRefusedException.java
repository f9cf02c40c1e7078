package org.orderly.server.channel;

import org.orderly.store.channel.QuotaLedger;

/** A request for a place that the ledger refused: 409 with the reason. */
final class QuotaRefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient QuotaLedger.Refused refused;

    QuotaRefusedException(QuotaLedger.Refused refused) {
        super(refused.message());
        this.refused = refused;
    }

    QuotaLedger.Refused refused() {
        return refused;
    }
}
