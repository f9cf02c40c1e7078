package org.orderly.regime.coherence;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.orderly.regime.Commitment;
import org.orderly.regime.EntryPolicy;
import org.orderly.regime.Instrument;
import org.orderly.regime.Participation;
import org.orderly.regime.Party;
import org.orderly.regime.Registry;
import org.orderly.regime.Rulebook;
import org.orderly.regime.Scope;
import org.orderly.regime.TravelCategory;

/**
 * Who is bound by what on one date, in the registry with a draft added (or none): what the rules ask. Binding follows the
 * registry's one rule ({@link Registry#boundAmong}); commitments in force follow the rulebook's ({@link Rulebook#inForce}).
 * In a draft check the rules look at the draft's commitments ({@link #subjects}); the registry's are the context.
 */
final class Bindings {
    /** How sure the registry is that a party is bound by an instrument on the date. */
    enum Standing {
        BOUND,
        NOT_BOUND,
        UNKNOWN
    }

    /** A party's standing with the words that say why. */
    record Status(Standing standing, String why) {}

    private final RegistryIndex index;
    private final Draft draft;
    private final LocalDate date;
    private final Map<String, Set<String>> bound = new HashMap<>();
    private List<InForce> all;
    private List<InForce> subjects;

    Bindings(RegistryIndex index, Draft draft, LocalDate date) {
        this.index = index;
        this.draft = draft;
        this.date = date;
    }

    LocalDate date() {
        return date;
    }

    Registry registry() {
        return index.registry;
    }

    boolean checksDraft() {
        return draft != null;
    }

    Optional<Instrument> instrument(String id) {
        if (draft != null && draft.instrument().id().equals(id)) return Optional.of(draft.instrument());
        return index.registry.instrument(id);
    }

    String title(String instrumentId) {
        return instrument(instrumentId).map(Instrument::title).orElse(instrumentId);
    }

    /** "Germany (DEU)". */
    String name(String party) {
        return index.registry
                .party(party)
                .map(Party::name)
                .map(n -> n + " (" + party + ")")
                .orElse(party);
    }

    String names(java.util.Collection<String> parties) {
        List<String> sorted = new ArrayList<>(new TreeSet<>(parties));
        int shown = Math.min(sorted.size(), 8);
        String list = String.join(
                ", ", sorted.subList(0, shown).stream().map(this::name).toList());
        return shown < sorted.size() ? list + " and " + (sorted.size() - shown) + " more" : list;
    }

    List<Participation> participations(String subject) {
        if (draft == null || !draft.instrument().id().equals(subject)) return index.participationsIn(subject);
        List<Participation> both = new ArrayList<>(index.participationsIn(subject));
        both.addAll(draft.participations());
        return both;
    }

    /** The parties bound by an instrument (or members of a process) on the date. */
    Set<String> bound(String subject) {
        return bound.computeIfAbsent(
                subject, s -> Registry.boundAmong(instrument(s).orElse(null), participations(s), date));
    }

    /**
     * Whether the party is bound by the instrument on the date, or the registry says it is not (a participation that does
     * not bind, has not begun or has ended), or does not know (no participation recorded, a date unknown, a year pending).
     */
    Status standing(String party, String instrumentId) {
        String title = title(instrumentId);
        if (bound(instrumentId).contains(party))
            return new Status(Standing.BOUND, name(party) + " is bound by " + title);
        List<Participation> own = participations(instrumentId).stream()
                .filter(p -> p.partyId().equals(party))
                .toList();
        if (own.isEmpty()) {
            return new Status(
                    Standing.UNKNOWN,
                    "the registry records no participation of " + name(party) + " in " + title
                            + (participations(instrumentId).isEmpty()
                                    ? " (participation in it is not recorded at all)"
                                    : ""));
        }
        Optional<Instrument> instrument = instrument(instrumentId);
        if (instrument.isPresent() && !instrument.get().inForceOn(date)) {
            return new Status(
                    Standing.NOT_BOUND,
                    title + " is not in force on " + date
                            + (instrument.get().inForce() == null
                                    ? " (it has no entry into force)"
                                    : " (in force from " + instrument.get().inForce() + ")"));
        }
        for (Participation p : own) {
            if (p.pendingOn(date)) {
                return new Status(
                        Standing.UNKNOWN,
                        name(party) + " became bound by " + title + " during " + p.sinceText()
                                + ", on a day the source does not give");
            }
        }
        for (Participation p : own) {
            if (p.status().binds() && p.since() == null) {
                return new Status(
                        Standing.UNKNOWN, name(party) + "'s " + word(p) + " of " + title + " has no known date");
            }
        }
        Participation p = own.get(own.size() - 1);
        for (Participation q : own) if (q.status().binds()) p = q;
        if (!p.status().binds()) {
            return new Status(
                    Standing.NOT_BOUND,
                    name(party) + " has only " + word(p) + " " + title + " (" + p.sinceText()
                            + "), which does not bind");
        }
        if (p.until() != null && !p.until().isAfter(date)) {
            return new Status(Standing.NOT_BOUND, name(party) + " left " + title + " on " + p.until());
        }
        return new Status(Standing.NOT_BOUND, name(party) + " is bound by " + title + " only from " + p.sinceText());
    }

