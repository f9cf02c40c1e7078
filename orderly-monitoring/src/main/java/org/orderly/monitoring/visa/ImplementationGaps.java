package org.orderly.monitoring.visa;

import java.util.ArrayList;
import java.util.List;
import org.orderly.regime.Commitment;
import org.orderly.regime.FreeMovement;
import org.orderly.regime.Rulebook;
import org.orderly.regime.VisaWaiver;

/**
 * Compares every commitment in force that fixes a travel answer with the visa matrix of the same date. A visa waiver or
 * free movement owed by destination D to passport P means P's holders enter D without a visa for a short stay; the
 * matrix disagrees when its ordinary policy needs a visa applied for in advance, or bars entry. A temporary COVID-19 ban
 * is no gap in implementing the commitment: it is left out.
 */
public final class ImplementationGaps {
    private ImplementationGaps() {}

    /** Every disagreeing pair, destination then passport order. The rulebook should be compiled for the snapshot's date. */
    public static List<ImplementationGap> find(Rulebook rulebook, VisaSnapshot snapshot) {
        List<ImplementationGap> gaps = new ArrayList<>();
        for (int d = 0; d < rulebook.size(); d++) {
            String destination = rulebook.codeAt(d);
            for (int p = 0; p < rulebook.size(); p++) {
                if (p == d) continue;
                String passport = rulebook.codeAt(p);
                Commitment fixing = fixing(rulebook, d, p);
                if (fixing == null) continue;
                VisaRequirement observed = snapshot.requirement(passport, destination);
                if (observed == null || !observed.kind().needsVisaOrBarred()) continue;
                gaps.add(new ImplementationGap(destination, passport, fixing, observed, explain(fixing, observed)));
            }
        }
        return gaps;
    }

    /** The destinations that owe at least one visa waiver or free movement in force on the rulebook's date. */
    public static java.util.Set<String> committed(Rulebook rulebook) {
        java.util.Set<String> committed = new java.util.TreeSet<>();
        for (int d = 0; d < rulebook.size(); d++) {
            for (int p = 0; p < rulebook.size() && !committed.contains(rulebook.codeAt(d)); p++) {
                if (p != d && fixing(rulebook, d, p) != null) committed.add(rulebook.codeAt(d));
            }
        }
        return committed;
    }

    /** The commitment that fixes the travel answer from passport p to destination d: free movement first, else a waiver. */
    private static Commitment fixing(Rulebook rulebook, int d, int p) {
        java.util.Optional<FreeMovement> free = rulebook.freeMovement(rulebook.codeAt(d), rulebook.codeAt(p));
        if (free.isPresent()) return free.get();
        for (Commitment commitment : rulebook.between(d, p)) {
            if (commitment instanceof VisaWaiver) return commitment;
        }
        return null;
    }

    private static String explain(Commitment commitment, VisaRequirement observed) {
        return "practice (" + observed.describe() + ") and commitment (" + commitment.describe()
                + ") disagree: either the state does not apply the commitment, the matrix is wrong, or the registry records a "
                + "commitment that is not (or not yet) in force for this pair";
    }
}
