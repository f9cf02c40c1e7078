package org.orderly.server.regime;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.orderly.regime.Registry;
import org.orderly.regime.Rulebook;
import org.orderly.regime.reference.StateNames;
import org.orderly.store.RegistryStore;
import org.orderly.travel.requirement.TravelRules;
import org.springframework.stereotype.Service;

/**
 * The registry as the server sees it: one snapshot read from the store, and travel rules compiled
 * per date on first use. Every write through the server calls {@link #reload()}.
 */
@Service
public class RegimeService {
    private static final int CACHED_DATES = 64;

    private final RegistryStore store;
    private final AtomicReference<Registry> registry = new AtomicReference<>();
    private final Map<LocalDate, TravelRules> rules = new ConcurrentHashMap<>();
    private final AtomicReference<StateNames> stateNames = new AtomicReference<>();

    public RegimeService(RegistryStore store) {
        this.store = store;
    }

    public Registry registry() {
        Registry current = registry.get();
        if (current == null) {
            current = store.load();
            registry.set(current);
        }
        return current;
    }

    /** Resolves what people type for a state (names, aliases, codes) against the current registry. */
    public StateNames stateNames() {
        StateNames current = stateNames.get();
        if (current == null) {
            current = StateNames.of(registry());
            stateNames.set(current);
        }
        return current;
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
        TravelRules compiled = rules.get(date);
        if (compiled != null) return compiled;
        if (rules.size() >= CACHED_DATES) rules.clear();
        return rules.computeIfAbsent(date, d -> TravelRules.compile(Rulebook.compile(registry(), d)));
    }

    /** Re-reads the registry after a write, so that every answer reflects it. */
    public void reload() {
        registry.set(store.load());
        stateNames.set(null);
        rules.clear();
    }
}