    private static String word(Participation p) {
        return switch (p.status()) {
            case OBSERVER -> "observed";
            case SIGNED -> "signed";
            case MEMBER -> "membership";
            case RATIFIED -> "ratification";
            case ACCEDED -> "accession";
        };
    }

    /** Every commitment (registry and draft) in force on the date, resolved to the parties it binds and benefits. */
    List<InForce> all() {
        if (all == null) {
            List<InForce> found = new ArrayList<>();
            String amended = draft == null ? null : draft.instrument().id();
            // The registry's own commitments in force are the same for every check on the date: resolved without the
            // draft.
            for (InForce f : index.inForce(
                    date, () -> new Bindings(index, null, date).resolve(index.registry.commitments(), null))) {
                if (!f.commitment().instrumentId().equals(amended)) found.add(f);
            }
            if (amended != null) {
                found.addAll(resolve(index.registry.commitmentsUnder(amended), null));
                found.addAll(resolve(draft.commitments(), draft));
            }
            all = List.copyOf(found);
        }
        return all;
    }

    /** The commitments the rules check: all of them, or in a draft check the draft's. */
    List<InForce> subjects() {
        if (subjects == null)
            subjects = draft == null
                    ? all()
                    : all().stream().filter(InForce::drafted).toList();
        return subjects;
    }

    private List<InForce> resolve(List<Commitment> commitments, Draft from) {
        List<InForce> found = new ArrayList<>();
        int number = from == null ? 0 : index.commitmentsUnder(from.instrument().id());
        for (Commitment c : commitments) {
            number++;
            Optional<Instrument> instrument = instrument(c.instrumentId());
            if (instrument.isEmpty() || !Rulebook.inForce(c, instrument.get(), date)) continue;
            Set<String> parties = bound(c.instrumentId());
            Set<String> named = c.scope()
                    .match(
                            reciprocal -> Set.<String>of(),
                            d -> d.grantors().stream()
                                    .filter(g -> !Scope.PARTIES.equals(g))
                                    .collect(java.util.stream.Collectors.toCollection(TreeSet::new)));
            Set<String> grantors = c.scope().match(reciprocal -> parties, d -> {
                Set<String> listed = resolved(d.grantors(), parties);
                listed.retainAll(parties);
                return listed;
            });
            Set<String> beneficiaries =
                    c.scope().match(reciprocal -> parties, d -> resolved(d.beneficiaries(), parties));
            CommitmentRef ref = from == null
                    ? index.ref(c)
                    : new CommitmentRef(c.instrumentId(), number, c.kind().name(), c.describe());
            found.add(new InForce(
                    c, ref, Set.copyOf(named), Set.copyOf(grantors), Set.copyOf(beneficiaries), from != null));
        }
        return found;
    }

    private static Set<String> resolved(Set<String> listed, Set<String> parties) {
        Set<String> resolved = new LinkedHashSet<>();
        for (String code : listed) {
            if (Scope.PARTIES.equals(code)) resolved.addAll(parties);
            else resolved.add(code);
        }
        return resolved;
    }

    /** The snapshot of a destination's policy for a passport that speaks for the date (the nearest one), if any. */
    Optional<EntryPolicy> policy(String destination, String passport) {
        EntryPolicy held = null;
        for (EntryPolicy p : index.policies(destination, passport)) {
            if (p.category().temporary() && date.isBefore(TravelCategory.COVID_MEASURES_FROM)) continue;
            if (held == null || EntryPolicy.nearer(p, held, date)) held = p;
        }
        return Optional.ofNullable(held);
    }
}
