package org.orderly.regime.coherence;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.orderly.regime.EntryPolicy;
import org.orderly.regime.Source;
import org.orderly.regime.TravelCategory;
import org.orderly.regime.VisaObligation;
import org.orderly.regime.VisaWaiver;

/**
 * A state bound by a common visa list may not waive, by a bilateral agreement or by its national policy, the visa the list
 * requires of a third country's nationals. A waiver in a commitment is a conflict; one the visa matrix records as national
 * policy is a risk (the matrix is a third party's reading of that policy and may be wrong).
 */
final class VisaListRule extends CoherenceRule {
    private static final Source SOURCE = new Source(
            "Regulation (EU) 2018/1806, arts 1 and 3(1), with art. 288 TFEU",
            "Art. 3(1): nationals of the third countries listed in Annex I shall be required to be in possession of a visa when "
                    + "crossing the external borders of the Member States; a regulation is binding in its entirety and directly "
                    + "applicable in all Member States (art. 288 TFEU), so no bilateral agreement or national rule of a bound "
                    + "state may exempt them. https://eur-lex.europa.eu/eli/reg/2018/1806/oj",
            LocalDate.of(2026, 12, 6));

    VisaListRule() {
        super(
                "VISA_WAIVER_AGAINST_COMMON_VISA_LIST",
                "common visa list",
                "A bilateral or national visa waiver for nationals whom a common visa list binding the grantor requires to hold a visa.",
                SOURCE);
    }

    @Override
    void check(Bindings on, Consumer<Conflict> found) {
        Map<String, List<InForce>> listsByGrantor = new HashMap<>();
        boolean draftAddsList = false;
        for (InForce f : on.all()) {
            if (f.commitment() instanceof VisaObligation) {
                for (String g : f.grantors())
                    listsByGrantor.computeIfAbsent(g, k -> new ArrayList<>()).add(f);
                draftAddsList |= f.drafted();
            }
        }
        // A new list can clash with any waiver already in force; otherwise only the subjects' waivers can.
        for (InForce waiver : draftAddsList ? on.all() : on.subjects()) {
            if (!(waiver.commitment() instanceof VisaWaiver w)) continue;
            Map<InForce, Map<String, Set<String>>> clashes = new LinkedHashMap<>();
            for (String grantor : waiver.grantors()) {
                for (InForce list : listsByGrantor.getOrDefault(grantor, List.of())) {
                    VisaObligation o = (VisaObligation) list.commitment();
                    if (w.purposes().stream().noneMatch(o.purposes()::contains)) continue;
                    Set<String> affected = new TreeSet<>(waiver.beneficiaries());
                    affected.retainAll(list.beneficiaries());
                    affected.remove(grantor);
                    if (!affected.isEmpty())
                        clashes.computeIfAbsent(list, k -> new TreeMap<>()).put(grantor, affected);
                }
            }
            clashes.forEach((list, byGrantor) -> {
                Set<String> grantors = byGrantor.keySet();
                Set<String> nationals = new TreeSet<>();
                byGrantor.values().forEach(nationals::addAll);
                Set<String> parties = new TreeSet<>(grantors);
                parties.addAll(nationals);
                found.accept(conflict(
                        Conflict.Severity.CONFLICT,
                        waiver.ref().label() + " (" + on.title(waiver.ref().instrument())
                                + ") waives the visa for nationals of " + on.names(nationals) + " entering "
                                + on.names(grantors) + "; but "
                                + list.commitment().source().title() + " ("
                                + list.ref().label() + ") binds " + (grantors.size() == 1 ? "it" : "them")
                                + " to require a visa of these nationals, and a state bound by a common list may not waive it on its own.",
                        List.of(waiver, list),
                        parties,
                        List.of(),
                        List.of()));
            });
        }
        for (InForce list : on.subjects()) {
            if (!(list.commitment() instanceof VisaObligation)) continue;
            for (String grantor : new TreeSet<>(list.grantors())) {
                Map<String, EntryPolicy> waived = new TreeMap<>();
                for (String national : list.beneficiaries()) {
                    if (national.equals(grantor)) continue;
                    Optional<EntryPolicy> policy = on.policy(grantor, national);
                    if (policy.isPresent() && waives(policy.get().category())) waived.put(national, policy.get());
                }
                if (waived.isEmpty()) continue;
                Set<Source> matrices = new TreeSet<>((a, b) -> a.asOf().compareTo(b.asOf()));
                waived.values().forEach(p -> matrices.add(p.source()));
                Set<String> parties = new TreeSet<>(waived.keySet());
                parties.add(grantor);
                found.accept(conflict(
                        Conflict.Severity.RISK,
                        "The visa matrix records "
                                + String.join(
                                        ", ",
                                        waived.values().stream()
                                                .map(p -> p.category().label())
                                                .distinct()
                                                .sorted()
                                                .toList())
                                + " entry into " + on.name(grantor) + " for nationals of " + on.names(waived.keySet())
                                + " (its national policy), "
                                + "but " + list.commitment().source().title() + " ("
                                + list.ref().label() + ") binds " + on.name(grantor)
                                + " to require a visa of them: either the matrix is wrong or the state does not apply the list.",
                        List.of(list),
                        parties,
                        List.of(),
                        List.copyOf(matrices)));
            }
        }
    }

    /** Whether a national category admits without a visa: visa free, or with an electronic travel authorisation only. */
    private static boolean waives(TravelCategory category) {
        return category == TravelCategory.VISA_FREE || category == TravelCategory.ELECTRONIC_TRAVEL_AUTHORISATION;
    }
}
