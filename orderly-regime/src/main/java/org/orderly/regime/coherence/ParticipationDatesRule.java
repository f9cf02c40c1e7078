package org.orderly.regime.coherence;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.orderly.regime.Source;

/**
 * A commitment that a party makes under an instrument on a date when the instrument does not bind it: before its
 * participation begins, after it ended, on a mere signature. The rulebook leaves such a grantor out silently; this rule
 * says so. Where the registry cannot tell (no participation recorded, a date unknown, a year without its day) it is a risk.
 */
final class ParticipationDatesRule extends CoherenceRule {
    private static final Source SOURCE = new Source(
            "Vienna Convention on the Law of Treaties, arts 24, 26, 28 and 70",
            "Art. 26: every treaty in force is binding upon the parties to it (pacta sunt servanda); art. 24: a treaty enters into force "
                    + "as it provides; art. 28: it does not bind a party in relation to any act before its entry into force for that party; "
                    + "art. 70(1)(a): a party that withdraws is released from any obligation further to perform it. United Nations "
                    + "Treaty Series vol. 1155, p. 331",
            LocalDate.of(2026, 12, 6));

    ParticipationDatesRule() {
        super(
                "COMMITMENT_OUTSIDE_PARTICIPATION",
                "participation dates",
                "A commitment made by a party before the instrument binds it, or after it left.",
                SOURCE);
    }

    @Override
    void check(Bindings on, Consumer<Conflict> found) {
        for (InForce f : on.subjects()) {
            Set<String> unbound = new TreeSet<>(f.named());
            unbound.removeAll(f.grantors());
            if (unbound.isEmpty()) continue;
            List<String> shown = new ArrayList<>();
            List<String> unknown = new ArrayList<>();
            for (String party : unbound) {
                Bindings.Status status = on.standing(party, f.ref().instrument());
                (status.standing() == Bindings.Standing.NOT_BOUND ? shown : unknown).add(status.why());
            }
            List<String> why = new ArrayList<>(shown);
            why.addAll(unknown);
            List<Source> sources = new ArrayList<>();
            on.instrument(f.ref().instrument()).ifPresent(i -> sources.add(i.source()));
            for (org.orderly.regime.Participation p : on.participations(f.ref().instrument())) {
                if (unbound.contains(p.partyId())) sources.add(p.source());
            }
            found.accept(conflict(
                    shown.isEmpty() ? Conflict.Severity.RISK : Conflict.Severity.CONFLICT,
                    f.ref().label() + " (" + on.title(f.ref().instrument()) + ", "
                            + f.commitment().describe() + ") applies on " + on.date()
                            + " and names " + on.names(unbound) + " as "
                            + (unbound.size() == 1 ? "its grantor" : "grantors")
                            + ", but the instrument does not bind " + (unbound.size() == 1 ? "it" : "them")
                            + " that day: "
                            + String.join("; ", why) + ". The rulebook leaves "
                            + (unbound.size() == 1 ? "that grantor" : "them") + " out.",
                    List.of(f),
                    unbound,
                    List.of(),
                    sources));
        }
    }
}
