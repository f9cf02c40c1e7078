package org.orderly.negotiation.conclusion;

import org.orderly.negotiation.CommitmentTemplate;
import org.orderly.negotiation.Deal;
import org.orderly.negotiation.Issue;
import org.orderly.negotiation.Negotiation;
import org.orderly.negotiation.Option;
import org.orderly.regime.Commitment;
import org.orderly.regime.DataSharing;
import org.orderly.regime.DocumentStandard;
import org.orderly.regime.Instrument;
import org.orderly.regime.CommitmentTerms;
import java.util.LinkedHashMap;
import java.util.Map;
import org.orderly.regime.Participation;
import org.orderly.regime.Pillar;
import org.orderly.regime.Purpose;
import org.orderly.regime.Readmission;
import org.orderly.regime.Registry;
import org.orderly.regime.RemittanceCost;
import org.orderly.regime.RightsFloor;
import org.orderly.regime.Scope;
import org.orderly.regime.Source;
import org.orderly.regime.Term;
import org.orderly.regime.VisaWaiver;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

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
        negotiation.requireComplete(deal);
        var broken = negotiation.check(deal).stream().filter(c -> !c.met()).toList();
        if (!broken.isEmpty()) {
            throw new IllegalArgumentException("the deal breaks norm " + broken.get(0).normId() + ": " + broken.get(0).reason());
        }
        String instrumentId = negotiation.id();
        List<Commitment> commitments = new ArrayList<>();
        for (Issue issue : negotiation.issues()) {
            Option option = issue.option(deal.option(issue.id())).orElseThrow();
            if (issue.template() == null || option.isNone()) continue;
            commitments.add(commitment(instrumentId, issue, option, source));
        }
        Set<Pillar> pillars = EnumSet.noneOf(Pillar.class);
        for (Commitment commitment : commitments) pillars.add(pillar(commitment.kind()));
        boolean bilateral = negotiation.parties().size() == 2;
        Instrument instrument = new Instrument(instrumentId, negotiation.title(),
                bilateral ? Instrument.Kind.BILATERAL_AGREEMENT : Instrument.Kind.REGIONAL_AGREEMENT,
                bilateral ? Instrument.Level.BILATERAL : Instrument.Level.REGIONAL, true, date, date, pillars, source);
        List<Participation> participations = negotiation.parties().stream()
                .map(party -> new Participation(party, instrumentId, Participation.Status.RATIFIED, date, null, List.of(), source))
                .toList();
        return new Conclusion(instrument, commitments, participations);
    }

    /** A new registry with this conclusion's instrument, commitments and participations added (the parties must be registered). */
    public Registry addTo(Registry registry) {
        List<Instrument> instruments = new ArrayList<>(registry.instruments());
        instruments.add(instrument);
        List<Participation> allParticipations = new ArrayList<>(registry.participations());
        allParticipations.addAll(participations);
        List<Commitment> allCommitments = new ArrayList<>(registry.commitments());
        allCommitments.addAll(commitments);
        return new Registry(registry.parties(), instruments, allParticipations, allCommitments, registry.entryPolicies());
    }

    private static Commitment commitment(String instrumentId, Issue issue, Option option, Source source) {
        CommitmentTemplate t = issue.template();
        Scope scope = Scope.directed(t.grantors(), t.beneficiaries());
        Term term = Term.OPEN;
        try {
            switch (t.kind()) {
                case VISA_WAIVER:
                    return new VisaWaiver(instrumentId, scope, term, whole(option), Integer.parseInt(t.attribute("windowDays", "180")),
                            purposes(t.attribute("purposes", "")), source);
                case LEGAL_CHANNEL: {
                    // The registry's one builder: the template's attributes are the channel's fixed terms, the option its quota.
                    Map<String, String> terms = new LinkedHashMap<>();
                    t.attributes().forEach(terms::put);
                    terms.put("annual_quota", Integer.toString(whole(option)));
                    return CommitmentTerms.toCommitment(Commitment.Kind.LEGAL_CHANNEL, instrumentId, scope, term, terms, source);
                }
                case READMISSION:
                    return new Readmission(instrumentId, scope, term, whole(option),
                            Boolean.parseBoolean(t.attribute("thirdCountryNationals", "false")), source);
                case DOCUMENT_STANDARD:
                    return new DocumentStandard(instrumentId, scope, term, t.attribute("standard", "ICAO Doc 9303 eMRTD"), whole(option), source);
                case DATA_SHARING:
                    return new DataSharing(instrumentId, scope, term, t.attribute("dataset", "API"),
                            list(t.attribute("purposes", "border control")), list(t.attribute("fields", "")), whole(option), source);
                case RIGHTS_FLOOR:
                    return new RightsFloor(instrumentId, scope, term, list(t.attribute("rights", "")),
                            Boolean.parseBoolean(t.attribute("nonDerogable", "false")), source);
                case REMITTANCE_COST:
                    return new RemittanceCost(instrumentId, scope, term, option.value(), source);
                default:
                    throw new IllegalArgumentException(t.kind() + " is not a negotiable commitment kind");
            }
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new IllegalArgumentException("issue " + issue.id() + ", option " + option.id() + ": " + e.getMessage(), e);
        }
    }

    private static int whole(Option option) {
        return option.value().intValueExact();
    }

    private static Set<String> list(String text) {
        return Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static Set<Purpose> purposes(String text) {
        return list(text).stream().map(s -> Purpose.valueOf(s.toUpperCase(Locale.ROOT))).collect(Collectors.toSet());
    }

    private static Pillar pillar(Commitment.Kind kind) {
        switch (kind) {
            case VISA_WAIVER:
            case FREE_MOVEMENT:
            case LEGAL_CHANNEL:
                return Pillar.LEGAL_MOVEMENT;
            case RIGHTS_FLOOR:
                return Pillar.RIGHTS;
            case REMITTANCE_COST:
                return Pillar.COOPERATION;
            default:
                return Pillar.SECURITY;
        }
    }
}
