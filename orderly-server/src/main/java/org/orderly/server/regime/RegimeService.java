package org.orderly.server.regime;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.orderly.regime.RegimeDates;
import org.orderly.regime.Registry;
import org.orderly.regime.Rulebook;
import org.orderly.store.RegistryStore;
import org.orderly.travel.requirement.RuleIntervals;
import org.orderly.travel.requirement.TravelRules;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The registry as the server sees it: one snapshot read from the store, and travel rules compiled on first use
 * from that same snapshot, once for all the dates between the same rule changes ({@link RuleIntervals}). Every write
 * through the server calls {@link #reload()}.
 *
 * <p>Compiled rules are kept in a bounded cache weighed by the number of states they cover (Caffeine, least recently
 * and least frequently used out first), so that queries over many intervals cost a compilation each but cannot evict
 * the dates everyone asks for, nor grow memory without bound; compilations run one at a time by default. Dates outside
 * {@link RegimeDates} are refused.
 * The cache belongs to its snapshot and is replaced with it, so compiled rules never outlive their registry.
 */
@Service
public class RegimeService {
    /** Default cache bound: about 64 dates of 250 states, in state pairs (what a compiled rulebook's size grows with). */
    public static final long CACHED_PAIRS = 64L * 250 * 250;

    /** Default bound on compilations at once. */
    public static final int CONCURRENT_COMPILATIONS = 1;

    /** How long a request waits for a compilation slot before it is answered "busy". */
    static final Duration COMPILATION_WAIT = Duration.ofSeconds(2);

    /**
     * A registry, the intervals between its rule changes, and the travel rules compiled from it, one per interval
     * (compiled for the first date asked in it); replaced whole.
     */
    private record Snapshot(Registry registry, RuleIntervals intervals, Cache<Integer, TravelRules> rules) {}

    /** Too many rulebooks are being compiled at once: answered 503 with Retry-After, pages and API alike. */
    public static final class CompilationsBusyException extends org.springframework.web.server.ResponseStatusException {
        @java.io.Serial
        private static final long serialVersionUID = 1L;

        CompilationsBusyException() {
            super(
                    org.springframework.http.HttpStatus.SERVICE_UNAVAILABLE,
                    "the rules of other dates are being compiled; try this date again in a moment");
        }

        @Override
        public org.springframework.http.HttpHeaders getHeaders() {
            org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
            headers.set(org.springframework.http.HttpHeaders.RETRY_AFTER, "1");
            return headers;
        }
    }

    private final RegistryStore store;
    private final Clock clock;
    private final long cachedPairs;
    private final Semaphore compilations;
    private final AtomicLong compiled = new AtomicLong();
    private final AtomicInteger compiling = new AtomicInteger();
    private final AtomicInteger peakCompiling = new AtomicInteger();
    private final Object loading = new Object();
    private volatile Snapshot snapshot;

    public RegimeService(RegistryStore store, Clock clock) {
        this(store, clock, CACHED_PAIRS, CONCURRENT_COMPILATIONS);
    }

    @Autowired
    public RegimeService(
            RegistryStore store,
            Clock clock,
            @Value("${orderly.rulebook-cache.state-pairs:" + CACHED_PAIRS + "}") long cachedPairs,
            @Value("${orderly.rulebook.concurrent-compilations:" + CONCURRENT_COMPILATIONS + "}")
                    int concurrentCompilations) {
        if (concurrentCompilations < 1)
            throw new IllegalArgumentException("orderly.rulebook.concurrent-compilations must be at least 1");
        this.store = store;
        this.clock = java.util.Objects.requireNonNull(clock, "clock");
        this.cachedPairs = cachedPairs;
        this.compilations = new Semaphore(concurrentCompilations, true);
    }

    private Snapshot snapshotOf(Registry registry) {
        Cache<Integer, TravelRules> rules = Caffeine.newBuilder()
                .maximumWeight(cachedPairs)
                .weigher((Integer interval, TravelRules compiled) -> Math.max(
                        1, compiled.rulebook().size() * compiled.rulebook().size()))
                .build();
        return new Snapshot(registry, RuleIntervals.of(registry), rules);
    }

    /** Compiles, waiting at most {@link #COMPILATION_WAIT} for one of the bounded slots. */
    private TravelRules compile(Registry registry, LocalDate date) {
        try {
            if (!compilations.tryAcquire(COMPILATION_WAIT.toMillis(), TimeUnit.MILLISECONDS))
                throw new CompilationsBusyException();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CompilationsBusyException();
        }
        int running = compiling.incrementAndGet();
        peakCompiling.accumulateAndGet(running, Math::max);
        try {
            compiled.incrementAndGet();
            return TravelRules.compile(Rulebook.compile(registry, date));
        } finally {
            compiling.decrementAndGet();
            compilations.release();
        }
    }

    /** Compilations since start, and the most that ran at once. */
    public record CompilationCounts(long compiled, int peakAtOnce) {}

    public CompilationCounts compilationCounts() {
        return new CompilationCounts(compiled.get(), peakCompiling.get());
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

    /** Today on the server's one clock, as the regime counts it ({@link org.orderly.regime.RegimeDates#today}). */
    public LocalDate today() {
        return RegimeDates.today(clock);
    }

    /** The server's one clock (or the command line's), for what needs the instant as well as the day. */
    public Clock clock() {
        return clock;
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

    /**
     * The travel rules on a date: compiled once per interval between rule changes (two dates between the same changes
     * share one compilation) and at most {@code orderly.rulebook.concurrent-compilations} at once, so that asking a new
     * date per request can neither multiply compilations nor take every core from the answers of other dates.
     *
     * @throws CompilationsBusyException when no compilation slot frees up in time
     */
    public TravelRules travelRules(LocalDate date) {
        requireSane("date", date);
        Snapshot current = current();
        return current.rules()
                .get(current.intervals().of(date), interval -> compile(current.registry(), date))
                .on(date);
    }

    /** The interval between rule changes that a date lies in: dates of one interval share one compilation. */
    public int intervalOf(LocalDate date) {
        return current().intervals().of(date);
    }

    /** How many compilations the current registry can need at most (its intervals between rule changes). */
    public int intervals() {
        return current().intervals().count();
    }

    /** Re-reads the registry after a write, so that every answer from now on reflects it. */
    public void reload() {
        synchronized (loading) {
            snapshot = snapshotOf(store.load());
        }
    }
}
