package org.orderly.regime.coherence;

import java.util.List;
import java.util.Objects;
import org.orderly.regime.Commitment;
import org.orderly.regime.Instrument;
import org.orderly.regime.Participation;

/**
 * An instrument not yet in the registry, with its commitments and participations: a package a negotiation is about to
 * conclude, or the JSON {@code POST /api/v1/instruments} takes, checked before it binds. A draft with the id of an
 * instrument the registry holds is read as an amendment: its commitments and participations join that instrument's.
 */
public record Draft(Instrument instrument, List<Commitment> commitments, List<Participation> participations) {
    public Draft {
        Objects.requireNonNull(instrument, "draft instrument");
        commitments = List.copyOf(commitments);
        participations = List.copyOf(participations);
        for (Commitment c : commitments) {
            if (!c.instrumentId().equals(instrument.id())) {
                throw new IllegalArgumentException(
                        "a draft commitment belongs to " + c.instrumentId() + ", not to " + instrument.id());
            }
        }
        for (Participation p : participations) {
            if (!p.subjectId().equals(instrument.id())) {
                throw new IllegalArgumentException("a draft participation of " + p.partyId() + " is in " + p.subjectId()
                        + ", not in " + instrument.id());
            }
        }
    }
}
