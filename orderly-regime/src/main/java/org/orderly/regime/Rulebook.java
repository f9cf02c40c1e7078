package org.orderly.regime;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every commitment in force on one date, resolved to the states that owe it and the states that
 * benefit, and indexed by (grantor, beneficiary) so that a query is two array reads.
 * Compile once per date with {@link #compile}; the result is immutable and thread-safe.
 */
public final class Rulebook {
    private final LocalDate date;
    private final Registry registry;
    private final Map<String, Integer> stateIndex;
    private final String[] stateCodes;
    private final List<Commitment>[] cells;
    private final int size;
    /** Commitments written in an instrument in force but waiting for a condition, by "grantor>beneficiary". */
    private final Map<String, List<Commitment>> pending = new HashMap<>();

    @SuppressWarnings("unchecked")
    private Rulebook(Registry registry, LocalDate date) {
        this.date = date;
        this.registry = registry;
        List<State> states = registry.states();
        this.size = states.size();
        this.stateCodes = new String[size];
        this.stateIndex = new HashMap<>(size * 2);
        for (int i = 0; i < size; i++) {
            stateCodes[i] = states.get(i).id();
            stateIndex.put(stateCodes[i], i);
        }
        this.cells = emptyCells(size * size);
    }

    /** An array of empty cells (Java has no generic array: every cell holds a {@code List<Commitment>} from here on). */
    @SuppressWarnings("unchecked")
    private static List<Commitment>[] emptyCells(int count) {
        List<Commitment>[] cells = (List<Commitment>[]) new List<?>[count];
        Arrays.fill(cells, List.of());
        return cells;
    }

    /** The same rules dated {@code date}: for a date between the same {@link #changeDates changes}, at no cost. */
    private Rulebook(Rulebook rules, LocalDate date) {
        this.date = date;
        this.registry = rules.registry;
        this.stateIndex = rules.stateIndex;
        this.stateCodes = rules.stateCodes;
        this.cells = rules.cells;
        this.size = rules.size;
        this.pending.putAll(rules.pending);
    }

    /**
     * This rulebook as of another date on which the same commitments are in force for the same parties: no compile
     * date in {@link #changeDates} lies between the two. The caller vouches for that; a date with other rules needs
     * {@link #compile}.
     */
    public Rulebook on(LocalDate other) {
        return other.equals(date) ? this : new Rulebook(this, other);
    }

    /**
     * Every date on which what {@link #compile} yields can change: a commitment's term begins or ends, an instrument
     * enters into force, a participation begins (a participation known by its year only: on 1 January of the next year)
     * or ends. Between two consecutive change dates the compiled rules are the same, so one compilation serves them all.
     */
    public static java.util.NavigableSet<LocalDate> changeDates(Registry registry) {
        java.util.TreeSet<LocalDate> changes = new java.util.TreeSet<>();
        for (Instrument instrument : registry.instruments()) {
            if (instrument.inForce() != null) changes.add(instrument.inForce());
        }
        for (Commitment commitment : registry.commitments()) {
            if (commitment.term().from() != null) changes.add(commitment.term().from());
            if (commitment.term().until() != null) changes.add(commitment.term().until());
        }
        for (Participation participation : registry.participations()) {
            LocalDate since = participation.since();
            if (since != null) {
                changes.add(since);
                if (participation.sincePrecision() == Participation.Precision.YEAR
                        && since.getYear() < LocalDate.MAX.getYear()) {
                    changes.add(LocalDate.of(since.getYear() + 1, 1, 1));
                }
            }
            if (participation.until() != null) changes.add(participation.until());
        }
        return changes;
    }

    /** Compiles the rules of the registry in force on the date. */
    public static Rulebook compile(Registry registry, LocalDate date) {
        Rulebook rulebook = new Rulebook(registry, date);
        Map<String, Set<String>> boundCache = new HashMap<>();
        for (Commitment commitment : registry.commitments()) {
            Instrument instrument =
                    registry.instrument(commitment.instrumentId()).orElseThrow();
            boolean pending = commitment.term().pending();
            if (pending ? !instrument.inForceOn(date) : !inForce(commitment, instrument, date)) continue;
            Set<String> bound = boundCache.computeIfAbsent(instrument.id(), id -> registry.boundParties(id, date));
            Set<String> grantors = commitment.scope().match(reciprocal -> bound, directed -> {
                Set<String> listed = resolve(directed.grantors(), bound);
                listed.retainAll(bound);
                return listed;
            });
            Set<String> beneficiaries = commitment.scope().match(reciprocal -> bound, directed -> {
                Set<String> listed = resolve(directed.beneficiaries(), bound);
                if (listed.remove(Scope.ANY)) listed.addAll(rulebook.stateIndex.keySet());
                return listed;
            });
            for (String grantor : grantors) {
                for (String beneficiary : beneficiaries) {
                    if (grantor.equals(beneficiary)) continue;
                    if (pending)
                        rulebook.pending
                                .computeIfAbsent(grantor + ">" + beneficiary, k -> new ArrayList<>(1))
                                .add(commitment);
                    else rulebook.add(grantor, beneficiary, commitment);
                }
            }
        }
        rulebook.seal();
        return rulebook;
    }

    /** Makes every cell unmodifiable once compiled, so no caller can change the rules others read. */
    private void seal() {
        for (int i = 0; i < cells.length; i++) {
            if (!cells[i].isEmpty()) cells[i] = List.copyOf(cells[i]);
        }
        pending.replaceAll((pair, list) -> List.copyOf(list));
    }

    /**
     * Whether a commitment applies on the date by its own term: from its start (or, with none, the instrument's entry into
     * force) until its end, and not waiting for a condition. Who it binds is asked apart ({@link Registry#boundParties}).
     */
    public static boolean inForce(Commitment commitment, Instrument instrument, LocalDate date) {
        Term term = commitment.term();
        if (term.pending()) return false;
        LocalDate from = term.from() != null ? term.from() : instrument.inForce();
        return from != null
                && !from.isAfter(date)
                && (term.until() == null || term.until().isAfter(date));
    }

    private static Set<String> resolve(Set<String> listed, Set<String> bound) {
        Set<String> resolved = new HashSet<>();
        for (String code : listed) {
            if (Scope.PARTIES.equals(code)) resolved.addAll(bound);
            else resolved.add(code);
        }
        return resolved;
    }

    private void add(String grantor, String beneficiary, Commitment commitment) {
        Integer g = stateIndex.get(grantor);
        Integer b = stateIndex.get(beneficiary);
        if (g == null || b == null) return; // organisations and processes hold no bilateral rules
        int cell = g * size + b;
        if (cells[cell].isEmpty()) cells[cell] = new ArrayList<>(2);
        cells[cell].add(commitment);
    }

    public LocalDate date() {
        return date;
    }

    public Registry registry() {
        return registry;
    }

    /** The number of states the rulebook indexes. */
    public int size() {
        return size;
    }

    /** The dense index of a state code, or -1 when the code is not a known state. */
    public int indexOf(String stateCode) {
        Integer i = stateIndex.get(stateCode);
        return i == null ? -1 : i;
    }

    public String codeAt(int index) {
        return stateCodes[index];
    }

    /** Commitments that {@code grantor} owes {@code beneficiary} on the rulebook's date, by dense indexes (unmodifiable). */
    public List<Commitment> between(int grantor, int beneficiary) {
        return cells[grantor * size + beneficiary];
    }

    /** Commitments that {@code grantor} owes {@code beneficiary} on the rulebook's date. */
    public List<Commitment> between(String grantor, String beneficiary) {
        int g = indexOf(grantor);
        int b = indexOf(beneficiary);
        return g < 0 || b < 0 ? List.of() : between(g, b);
    }

    /**
     * Commitments that an instrument in force on the rulebook's date says {@code grantor} will owe {@code beneficiary}
     * once a condition is met, and that do not apply yet (such as a visa waiver waiting for an agreement).
     */
    public List<Commitment> pendingBetween(String grantor, String beneficiary) {
        return pending.getOrDefault(grantor + ">" + beneficiary, List.of());
    }

    /**
     * The free-movement commitment that decides between two states: one made for these states in particular
     * (such as a transitional limit on workers) takes precedence over the reciprocal rule for all parties, and one
     * that records that the instrument does not yet extend to them means there is none.
     */
    public Optional<FreeMovement> freeMovement(String grantor, String beneficiary) {
        FreeMovement general = null;
        FreeMovement particular = null;
        for (Commitment c : between(grantor, beneficiary)) {
            if (c instanceof FreeMovement f) {
                if (!f.extended()) return Optional.empty();
                if (!f.scope().isReciprocal()) {
                    if (particular == null) particular = f;
                } else if (general == null) {
                    general = f;
                }
            }
        }
        return Optional.ofNullable(particular != null ? particular : general);
    }

    /** The first commitment of a type that {@code grantor} owes {@code beneficiary}, if any. */
    public <T extends Commitment> Optional<T> first(String grantor, String beneficiary, Class<T> type) {
        for (Commitment c : between(grantor, beneficiary)) {
            if (type.isInstance(c)) return Optional.of(type.cast(c));
        }
        return Optional.empty();
    }
}
