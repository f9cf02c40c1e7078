package org.orderly.regime;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.orderly.regime.coherence.Draft;

/**
 * An instrument with its commitments (kind, scope, term and terms as in {@link CommitmentTerms}) and its participations, as
 * JSON gives it: what {@code POST /api/v1/instruments} records and what the coherence checker takes as a draft
 * ({@code ./orderly coherence --draft}, {@code POST /api/v1/coherence}). The instrument's source is the default source.
 */
public record InstrumentRequest(
        Instrument instrument, List<CommitmentRequest> commitments, List<ParticipationRequest> participations) {

    /** One commitment; empty grantors and beneficiaries mean reciprocal among all bound parties. */
    public record CommitmentRequest(
            Commitment.Kind kind,
            Set<String> grantors,
            Set<String> beneficiaries,
            LocalDate from,
            LocalDate until,
            Map<String, String> terms,
            Source source) {}

    /** One party's participation in the instrument; {@code since} as published ("2014", "2014-06-26", or absent when unknown). */
    public record ParticipationRequest(
            String party,
            Participation.Status status,
            String since,
            LocalDate until,
            List<String> reservations,
            Source source) {}

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

    /** The commitments, each refusal prefixed with its place ({@code commitments[2]: …}). */
    public List<Commitment> commitments(String instrumentId) {
        return java.util.stream.IntStream.range(0, commitments.size())
                .mapToObj(i -> {
                    CommitmentRequest c = commitments.get(i);
                    try {
                        if (c.kind() == null) throw new IllegalArgumentException("'kind' is missing");
                        boolean reciprocal =
                                (c.grantors() == null || c.grantors().isEmpty())
                                        && (c.beneficiaries() == null
                                                || c.beneficiaries().isEmpty());
                        Scope scope = reciprocal
                                ? Scope.reciprocal()
                                : Scope.directed(
                                        c.grantors() == null ? Set.of() : c.grantors(),
                                        c.beneficiaries() == null ? Set.of() : c.beneficiaries());
                        return CommitmentTerms.toCommitment(
                                c.kind(),
                                instrumentId,
                                scope,
                                new Term(c.from(), c.until()),
                                c.terms() == null ? Map.of() : c.terms(),
                                c.source() == null ? instrument.source() : c.source());
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("commitments[" + i + "]: " + e.getMessage(), e);
                    }
                })
                .toList();
    }

    /** The participations, each refusal prefixed with its place ({@code participations[0]: …}). */
    public List<Participation> participations(String instrumentId) {
        return java.util.stream.IntStream.range(0, participations.size())
                .mapToObj(i -> {
                    ParticipationRequest p = participations.get(i);
                    try {
                        return Participation.published(
                                p.party(),
                                instrumentId,
                                p.status(),
                                p.since(),
                                p.until(),
                                p.reservations(),
                                p.source() == null ? instrument.source() : p.source());
                    } catch (RuntimeException e) {
                        throw new IllegalArgumentException("participations[" + i + "]: " + e.getMessage(), e);
                    }
                })
                .toList();
    }

    /**
     * The request as a draft for the registry: every date within the dates Orderly accepts, every party named known to the
     * registry. Nothing is written.
     *
     * @throws IllegalArgumentException naming the field ({@code commitments[0].grantors}) and why
     */
    public Draft draft(Registry registry) {
        String id = instrument.id();
        List<Commitment> built = commitments(id);
        List<Participation> joined = participations(id);
        requireSaneDates(built, joined);
        for (int i = 0; i < commitments.size(); i++) {
            CommitmentRequest c = commitments.get(i);
            requireKnown(registry, "commitments[" + i + "].grantors", c.grantors(), false);
            // Beneficiaries may be ANY (every nationality, as the Blue Card's), as in the reference data.
            requireKnown(registry, "commitments[" + i + "].beneficiaries", c.beneficiaries(), true);
        }
        for (int i = 0; i < participations.size(); i++) {
            requireKnown(
                    registry,
                    "participations[" + i + "].party",
                    Set.of(participations.get(i).party()),
                    false);
        }
        if (registry.party(id).isPresent())
            throw new IllegalArgumentException("instrument.id '" + id + "' is already a party's id");
        return new Draft(instrument, built, joined);
    }

    /** Refuses a date outside those Orderly accepts (a ratification in the year 5000), naming its field, before anything is written. */
    public void requireSaneDates(List<Commitment> built, List<Participation> joined) {
        RegimeDates.requireWithin("instrument.adopted", instrument.adopted());
        RegimeDates.requireWithin("instrument.inForce", instrument.inForce());
        RegimeDates.requireWithin("instrument.source.asOf", instrument.source().asOf());
        for (int i = 0; i < built.size(); i++) {
            Commitment c = built.get(i);
            RegimeDates.requireWithin("commitments[" + i + "].from", c.term().from());
            RegimeDates.requireWithin("commitments[" + i + "].until", c.term().until());
            RegimeDates.requireWithin(
                    "commitments[" + i + "].source.asOf", c.source().asOf());
        }
        for (int i = 0; i < joined.size(); i++) {
            Participation p = joined.get(i);
            RegimeDates.requireWithin("participations[" + i + "].since", p.since());
            RegimeDates.requireWithin("participations[" + i + "].until", p.until());
            RegimeDates.requireWithin(
                    "participations[" + i + "].source.asOf", p.source().asOf());
        }
    }

    private static void requireKnown(Registry registry, String field, Set<String> codes, boolean anyAllowed) {
        if (codes == null) return;
        Set<String> unknown = new TreeSet<>();
        for (String code : codes) {
            if (code == null
                    || (!Scope.PARTIES.equals(code)
                            && !(anyAllowed && Scope.ANY.equals(code))
                            && registry.party(code).isEmpty())) unknown.add(String.valueOf(code));
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(field + ": " + String.join(", ", unknown)
                    + (unknown.size() == 1 ? " is" : " are") + " not a party of the registry");
        }
    }
}
