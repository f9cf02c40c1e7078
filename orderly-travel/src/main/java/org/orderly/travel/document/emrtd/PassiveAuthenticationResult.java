package org.orderly.travel.document.emrtd;

import java.util.ArrayList;
import java.util.List;

/**
 * The outcome of passive authentication: every failure found (none when the document is authentic), the data
 * groups whose hashes matched, and the subjects of the document signer and the CSCA it chains to (empty when unknown).
 */
public record PassiveAuthenticationResult(
        List<Failure> failures,
        List<Integer> verifiedDataGroups,
        String digestAlgorithm,
        String documentSigner,
        String countrySigningCa) {

    public PassiveAuthenticationResult {
        failures = List.copyOf(failures);
        verifiedDataGroups = List.copyOf(verifiedDataGroups);
    }

    /** Authentic: hashes, signature and chain all verified on the check date. */
    public boolean passed() {
        return failures.isEmpty();
    }

    /** The distinct reasons of the failures, in the order found. */
    public List<FailureReason> reasons() {
        List<FailureReason> reasons = new ArrayList<>();
        for (Failure failure : failures) {
            if (!reasons.contains(failure.reason())) {
                reasons.add(failure.reason());
            }
        }
        return List.copyOf(reasons);
    }
}
