package org.orderly.server.regime;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.orderly.regime.Registry;
import org.orderly.regime.Rulebook;
import org.orderly.store.RegistryStore;
import org.orderly.travel.requirement.TravelRules;
import org.springframework.stereotype.Service;

/**
 * The registry as the server sees it: one snapshot read from the store, and travel rules compiled
 * per date on first use from that same snapshot. Every write through the server calls {@link #reload()}.
 */
@Service
public class RegimeService {
    private static final int CACHED_DATES = 64;

    /** A registry and the travel rules compiled from it; replaced whole, so rules never outlive their registry. */
    private record Snapshot(Registry registry, Map<LocalDate, TravelRules> rules) {
    }

    private final RegistryStore store;
    private final Object loading = new Object();
    private volatile Snapshot snapshot;

    public RegimeService(RegistryStore store) {
        this.store = store;
    }

    public Registry registry() {
        return current().registry();
    }

    /**
     * The current snapshot, loaded on first use. Loading and reloading hold one lock, so a slow first load that
     * started before a write can never replace the snapshot the write's reload installed.
     */
    private Snapshot current() {
        Snapshot current = snapshot;
        if (current != null) return current;
        synchronized (loading) {
            if (snapshot == null) snapshot = new Snapshot(store.load(), new ConcurrentHashMap<>());
            return snapshot;
        }
    }

    public RegistryStore store() {
        return store;
    }

    public static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    public Rulebook rulebook(LocalDate date) {
        return travelRules(date).rulebook();
    }

    public TravelRules travelRules(LocalDate date) {
        Snapshot current = current();
        TravelRules compiled = current.rules().get(date);
        if (compiled != null) return compiled;
        if (current.rules().size() >= CACHED_DATES) current.rules().clear();
        return current.rules().computeIfAbsent(date, d -> TravelRules.compile(Rulebook.compile(current.registry(), d)));
    }

    /** Re-reads the registry after a write, so that every answer from now on reflects it. */
    public void reload() {
        synchronized (loading) {
            snapshot = new Snapshot(store.load(), new ConcurrentHashMap<>());
        }
    }
}
