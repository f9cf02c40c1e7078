package org.orderly.monitoring.visa;

import java.util.Objects;
import org.orderly.regime.Commitment;

/**
 * A pair where a commitment in force fixes the travel answer (a visa waiver or free movement owed by the destination to
 * the passport's state) but the observed national policy in the visa matrix of the same date says otherwise.
 * {@code explanation} says which side is likely wrong where Orderly knows it.
 */
public record ImplementationGap(
        String destination, String passport, Commitment commitment, VisaRequirement observed, String explanation) {

    public ImplementationGap {
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(passport, "passport");
        Objects.requireNonNull(commitment, "commitment");
        Objects.requireNonNull(observed, "observed");
        explanation = explanation == null ? "" : explanation;
    }
}
