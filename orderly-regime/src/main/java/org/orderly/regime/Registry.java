package org.orderly.regime;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A consistent snapshot of the regime: every party, instrument, participation, commitment and
 * unilateral entry policy. Construction checks that every reference resolves.
 */
public final class Registry {
    private final Map<String, Party> parties;
    private final Map<String, Instrument> instruments;
    private final List<Participation> participations;
    private final List<Commitment> commitments;
    private final List<EntryPolicy> entryPolicies;

    public Registry(
            List<? extends Party> parties,
            List<Instrument> instruments,
            List<Participation> participations,
            List<Commitment> commitments,
            List<EntryPolicy> entryPolicies) {
        this.parties = index(parties, Party::id, "party");
        this.instruments = index(instruments, Instrument::id, "instrument");
        this.participations = List.copyOf(participations);
        this.commitments = List.copyOf(commitments);
        this.entryPolicies = List.copyOf(entryPolicies);
        verify();
    }

    public static Registry empty() {
        return new Registry(List.of(), List.of(), List.of(), List.of(), List.of());
    }

    private static <T> Map<String, T> index(List<? extends T> items, Function<T, String> id, String what) {
        Map<String, T> map = new LinkedHashMap<>();
        for (T item : items) {
            if (map.put(id.apply(item), item) != null) {
                throw new IllegalArgumentException("duplicate " + what + " id " + id.apply(item));
            }
        }
        return map;
    }

    private void verify() {
        List<String> problems = new ArrayList<>();
        for (Participation p : participations) {
            if (!parties.containsKey(p.partyId())) problems.add("participation names unknown party " + p.partyId());
            if (!instruments.containsKey(p.subjectId()) && !(parties.get(p.subjectId()) instanceof Process)) {
                problems.add(
                        "participation of " + p.partyId() + " names unknown instrument or process " + p.subjectId());
            }
        }
        for (Commitment c : commitments) {
            if (!instruments.containsKey(c.instrumentId())) {
                problems.add("commitment '" + c.describe() + "' names unknown instrument " + c.instrumentId());
            }
            c.scope().match(reciprocal -> java.util.Set.<String>of(), Scope.Directed::grantors).stream()
                    .filter(s -> !Scope.PARTIES.equals(s) && !parties.containsKey(s))
                    .forEach(s -> problems.add("commitment under " + c.instrumentId() + " names unknown grantor " + s));
            c.scope().match(reciprocal -> java.util.Set.<String>of(), Scope.Directed::beneficiaries).stream()
                    .filter(s -> !Scope.PARTIES.equals(s) && !Scope.ANY.equals(s) && !parties.containsKey(s))
                    .forEach(s ->
                            problems.add("commitment under " + c.instrumentId() + " names unknown beneficiary " + s));
        }
        for (EntryPolicy e : entryPolicies) {
            if (!parties.containsKey(e.destination()))
                problems.add("entry policy names unknown destination " + e.destination());
            if (!parties.containsKey(e.passport())) problems.add("entry policy names unknown passport " + e.passport());
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("the registry is inconsistent: "
                    + String.join("; ", problems.stream().limit(20).toList())
                    + (problems.size() > 20 ? " (and " + (problems.size() - 20) + " more)" : ""));
        }
    }

    public List<Party> parties() {
        return List.copyOf(parties.values());
    }

    public List<State> states() {
        return parties.values().stream()
                .filter(State.class::isInstance)
                .map(State.class::cast)
                .toList();
    }

    public Optional<Party> party(String id) {
        return Optional.ofNullable(parties.get(id));
    }

    public List<Instrument> instruments() {
        return List.copyOf(instruments.values());
    }

    public Optional<Instrument> instrument(String id) {
        return Optional.ofNullable(instruments.get(id));
    }

    public List<Participation> participations() {
        return participations;
    }

    public List<Participation> participationsIn(String subjectId) {
        return participations.stream()
                .filter(p -> p.subjectId().equals(subjectId))
                .toList();
    }

    public List<Participation> participationsOf(String partyId) {
        return participations.stream().filter(p -> p.partyId().equals(partyId)).toList();
    }

    public List<Commitment> commitments() {
        return commitments;
    }

    public List<Commitment> commitmentsUnder(String instrumentId) {
        return commitments.stream()
                .filter(c -> c.instrumentId().equals(instrumentId))
                .toList();
    }

    public List<EntryPolicy> entryPolicies() {
        return entryPolicies;
    }

    /**
     * The one rule of who is bound on a date, which pages, maps, the API, the rulebook and the indicators all ask: the ids
     * of the parties certainly bound by an instrument (or members of a process) on the date. A party is bound when the
     * instrument itself is in force on the date (a non-binding declaration, with no entry into force, binds nobody) and
     * its own participation binds (ratified, acceded or member) and is effective: begun on or before the date, not ended.
     * A participation known only by its year binds from the next year (within the year it is pending, see
     * {@link #participationsOn}); one whose date is unknown binds on no date.
     */
    public java.util.Set<String> boundParties(String subjectId, LocalDate date) {
        return boundAmong(
                instruments.get(subjectId),
                participations.stream()
                        .filter(p -> p.subjectId().equals(subjectId))
                        .toList(),
                date);
    }

    /**
     * The same rule applied to given participations in one instrument (null for a process), such as a draft's that the
     * registry does not hold yet: the parties certainly bound on the date.
     */
    public static java.util.Set<String> boundAmong(
            Instrument instrument, java.util.Collection<Participation> participations, LocalDate date) {
        if (instrument != null && !instrument.inForceOn(date)) return java.util.Set.of();
        return participations.stream()
                .filter(p -> p.status().binds() && p.effectiveOn(date))
                .map(Participation::partyId)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Whether the party is bound by the instrument (or a member of the process) on the date; see {@link #boundParties}. */
    public boolean isBound(String partyId, String subjectId, LocalDate date) {
        return boundParties(subjectId, date).contains(partyId);
    }

    /**
     * The participations in an instrument or process that existed on a date: begun (or, known only by their year,
     * begun in that year) and not ended. Nothing exists before the instrument was adopted (or, with no adoption
     * date, before it entered into force). A participation whose date is unknown existed on no date we can name: it is
     * never listed here (see {@link #undatedParticipations}).
     */
    public List<Participation> participationsOn(String subjectId, LocalDate date) {
        Instrument instrument = instruments.get(subjectId);
        LocalDate existsFrom =
                instrument == null ? null : instrument.adopted() != null ? instrument.adopted() : instrument.inForce();
        if (existsFrom != null && existsFrom.isAfter(date)) return List.of();
        return participations.stream()
                .filter(p -> p.subjectId().equals(subjectId) && (p.effectiveOn(date) || p.pendingOn(date)))
                .toList();
    }

    /**
     * Each party's strongest participation in an instrument or process on a date (a party that signed and later
     * ratified counts once, as ratified), in the order of {@link #participationsOn}: what a map colours a party by.
     */
    public Map<String, Participation> strongestParticipationsOn(String subjectId, LocalDate date) {
        Map<String, Participation> strongest = new LinkedHashMap<>();
        for (Participation p : participationsOn(subjectId, date)) {
            strongest.merge(p.partyId(), p, (a, b) -> a.status().compareTo(b.status()) >= 0 ? a : b);
        }
        return strongest;
    }

    /** The participations in an instrument or process whose date no source gives: shown as "date unknown", counted on no date. */
    public List<Participation> undatedParticipations(String subjectId) {
        return participations.stream()
                .filter(p -> p.subjectId().equals(subjectId) && p.since() == null)
                .toList();
    }
}
