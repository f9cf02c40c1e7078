package org.orderly.server.negotiation;

import java.util.List;
import org.orderly.negotiation.solver.Outcome;

/**
 * The engine found no individually rational deal; the message says why without any party's
 * numbers (which parties' reservations block, which norms exclude every deal).
 */
public final class NoDealException extends RuntimeException {
    @java.io.Serial
    private static final long serialVersionUID = 1L;

    private final List<String> blockingParties;
    private final List<String> blockingNorms;

    private NoDealException(String message, List<String> blockingParties, List<String> blockingNorms) {
        super(message);
        this.blockingParties = List.copyOf(blockingParties);
        this.blockingNorms = List.copyOf(blockingNorms);
    }

    static NoDealException of(Outcome.NoDeal noDeal) {
        List<String> parties = noDeal.blockers().stream()
                .filter(b -> b.shortfall() != null && b.shortfall() > 0)
                .map(Outcome.Blocker::party)
                .toList();
        String reason;
        if (!noDeal.blockingNorms().isEmpty() || noDeal.blockers().isEmpty()) {
            reason = noDeal.reason();
        } else if (parties.isEmpty()) {
            reason =
                    "no single party's reservation alone blocks the deal: at least two parties would have to lower theirs";
        } else {
            reason = "even with every other party satisfied, no deal gives " + String.join(", ", parties)
                    + " its reservation value plus the margin";
        }
        return new NoDealException("no deal, because " + reason, parties, noDeal.blockingNorms());
    }

    public List<String> blockingParties() {
        return blockingParties;
    }

    public List<String> blockingNorms() {
        return blockingNorms;
    }
}
