package org.orderly.regime.coherence;

import java.util.Set;
import org.orderly.regime.Commitment;

/**
 * A commitment that applies on the checked date, resolved to parties: {@code named} are the grantors it names (never
 * "every party"), {@code grantors} those of them (or of every party) bound by its instrument that day, {@code beneficiaries}
 * those it is owed to. {@code drafted}: it comes from the draft under check.
 */
record InForce(
        Commitment commitment,
        CommitmentRef ref,
        Set<String> named,
        Set<String> grantors,
        Set<String> beneficiaries,
        boolean drafted) {}
