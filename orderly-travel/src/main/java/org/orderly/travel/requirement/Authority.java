package org.orderly.travel.requirement;

import org.orderly.regime.Source;

/**
 * Who decides a journey and where the traveller applies. {@code instrumentId} and {@code source}
 * are null when Orderly records no authority for the destination and its national law is assumed.
 */
public record Authority(String decision, String applyAt, String instrumentId, Source source) {
    /** Whether a recorded, sourced rule names this authority (rather than the national-law default). */
    public boolean recorded() {
        return source != null;
    }
}
