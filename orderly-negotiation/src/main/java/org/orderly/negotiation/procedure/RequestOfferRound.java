package org.orderly.negotiation.procedure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.orderly.negotiation.CommitmentTemplate;
import org.orderly.negotiation.Deal;
import org.orderly.negotiation.Issue;
import org.orderly.negotiation.Negotiation;
import org.orderly.negotiation.Norm;
import org.orderly.negotiation.Option;
import org.orderly.negotiation.Valuation;
import org.orderly.regime.Commitment;
import org.orderly.regime.CommitmentTerms;
import org.orderly.regime.Scope;
import org.orderly.regime.Source;
import org.orderly.regime.Term;

/**
 * Request-offer rounds under the most-favoured-nation (MFN) rule, modelled on the services agreements (GATS art. II:
 * a concession to one member is extended to all, unless listed as an exemption; the Annex on Article II Exemptions):
 * each offer becomes an issue the engine settles — withheld, bound for the requesting parties only ("bilateral"), or
 * bound for every other party ("MFN") — and a norm per offer holds the MFN rule unless the grantor's schedule of
 * exceptions lists the offer's kind. Each party values both bindings, so the engine can show what the MFN extension
 * costs or gains it.
 */
public record RequestOfferRound(
        String id,
        String title,
        List<String> parties,
        List<Step.Request> requests,
        List<Step.Offer> offers,
        Map<String, List<Step.Exemption>> exceptions) {
    /** The option of an offer's issue: not bound. */
    public static final String WITHHELD = "withheld";
    /** The option of an offer's issue: bound for the parties whose requests it answers. */
    public static final String BILATERAL = "bilateral";
    /** The option of an offer's issue: bound for every other party under the MFN rule. */
    public static final String MFN = "mfn";

    public RequestOfferRound {
        parties = List.copyOf(parties);
        requests = List.copyOf(requests);
        offers = List.copyOf(offers);
        exceptions = Map.copyOf(exceptions);
    }

    /** Whether the grantor's schedule of exceptions lists the offer's kind: then it is bound bilaterally only. */
    public boolean excepted(Step.Offer offer) {
        return exceptions.getOrDefault(offer.grantor(), List.of()).stream().anyMatch(e -> e.kind() == offer.kind());
    }

    /** The parties whose requests the offer answers, in the order of the parties. */
    public List<String> requesters(Step.Offer offer) {
        Set<String> from = new TreeSet<>();
        for (Step.Request request : requests) if (offer.answering().contains(request.id())) from.add(request.from());
        return parties.stream().filter(from::contains).toList();
    }

    /** Every party but the grantor: the beneficiaries of an MFN binding. */
    public List<String> everyOther(Step.Offer offer) {
        return parties.stream().filter(p -> !p.equals(offer.grantor())).toList();
    }

    /** Who benefits when the offer is bound with the option. */
    public List<String> beneficiaries(Step.Offer offer, String option) {
        return switch (option) {
            case MFN -> everyOther(offer);
            case BILATERAL -> requesters(offer);
            default -> List.of();
        };
    }

    /** The offer's commitment template when bound with the option (its beneficiaries follow the option). */
    public CommitmentTemplate template(Step.Offer offer, String option) {
        List<String> beneficiaries = beneficiaries(offer, option);
        return new CommitmentTemplate(
                offer.kind(),
                Set.of(offer.grantor()),
                Set.copyOf(beneficiaries.isEmpty() ? everyOther(offer) : beneficiaries),
                offer.attributes());
    }

    /**
     * Checks an offer before it is filed: a negotiable kind whose terms the registry's one builder accepts, a grantor
     * that is a party, and answered requests addressed to it.
     */
    public static void requireValid(Step.Offer offer, List<String> parties, List<Step.Request> requests) {
        if (!parties.contains(offer.grantor())) throw new IllegalArgumentException(offer.grantor() + " is not a party");
        for (String answered : offer.answering()) {
            Step.Request request = requests.stream()
                    .filter(r -> r.id().equals(answered))
                    .findFirst()
                    .orElseThrow(() ->
                            new IllegalArgumentException("offer " + offer.id() + " answers no request " + answered));
            if (!request.to().equals(offer.grantor())) {
                throw new IllegalArgumentException(
                        "request " + answered + " is addressed to " + request.to() + ", not to " + offer.grantor());
            }
        }
        List<String> others =
                parties.stream().filter(p -> !p.equals(offer.grantor())).toList();
        CommitmentTemplate template =
                new CommitmentTemplate(offer.kind(), Set.of(offer.grantor()), Set.copyOf(others), offer.attributes());
        Option bound = new Option(MFN, null, offer.value());
        try {
            CommitmentTerms.toCommitment(
                    offer.kind(),
                    "check",
                    Scope.directed(template.grantors(), template.beneficiaries()),
                    Term.OPEN,
                    template.terms(bound),
                    new Source("offer check", "", java.time.LocalDate.of(2000, 1, 1)));
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new IllegalArgumentException("offer " + offer.id() + ": " + e.getMessage(), e);
        }
    }

    /** The offers as a negotiation the engine solves: one issue per offer, the MFN rule as norms. */
    public Negotiation negotiation() {
        if (offers.isEmpty()) throw new IllegalStateException("no party has filed an offer: there is nothing to bind");
        List<Issue> issues = new ArrayList<>();
        List<Norm> norms = new ArrayList<>();
        for (Step.Offer offer : offers) {
            List<Option> options = new ArrayList<>();
            options.add(Option.none(WITHHELD, "withheld"));
            List<String> requesters = requesters(offer);
            if (!requesters.isEmpty())
                options.add(
                        new Option(BILATERAL, "bound for " + String.join(", ", requesters) + " only", offer.value()));
            boolean excepted = excepted(offer);
            if (!excepted)
                options.add(new Option(
                        MFN,
                        "bound for every party (MFN: " + String.join(", ", everyOther(offer)) + ")",
                        offer.value()));
            issues.add(new Issue(
                    offer.id(),
                    offer.grantor() + " offers: " + offer.title(),
                    template(offer, excepted ? BILATERAL : MFN),
                    options));
            if (!excepted && !requesters.isEmpty()) {
                norms.add(new Norm.Forbids(
                        "mfn-" + offer.id(),
                        "Most-favoured-nation: " + offer.grantor() + "'s concession (" + offer.title()
                                + ") extends to every party, since its schedule of exceptions does not list "
                                + Words.kind(offer.kind()),
                        offer.id(),
                        Set.of(BILATERAL)));
            }
        }
        return new Negotiation(id, title, parties, issues, norms, 0);
    }

    /** The offer behind an issue of {@link #negotiation()}. */
    public Step.Offer offer(String issueId) {
        return offers.stream()
                .filter(o -> o.id().equals(issueId))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no offer " + issueId));
    }

    /**
     * What the MFN extension of the deal's MFN bindings is worth to a party: its utility with the deal against the same
     * deal with each MFN binding narrowed to its requesters (withheld where it answers no request), in total and per offer.
     */
    public MfnEffect mfnEffect(Deal deal, Valuation valuation) {
        Negotiation negotiation = negotiation();
        Map<String, String> narrowed = new LinkedHashMap<>(deal.choices());
        Map<String, Long> perOffer = new LinkedHashMap<>();
        List<String> extendedTo = new ArrayList<>();
        for (Step.Offer offer : offers) {
            if (!MFN.equals(deal.choices().get(offer.id()))) continue;
            String instead = requesters(offer).isEmpty() ? WITHHELD : BILATERAL;
            narrowed.put(offer.id(), instead);
            Map<String, String> one = new LinkedHashMap<>(deal.choices());
            one.put(offer.id(), instead);
            perOffer.put(
                    offer.id(), valuation.utility(negotiation, deal) - valuation.utility(negotiation, new Deal(one)));
            Set<String> added = new LinkedHashSet<>(everyOther(offer));
            requesters(offer).forEach(added::remove);
            if (added.contains(valuation.party())) extendedTo.add(offer.id());
        }
        long total = valuation.utility(negotiation, deal) - valuation.utility(negotiation, new Deal(narrowed));
        return new MfnEffect(valuation.party(), total, perOffer, extendedTo);
    }

    /**
     * The MFN extension's worth to one party, in its own points (private to it): {@code total} over the deal, each MFN
     * binding's share, and the offers it receives only because of MFN (it did not request them).
     */
    public record MfnEffect(String party, long total, Map<String, Long> perOffer, List<String> receivedThroughMfn) {
        public MfnEffect {
            perOffer = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(perOffer));
            receivedThroughMfn = List.copyOf(receivedThroughMfn);
        }
    }

    /** In words, for the public page: who each bound offer reaches and why (no points). */
    public List<String> extensions(Deal deal) {
        List<String> lines = new ArrayList<>();
        for (Step.Offer offer : offers) {
            String chosen = deal.choices().get(offer.id());
            if (MFN.equals(chosen)) {
                Set<String> added = new LinkedHashSet<>(everyOther(offer));
                requesters(offer).forEach(added::remove);
                lines.add(offer.grantor() + " — " + offer.title() + ": bound for every party under MFN"
                        + (added.isEmpty()
                                ? ""
                                : "; extended to " + String.join(", ", added) + ", who did not request it"));
            } else if (BILATERAL.equals(chosen)) {
                lines.add(offer.grantor() + " — " + offer.title() + ": bound for "
                        + String.join(", ", requesters(offer)) + " only"
                        + (excepted(offer)
                                ? ", as " + offer.grantor() + "'s schedule of exceptions lists "
                                        + Words.kind(offer.kind())
                                : ""));
            }
        }
        return lines;
    }

    /** A request's commitment kind, checked to be one a negotiation can make. */
    static void requireNegotiable(Commitment.Kind kind) {
        if (!kind.negotiable()) {
            throw new IllegalArgumentException(Words.kind(kind) + " is not a negotiable commitment kind");
        }
    }
}
