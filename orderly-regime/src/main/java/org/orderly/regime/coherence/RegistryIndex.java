package org.orderly.regime.coherence;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.orderly.regime.Commitment;
import org.orderly.regime.EntryPolicy;
import org.orderly.regime.Participation;
import org.orderly.regime.Registry;

/**
 * What the checker looks up in one registry, built once per registry and kept while it is current: participations by
 * instrument, each commitment's reference, entry policies by pair, and the commitments in force on recent dates (so that a
 * draft checked on a date costs the draft, not the registry).
 */
final class RegistryIndex {
    private static final int DATES_KEPT = 32;

    final Registry registry;
    private final Map<String, List<Participation>> participations = new HashMap<>();
    private final Map<Commitment, CommitmentRef> refs = new IdentityHashMap<>();
    private final Map<String, Integer> counts = new HashMap<>();
    private volatile Map<String, List<EntryPolicy>> policies;
    private final Map<LocalDate, List<InForce>> inForce = new ConcurrentHashMap<>();

    RegistryIndex(Registry registry) {
        this.registry = registry;
        for (Participation p : registry.participations())
            participations
                    .computeIfAbsent(p.subjectId(), k -> new ArrayList<>())
                    .add(p);
        for (Commitment c : registry.commitments()) {
            int number = counts.merge(c.instrumentId(), 1, Integer::sum);
            refs.put(c, new CommitmentRef(c.instrumentId(), number, c.kind().name(), c.describe()));
        }
    }

    List<Participation> participationsIn(String subject) {
        return participations.getOrDefault(subject, List.of());
    }

    CommitmentRef ref(Commitment commitment) {
        return refs.get(commitment);
    }

    int commitmentsUnder(String instrument) {
        return counts.getOrDefault(instrument, 0);
    }

    /** The registry's commitments in force on a date, resolved by {@code resolve} once per date (a few dates kept). */
    List<InForce> inForce(LocalDate date, java.util.function.Supplier<List<InForce>> resolve) {
        List<InForce> found = inForce.get(date);
        if (found != null) return found;
        if (inForce.size() >= DATES_KEPT) inForce.clear();
        found = List.copyOf(resolve.get());
        inForce.put(date, found);
        return found;
    }

    /** The entry policies of a destination for a passport, every snapshot (built at first use: the visa matrices are large). */
    List<EntryPolicy> policies(String destination, String passport) {
        Map<String, List<EntryPolicy>> byPair = policies;
        if (byPair == null) {
            byPair = new HashMap<>();
            for (EntryPolicy e : registry.entryPolicies()) {
                byPair.computeIfAbsent(e.destination() + ">" + e.passport(), k -> new ArrayList<>(4))
                        .add(e);
            }
            policies = byPair;
        }
        return byPair.getOrDefault(destination + ">" + passport, List.of());
    }
}
