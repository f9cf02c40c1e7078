package org.orderly.server.regime;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.orderly.regime.Registry;
import org.orderly.regime.Rulebook;
import org.orderly.store.RegistryStore;
import org.orderly.travel.requirement.TravelRules;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The registry as the server sees it: one snapshot read from the store, and travel rules compiled
 * per date on first use. Every write through the server calls {@link #reload()}.
 *
 * <p>Compiled rules are kept in a bounded cache weighed by the number of states they cover (Caffeine, least recently
 * and least frequently used out first), so that queries over many dates cost a compilation each but cannot evict the
 * dates everyone asks for, nor grow memory without bound. Dates outside {@link #EARLIEST}–{@link #LATEST} are refused.
 */
@Service
public class RegimeService {
    /** The earliest date Orderly answers for: before it, no instrument of the regime existed. */
    public static final LocalDate EARLIEST = LocalDate.of(1800, 1, 1);
    /** The latest date Orderly answers for. */
    public static final LocalDate LATEST = LocalDate.of(2199, 12, 31);

    private final RegistryStore store;
    private final AtomicReference<Registry> registry = new AtomicReference<>();
    private final LoadingCache<LocalDate, TravelRules> rules;

    /** Default cache bound: about 64 dates of 250 states, in state pairs (what a compiled rulebook's size grows with). */
    public static final long CACHED_PAIRS = 64L * 250 * 250;

    public RegimeService(RegistryStore store) {
        this(store, CACHED_PAIRS);
    }

    @Autowired
    public RegimeService(RegistryStore store, @Value("${orderly.rulebook-cache.state-pairs:" + CACHED_PAIRS + "}") long cachedPairs) {
        this.store = store;
        this.rules = Caffeine.newBuilder()
                .maximumWeight(cachedPairs)
                .weigher((LocalDate date, TravelRules compiled) -> Math.max(1, compiled.rulebook().size() * compiled.rulebook().size()))
                .build(date -> TravelRules.compile(Rulebook.compile(registry(), date)));
    }

    public Registry registry() {
        Registry current = registry.get();
        if (current == null) {
            current = store.load();
            registry.set(current);
        }
        return current;
    }

    public RegistryStore store() {
        return store;
    }

    public static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    /**
     * The date itself when it lies within the range Orderly answers for.
     *
     * @throws IllegalArgumentException naming the field and the range
     */
    public static LocalDate requireSane(String field, LocalDate date) {
        if (date != null && (date.isBefore(EARLIEST) || date.isAfter(LATEST))) {
            throw new IllegalArgumentException(field + " " + date + " is outside the dates Orderly accepts (" + EARLIEST + " to " + LATEST + ")");
        }
        return date;
    }

    public Rulebook rulebook(LocalDate date) {
        return travelRules(date).rulebook();
    }

    public TravelRules travelRules(LocalDate date) {
        return rules.get(requireSane("date", date));
    }

    /** Re-reads the registry after a write, so that every answer reflects it. */
    public void reload() {
        registry.set(store.load());
        rules.invalidateAll();
    }
}
