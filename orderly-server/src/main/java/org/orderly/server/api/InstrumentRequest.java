package org.orderly.server.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.orderly.regime.Commitment;
import org.orderly.regime.CommitmentTerms;
import org.orderly.regime.Instrument;
import org.orderly.regime.Participation;
import org.orderly.regime.Scope;
import org.orderly.regime.Source;
import org.orderly.regime.Term;

/**
 * A request to record an instrument: the instrument, its commitments (kind, scope, term and terms
 * as in {@link CommitmentTerms}) and its participations; the instrument's source is the default source.
 */
public record InstrumentRequest(Instrument instrument, List<CommitmentRequest> commitments, List<ParticipationRequest> participations) {

    /** One commitment; empty grantors and beneficiaries mean reciprocal among all bound parties. */
    public record CommitmentRequest(Commitment.Kind kind, Set<String> grantors, Set<String> beneficiaries, LocalDate from,
                                    LocalDate until, Map<String, String> terms, Source source) {
    }

    /** One party's participation in the instrument; {@code since} as published ("2014", "2014-06-26", or absent when unknown). */
    public record ParticipationRequest(String party, Participation.Status status, String since, LocalDate until,
                                       List<String> reservations, Source source) {
    }

    public InstrumentRequest {
        if (instrument == null) throw new IllegalArgumentException("the request needs an 'instrument'");
        commitments = commitments == null ? List.of() : commitments;
        participations = participations == null ? List.of() : participations;
        for (int i = 0; i < commitments.size(); i++) {
            if (commitments.get(i) == null) throw new IllegalArgumentException("commitments[" + i + "] is null");
        }
        for (int i = 0; i < participations.size(); i++) {
            if (participations.get(i) == null) throw new IllegalArgumentException("participations[" + i + "] is null");
        }
    }

    List<Commitment> commitments(String instrumentId) {
        return java.util.stream.IntStream.range(0, commitments.size()).mapToObj(i -> {
            CommitmentRequest c = commitments.get(i);
            try {
                if (c.kind() == null) throw new IllegalArgumentException("'kind' is missing");
                boolean reciprocal = (c.grantors() == null || c.grantors().isEmpty()) && (c.beneficiaries() == null || c.beneficiaries().isEmpty());
                Scope scope = reciprocal ? Scope.reciprocal() : Scope.directed(
                        c.grantors() == null ? Set.of() : c.grantors(), c.beneficiaries() == null ? Set.of() : c.beneficiaries());
                return CommitmentTerms.toCommitment(c.kind(), instrumentId, scope, new Term(c.from(), c.until()),
                        c.terms() == null ? Map.of() : c.terms(), c.source() == null ? instrument.source() : c.source());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("commitments[" + i + "]: " + e.getMessage(), e);
            }
        }).toList();
    }

    List<Participation> participations(String instrumentId) {
        return java.util.stream.IntStream.range(0, participations.size()).mapToObj(i -> {
            ParticipationRequest p = participations.get(i);
            try {
                return Participation.published(p.party(), instrumentId, p.status(), p.since(), p.until(), p.reservations(),
                        p.source() == null ? instrument.source() : p.source());
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("participations[" + i + "]: " + e.getMessage(), e);
            }
        }).toList();
    }
}
