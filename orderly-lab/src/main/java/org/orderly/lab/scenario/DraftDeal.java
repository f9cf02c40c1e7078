package org.orderly.lab.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.orderly.regime.Commitment;
import org.orderly.regime.Instrument;
import org.orderly.regime.Participation;
import org.orderly.regime.Registry;
import org.orderly.regime.Scope;

/**
 * A deal as a scenario: an instrument with its commitments (waivers, free movement, labour channels with quotas,
 * remittance-cost targets…) and the parties that would ratify it, in the shape the registry records an instrument (the
 * same JSON as {@code POST /api/v1/instruments}, or a negotiation's conclusion).
 */
public record DraftDeal(Instrument instrument, List<Commitment> commitments, List<Participation> participations) {

    public DraftDeal {
        Objects.requireNonNull(instrument, "the draft deal's instrument");
        commitments = List.copyOf(commitments);
        participations = List.copyOf(participations);
    }

    /**
     * Today's registry with the deal added, as if it were concluded; refuses a deal whose instrument id is taken or that
     * names a party the registry does not know.
     *
     * @throws IllegalArgumentException naming what does not fit
     */
    public Registry addTo(Registry registry) {
        if (registry.instrument(instrument.id()).isPresent()) {
            throw new IllegalArgumentException(
                    "the registry already holds an instrument " + instrument.id() + ": give the draft deal another id");
        }
        List<Instrument> instruments = new ArrayList<>(registry.instruments());
        instruments.add(instrument);
        List<Participation> allParticipations = new ArrayList<>(registry.participations());
        allParticipations.addAll(participations);
        List<Commitment> allCommitments = new ArrayList<>(registry.commitments());
        allCommitments.addAll(commitments);
        return new Registry(
                registry.parties(), instruments, allParticipations, allCommitments, registry.entryPolicies());
    }

    /** Every state the deal's commitments name, as grantor or beneficiary, and every party. */
    public Set<String> states() {
        Set<String> states = new TreeSet<>();
        participations.forEach(p -> states.add(p.partyId()));
        for (Commitment c : commitments) {
            c.scope()
                    .match(
                            reciprocal -> java.util.stream.Stream.<String>empty(),
                            d -> java.util.stream.Stream.concat(d.grantors().stream(), d.beneficiaries().stream()))
                    .filter(s -> !Scope.PARTIES.equals(s))
                    .forEach(states::add);
        }
        return states;
    }
}
