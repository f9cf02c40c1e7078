package org.orderly.regime.coherence;

/**
 * A commitment as a conflict names it: its instrument, its place among that instrument's commitments (from 1, in the order
 * the registry lists them, as the instrument's page does; a draft's come after the registry's), its kind and what it says.
 */
public record CommitmentRef(String instrument, int number, String kind, String description) {
    /** "EU_VISA_REGULATION #2". */
    public String label() {
        return instrument + " #" + number;
    }
}
