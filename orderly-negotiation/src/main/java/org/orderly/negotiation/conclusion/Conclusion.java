package org.orderly.negotiation.conclusion;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import org.orderly.negotiation.CommitmentTemplate;
import org.orderly.negotiation.Deal;
import org.orderly.negotiation.Issue;
import org.orderly.negotiation.Negotiation;
import org.orderly.negotiation.Option;
import org.orderly.regime.Commitment;
import org.orderly.regime.CommitmentTerms;
import org.orderly.regime.Instrument;
import org.orderly.regime.Participation;
import org.orderly.regime.Pillar;
import org.orderly.regime.Registry;
import org.orderly.regime.Scope;
import org.orderly.regime.Source;
import org.orderly.regime.Term;

/**
 * A concluded deal as registry facts: a binding instrument adopted and in force on the conclusion
 * date, the typed commitments made by the chosen options, and each party's ratification.
 */
public record Conclusion(Instrument instrument, List<Commitment> commitments, List<Participation> participations) {
    public Conclusion {
        commitments = List.copyOf(commitments);
        participations = List.copyOf(participations);
    }

    /**
     * Turns an agreed deal into an instrument (a bilateral agreement for two parties, a regional one
     * for more), commitments from every issue whose chosen option is not "none", and RATIFIED
     * participations; fails if the deal does not settle the negotiation or breaks a norm.
     */
    public static Conclusion conclude(Negotiation negotiation, Deal deal, LocalDate date, Source source) {
        return conclude(negotiation, deal, date, source, (issue, option) -> issue.template());
    }

    /**
     * As {@link #conclude(Negotiation, Deal, LocalDate, Source)}, with the template of each chosen option given by
     * {@code templates} (a request-offer round binds an offer for its requesters or for every party, by option).
     */
    public static Conclusion conclude(
            Negotiation negotiation,
            Deal deal,
            LocalDate date,
            Source source,
            BiFunction<Issue, Option, CommitmentTemplate> templates) {
        negotiation.requireComplete(deal);
        var broken = negotiation.check(deal).stream().filter(c -> !c.met()).toList();
        if (!broken.isEmpty()) {
            throw new IllegalArgumentException("the deal breaks norm "
                    + broken.get(0).normId() + ": " + broken.get(0).reason());
        }
        String instrumentId = negotiation.id();
        List<Commitment> commitments = commitmentsOf(negotiation, deal.choices(), instrumentId, source, templates);
        Set<Pillar> pillars = EnumSet.noneOf(Pillar.class);
        for (Commitment commitment : commitments) pillars.add(pillar(commitment.kind()));
        boolean bilateral = negotiation.parties().size() == 2;
        Instrument instrument = new Instrument(
                instrumentId,
                negotiation.title(),
                bilateral ? Instrument.Kind.BILATERAL_AGREEMENT : Instrument.Kind.REGIONAL_AGREEMENT,
                bilateral ? Instrument.Level.BILATERAL : Instrument.Level.REGIONAL,
                true,
                date,
                date,
                pillars,
                source);
        List<Participation> participations = negotiation.parties().stream()
                .map(party -> new Participation(
                        party, instrumentId, Participation.Status.RATIFIED, date, null, List.of(), source))
                .toList();
        return new Conclusion(instrument, commitments, participations);
    }

    /**
     * The commitments that the given choices (issue → option) make, under an instrument id: one per issue chosen at an
     * option that is not "none" and whose issue has a template. Issues not chosen are left out and norms are not checked,
     * so that a part of a package can be looked at alone (a scenario of one option); {@link #conclude} checks both.
     *
     * @throws IllegalArgumentException naming the issue and option that do not exist or cannot become a commitment
     */
    public static List<Commitment> commitmentsOf(
            Negotiation negotiation, java.util.Map<String, String> choices, String instrumentId, Source source) {
        return commitmentsOf(negotiation, choices, instrumentId, source, (issue, option) -> issue.template());
    }

    /** As {@link #commitmentsOf(Negotiation, java.util.Map, String, Source)}, with each chosen option's template given by {@code templates}. */
    public static List<Commitment> commitmentsOf(
            Negotiation negotiation,
            java.util.Map<String, String> choices,
            String instrumentId,
            Source source,
            BiFunction<Issue, Option, CommitmentTemplate> templates) {
        List<Commitment> commitments = new ArrayList<>();
        for (Issue issue : negotiation.issues()) {
            String chosen = choices.get(issue.id());
            if (chosen == null) continue;
            Option option = issue.option(chosen)
                    .orElseThrow(
                            () -> new IllegalArgumentException("issue " + issue.id() + " has no option " + chosen));
            if (issue.template() == null || option.isNone()) continue;
            commitments.add(commitment(instrumentId, issue, templates.apply(issue, option), option, source));
        }
        return commitments;
    }

    /** A new registry with this conclusion's instrument, commitments and participations added (the parties must be registered). */
    public Registry addTo(Registry registry) {
        List<Instrument> instruments = new ArrayList<>(registry.instruments());
        instruments.add(instrument);
        List<Participation> allParticipations = new ArrayList<>(registry.participations());
        allParticipations.addAll(participations);
        List<Commitment> allCommitments = new ArrayList<>(registry.commitments());
        allCommitments.addAll(commitments);
        return new Registry(
                registry.parties(), instruments, allParticipations, allCommitments, registry.entryPolicies());
    }

    /** The one commitment builder of the registry ({@link CommitmentTerms}), fed the template's terms for the chosen option. */
    private static Commitment commitment(
            String instrumentId, Issue issue, CommitmentTemplate t, Option option, Source source) {
        try {
            return CommitmentTerms.toCommitment(
                    t.kind(),
                    instrumentId,
                    Scope.directed(t.grantors(), t.beneficiaries()),
                    Term.OPEN,
                    t.terms(option),
                    source);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new IllegalArgumentException(
                    "issue " + issue.id() + ", option " + option.id() + ": " + e.getMessage(), e);
        }
    }

    /** The pillar a commitment's kind serves; a new kind fails to compile here until it is given one. */
    private static Pillar pillar(Commitment.Kind kind) {
        return switch (kind) {
            case VISA_WAIVER, VISA_OBLIGATION, FREE_MOVEMENT, LEGAL_CHANNEL -> Pillar.LEGAL_MOVEMENT;
            case RIGHTS_FLOOR -> Pillar.RIGHTS;
            case REMITTANCE_COST -> Pillar.COOPERATION;
            case READMISSION, DOCUMENT_STANDARD, DATA_SHARING, COMMON_FRONTIER -> Pillar.SECURITY;
        };
    }
}
