package org.orderly.server.regime;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.orderly.regime.RegimeDates;
import org.orderly.regime.Registry;
import org.orderly.regime.Rulebook;
import org.orderly.store.RegistryStore;
import org.orderly.travel.requirement.TravelRules;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The registry as the server sees it: one snapshot read from the store, and travel rules compiled
 * per date on first use from that same snapshot. Every write through the server calls {@link #reload()}.
 *
 * <p>Compiled rules are kept in a bounded cache weighed by the number of states they cover (Caffeine, least recently
 * and least frequently used out first), so that queries over many dates cost a compilation each but cannot evict the
 * dates everyone asks for, nor grow memory without bound. Dates outside {@link RegimeDates} are refused.
 * The cache belongs to its snapshot and is replaced with it, so compiled rules never outlive their registry.
 */
@Service
public class RegimeService {
    /** Default cache bound: about 64 dates of 250 states, in state pairs (what a compiled rulebook's size grows with). */
    public static final long CACHED_PAIRS = 64L * 250 * 250;

    /** A registry and the travel rules compiled from it; replaced whole. */
    private record Snapshot(Registry registry, LoadingCache<LocalDate, TravelRules> rules) {
    }

    private final RegistryStore store;
    private final long cachedPairs;
    private final Object loading = new Object();
    private volatile Snapshot snapshot;

    public RegimeService(RegistryStore store) {
        this(store, CACHED_PAIRS);
    }

    @Autowired
    public RegimeService(RegistryStore store, @Value("${orderly.rulebook-cache.state-pairs:" + CACHED_PAIRS + "}") long cachedPairs) {
        this.store = store;
        this.cachedPairs = cachedPairs;
    }

    private Snapshot snapshotOf(Registry registry) {
        LoadingCache<LocalDate, TravelRules> rules = Caffeine.newBuilder()
                .maximumWeight(cachedPairs)
                .weigher((LocalDate date, TravelRules compiled) -> Math.max(1, compiled.rulebook().size() * compiled.rulebook().size()))
                .build(date -> TravelRules.compile(Rulebook.compile(registry, date)));
        return new Snapshot(registry, rules);
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
            if (snapshot == null) snapshot = snapshotOf(store.load());
            return snapshot;
        }
    }

    public RegistryStore store() {
        return store;
    }

    public static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    /**
     * The date itself when it lies within the range Orderly answers for: the regime's one check ({@link RegimeDates}),
     * which the command line applies too.
     *
     * @throws IllegalArgumentException naming the field and the range
     */
    public static LocalDate requireSane(String field, LocalDate date) {
        return RegimeDates.requireWithin(field, date);
    }

    public Rulebook rulebook(LocalDate date) {
        return travelRules(date).rulebook();
    }

    public TravelRules travelRules(LocalDate date) {
        return current().rules().get(requireSane("date", date));
    }

    /** Re-reads the registry after a write, so that every answer from now on reflects it. */
    public void reload() {
        synchronized (loading) {
            snapshot = snapshotOf(store.load());
        }
    }
}
