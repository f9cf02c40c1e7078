package org.orderly.lab.model;

import java.util.ArrayList;
import java.util.List;
import org.orderly.monitoring.visa.VisaSnapshot;
import org.orderly.regime.EntryPolicy;
import org.orderly.regime.Registry;

/** Registries built without a database, for the command line's files, the benchmarks and the tests. */
public final class Registries {
    private Registries() {}

    /**
     * The registry with the dated visa snapshots as its entry policies, as the visa-matrix import records them (a travel
     * answer then uses the snapshot nearest its date). Pairs naming a code the registry does not know are left out.
     */
    public static Registry withEntryPolicies(Registry registry, List<VisaSnapshot> snapshots) {
        java.util.Set<String> known = new java.util.HashSet<>();
        registry.parties().forEach(p -> known.add(p.id()));
        List<EntryPolicy> policies = new ArrayList<>(registry.entryPolicies());
        for (VisaSnapshot snapshot : snapshots) {
            for (EntryPolicy policy : snapshot.entryPolicies()) {
                if (known.contains(policy.destination()) && known.contains(policy.passport())) policies.add(policy);
            }
        }
        return new Registry(
                registry.parties(),
                registry.instruments(),
                registry.participations(),
                registry.commitments(),
                policies);
    }
}
