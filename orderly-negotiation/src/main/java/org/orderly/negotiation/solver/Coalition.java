package org.orderly.negotiation.solver;

import java.util.List;

/**
 * A group of parties that can make a deal among themselves (plurilateral) when all cannot: issues
 * that involve an outsider stay at "no commitment", and only the members must gain.
 */
public record Coalition(List<String> members, Outcome.Proposal deal) {
    public Coalition {
        members = List.copyOf(members);
    }
}
