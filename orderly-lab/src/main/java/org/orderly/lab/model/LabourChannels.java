package org.orderly.lab.model;

import java.util.HashMap;
import java.util.Map;
import org.orderly.regime.LegalChannel;
import org.orderly.regime.Rulebook;
import org.orderly.regime.channel.OpenChannels;

/**
 * The seam through which the lab reads legal channels for work: how many places a year a destination opens to an
 * origin's nationals on a rulebook's date. The registry records them as {@link LegalChannel}s with their quotas; a
 * richer reading (criteria met by a share of the origin's workers, say) plugs in here without touching the model.
 */
@FunctionalInterface
public interface LabourChannels {

    /** Annual places that {@code destination} opens to nationals of {@code origin} under the rules in force; 0 when none. */
    double annualPlaces(Rulebook rulebook, int destination, int origin);

    /**
     * Today's registry: the quotas, for the rulebook's year, of the work channels (work, seasonal work, research) open to
     * the origin's nationals in the destination, by the finder's rule ({@link OpenChannels}). A quota is read as the
     * channel's places for every nationality it is open to together, split evenly among them (an assumption: the channel
     * does not say); a channel without a quota for the year (no cap, or none recorded) adds no places.
     */
    static LabourChannels fromLegalChannels() {
        return new LabourChannels() {
            private final Map<Rulebook, Map<String, Integer>> beneficiaries = new java.util.WeakHashMap<>();

            @Override
            public double annualPlaces(Rulebook rulebook, int destination, int origin) {
                double places = 0;
                int year = rulebook.date().getYear();
                for (LegalChannel channel : OpenChannels.between(rulebook, destination, origin)) {
                    if (!channel.purpose().work()) continue;
                    var quota = channel.places(year);
                    if (quota.isPresent())
                        places += (double) quota.getAsInt() / sharedBy(rulebook, destination, channel);
                }
                return places;
            }

            private int sharedBy(Rulebook rulebook, int grantor, LegalChannel channel) {
                Map<String, Integer> counts;
                synchronized (beneficiaries) {
                    counts = beneficiaries.computeIfAbsent(rulebook, r -> new HashMap<>());
                }
                synchronized (counts) {
                    return counts.computeIfAbsent(grantor + "|" + System.identityHashCode(channel), key -> {
                        int n = 0;
                        for (int b = 0; b < rulebook.size(); b++)
                            if (OpenChannels.between(rulebook, grantor, b).contains(channel)) n++;
                        return Math.max(1, n);
                    });
                }
            }
        };
    }
}
