package org.orderly.server.api;

import org.orderly.regime.Organisation;
import org.orderly.regime.Party;
import org.orderly.regime.Process;
import org.orderly.regime.Source;
import org.orderly.regime.State;

/** A party as the API and the command line show it. */
public record PartyView(
        String id,
        String kind,
        String name,
        String alpha2,
        String numeric,
        String region,
        String subRegion,
        String standing,
        String description,
        Source source) {

    public static PartyView of(Party party) {
        if (party instanceof State s) {
            return new PartyView(
                    s.id(),
                    "STATE",
                    s.name(),
                    s.alpha2(),
                    s.numeric(),
                    s.region(),
                    s.subRegion(),
                    s.standing().name(),
                    "",
                    s.source());
        }
        String description = party instanceof Organisation o ? o.mandate() : ((Process) party).focus();
        return new PartyView(
                party.id(),
                party.kind().name(),
                party.name(),
                null,
                null,
                null,
                null,
                null,
                description,
                party.source());
    }
}
