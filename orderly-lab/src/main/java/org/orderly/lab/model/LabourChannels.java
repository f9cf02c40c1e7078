package org.orderly.lab.model;

import java.util.HashMap;
import java.util.Map;
import org.orderly.regime.Commitment;
import org.orderly.regime.LabourAccess;
import org.orderly.regime.Rulebook;

/**
 * The seam through which the lab reads legal channels for work: how many places a year a destination opens to an
 * origin's nationals on a rulebook's date. Today the registry records them as {@link LabourAccess} commitments; a richer
 * model of legal channels plugs in here without touching the model.
 */
@FunctionalInterface
public interface LabourChannels {

    /** Annual places that {@code destination} opens to nationals of {@code origin} under the rules in force; 0 when none. */
    double annualPlaces(Rulebook rulebook, int destination, int origin);

    /**
     * Today's registry: the annual quotas of the {@link LabourAccess} commitments the destination owes the origin. A quota
     * is read as the grantor's places for all its beneficiaries together, split evenly among them (an assumption: the
     * commitment does not say).
     */
    static LabourChannels fromLabourAccess() {
        return new LabourChannels() {
            private final Map<Rulebook, Map<String, Integer>> beneficiaries = new java.util.WeakHashMap<>();

            @Override
            public double annualPlaces(Rulebook rulebook, int destination, int origin) {
                double places = 0;
                for (Commitment c : rulebook.between(destination, origin)) {
                    if (c instanceof LabourAccess access) places += (double) access.annualQuota() / sharedBy(rulebook, destination, access);
                }
                return places;
            }

            private int sharedBy(Rulebook rulebook, int grantor, LabourAccess access) {
                Map<String, Integer> counts;
                synchronized (beneficiaries) {
                    counts = beneficiaries.computeIfAbsent(rulebook, r -> new HashMap<>());
                }
                synchronized (counts) {
                    return counts.computeIfAbsent(grantor + "|" + System.identityHashCode(access), key -> {
                        int n = 0;
                        for (int b = 0; b < rulebook.size(); b++) if (rulebook.between(grantor, b).contains(access)) n++;
                        return Math.max(1, n);
                    });
                }
            }
        };
    }
}
