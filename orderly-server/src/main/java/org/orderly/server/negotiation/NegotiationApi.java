package org.orderly.server.negotiation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.orderly.negotiation.conclusion.Conclusion;
import org.orderly.negotiation.format.NegotiationJson;
import org.orderly.negotiation.procedure.Answer;
import org.orderly.negotiation.procedure.Proceedings;
import org.orderly.negotiation.procedure.Step;
import org.orderly.negotiation.solver.Objective;
import org.orderly.negotiation.solver.Outcome;
import org.orderly.regime.Commitment;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The negotiation forum over HTTP. Public: negotiations, proposals and concluded deals. A party's
 * principal enters, reads and answers only for its own party; the secretariat opens, asks the
 * engine to propose, and concludes.
 */
@RestController
@RequestMapping("/api/v1/negotiations")
@Tag(
        name = "Negotiations",
        description = "Mediated single-text negotiation: private valuations, proposals, explanations, conclusion")
public class NegotiationApi {
    private final NegotiationService negotiations;

    public NegotiationApi(NegotiationService negotiations) {
        this.negotiations = negotiations;
    }

    @GetMapping
    @Operation(summary = "All negotiations (public: no valuations)")
    public List<NegotiationView> list() {
        return negotiations.list().stream()
                .map(r -> NegotiationView.of(r, negotiations.now()))
                .toList();
    }

    @GetMapping("/{id}")
    @Operation(
            summary =
                    "One negotiation: parties, issues, options, norms, status, proposals and answers (public: no valuations)")
    public NegotiationView get(@PathVariable String id) {
        return NegotiationView.of(negotiations.get(id), negotiations.now());
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Secretariat: open a negotiation from Orderly JSON without valuations")
    public NegotiationView open(@RequestBody String json, Authentication authentication) {
        return NegotiationView.of(negotiations.open(json, Principals.actor(authentication)), negotiations.now());
    }

    @PostMapping("/demo")
    @Operation(
            summary =
                    "Secretariat: open the ILLUSTRATIVE DEU–MAR demonstration with its invented valuations (idempotent)")
    public NegotiationView openDemonstration() {
        return NegotiationView.of(negotiations.openDemonstration(), negotiations.now());
    }

    @GetMapping("/{id}/valuations/{party}")
    @Operation(summary = "A party's own valuation: only a principal acting for that party may read it")
    public JsonNode valuation(@PathVariable String id, @PathVariable String party, Authentication authentication) {
        return NegotiationJson.valuation(negotiations.valuation(id, code(party), Principals.party(authentication)));
    }

    @PutMapping(value = "/{id}/valuations/{party}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A party enters or revises its own valuation while the negotiation is open")
    public JsonNode enterValuation(
            @PathVariable String id,
            @PathVariable String party,
            @RequestBody String json,
            Authentication authentication) {
        return NegotiationJson.valuation(
                negotiations.enterValuation(id, code(party), Principals.actor(authentication), json));
    }

    @PostMapping("/{id}/proposals")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary =
                    "Secretariat: the engine proposes the best deal for the objective (joint, nash or maxmin), with norm checks and proof")
    public JsonNode propose(
            @PathVariable String id,
            @RequestParam(defaultValue = "joint") String objective,
            Authentication authentication) {
        negotiations.requireMayPropose(id, Principals.actor(authentication));
        Outcome.Proposal proposal =
                negotiations.propose(id, Objective.parse(objective), Principals.actor(authentication));
        return NegotiationService.summary(proposal);
    }

    @GetMapping("/{id}/explanations/{party}")
    @Operation(
            summary = "What the latest proposal means for a party: only a principal acting for that party may read it")
    public NegotiationService.PartyExplanation explanation(
            @PathVariable String id, @PathVariable String party, Authentication authentication) {
        return negotiations.explanation(id, code(party), Principals.party(authentication));
    }

    /** A party's answer to the pending proposal. */
    public record AnswerRequest(String answer, String reason) {}

    @PostMapping("/{id}/answers/{party}")
    @Operation(summary = "A party accepts or rejects the pending proposal (a rejection needs a reason)")
    public NegotiationView answer(
            @PathVariable String id,
            @PathVariable String party,
            @RequestBody AnswerRequest request,
            Authentication authentication) {
        negotiations.requireSelf(id, code(party), Principals.party(authentication), "answer for");
        if (request == null || request.answer() == null)
            throw new IllegalArgumentException("say \"answer\": \"ACCEPT\", \"REJECT\" or \"ABSTAIN\"");
        return NegotiationView.of(
                negotiations.answer(
                        id, code(party), Principals.actor(authentication), answer(request.answer()), request.reason()),
                negotiations.now());
    }

    /** ACCEPT, REJECT (OBJECT under consensus says the same) or ABSTAIN. */
    static Answer answer(String text) {
        String word = text.trim().toUpperCase(Locale.ROOT);
        if (word.equals("OBJECT")) return Answer.REJECT;
        try {
            return Answer.valueOf(word);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "unknown answer '" + text + "': use ACCEPT, REJECT (or OBJECT) or ABSTAIN");
        }
    }

    /**
     * What a conclusion wrote into the registry; for an ILLUSTRATIVE negotiation nothing ({@code instrumentId} null,
     * no commitments) and {@code illustrative} true.
     */
    public record ConclusionView(
            String instrumentId, String title, int commitments, List<String> parties, boolean illustrative) {}

    /** The secretariat's override of the conflicts the coherence check found, with its reason (absent when there are none). */
    public record ConclusionRequest(String override) {}

    @PostMapping("/{id}/conclusion")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Secretariat: conclude the proposal every party accepted into an instrument with commitments")
    public ConclusionView conclude(
            @PathVariable String id,
            @RequestBody(required = false) ConclusionRequest request,
            Authentication authentication) {
        var concluded = negotiations.conclude(
                id, Principals.actor(authentication), request == null ? null : request.override());
        if (concluded.isEmpty()) {
            var record = negotiations.get(id);
            return new ConclusionView(
                    null, record.proceedings().title(), 0, record.proceedings().parties(), true);
        }
        Conclusion conclusion = concluded.get();
        return new ConclusionView(
                conclusion.instrument().id(),
                conclusion.instrument().title(),
                conclusion.commitments().size(),
                conclusion.participations().stream().map(p -> p.partyId()).toList(),
                false);
    }

    /** A party's request of another: a commitment of a kind, the value it would like. */
    public record RequestForm(String id, String to, String title, String commitment, java.math.BigDecimal value) {}

    @PostMapping("/{id}/requests")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary =
                    "A party files a request of another party (request-offer rounds, while requests and offers are open)")
    public NegotiationView fileRequest(
            @PathVariable String id, @RequestBody RequestForm form, Authentication authentication) {
        Proceedings.Actor actor = Principals.actor(authentication);
        if (form == null) throw new IllegalArgumentException("the request is missing");
        negotiations.act(
                id,
                actor,
                new Step.RequestFiled(new Step.Request(
                        required(form.id(), "id"),
                        actor.party() == null ? "" : actor.party(),
                        required(form.to(), "to"),
                        form.title(),
                        kind(form.commitment()),
                        form.value())));
        return get(id);
    }

    /** A party's offer: a commitment it would grant, the value of its varying term, the requests it answers. */
    public record OfferForm(
            String id,
            String title,
            String commitment,
            Map<String, String> attributes,
            java.math.BigDecimal value,
            List<String> answering) {}

    @PostMapping("/{id}/offers")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "A party files an offer (request-offer rounds, while requests and offers are open)")
    public NegotiationView fileOffer(
            @PathVariable String id, @RequestBody OfferForm form, Authentication authentication) {
        Proceedings.Actor actor = Principals.actor(authentication);
        if (form == null) throw new IllegalArgumentException("the offer is missing");
        if (form.value() == null)
            throw new IllegalArgumentException(
                    "value: the offer's value is missing (quota, days, year, percent; 1 for yes)");
        negotiations.act(
                id,
                actor,
                new Step.OfferFiled(new Step.Offer(
                        required(form.id(), "id"),
                        actor.party() == null ? "" : actor.party(),
                        form.title(),
                        kind(form.commitment()),
                        form.attributes(),
                        form.value(),
                        form.answering())));
        return get(id);
    }

    /** A party's schedule of exceptions to the MFN rule. */
    public record ScheduleForm(List<ExemptionForm> exemptions) {}

    /** One exception: the kind of commitment not extended under MFN, and why. */
    public record ExemptionForm(String commitment, String reason) {}

    @PutMapping("/{id}/exceptions/{party}")
    @Operation(summary = "A party files its schedule of exceptions to the MFN rule (replacing its earlier one)")
    public NegotiationView scheduleExemptions(
            @PathVariable String id,
            @PathVariable String party,
            @RequestBody ScheduleForm form,
            Authentication authentication) {
        negotiations.requireSelf(
                id, code(party), Principals.party(authentication), "file the schedule of exceptions for");
        List<Step.Exemption> exemptions = form == null || form.exemptions() == null
                ? List.of()
                : form.exemptions().stream()
                        .map(e -> new Step.Exemption(kind(e.commitment()), e.reason()))
                        .toList();
        negotiations.act(id, Principals.actor(authentication), new Step.ExceptionsScheduled(exemptions));
        return get(id);
    }

    @PostMapping("/{id}/closing")
    @Operation(
            summary =
                    "The secretariat (or the chair) closes requests and offers: the offers become the issues the engine settles")
    public NegotiationView closeOffers(@PathVariable String id, Authentication authentication) {
        negotiations.act(id, Principals.actor(authentication), new Step.OffersClosed());
        return get(id);
    }

    /** A statement's or paper's text. */
    public record TextForm(String title, String text) {}

    @PostMapping("/{id}/statements")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "A party, an observer or the secretariat makes a statement for the record")
    public NegotiationView statement(
            @PathVariable String id, @RequestBody TextForm form, Authentication authentication) {
        negotiations.act(id, Principals.actor(authentication), new Step.Statement(form == null ? null : form.text()));
        return get(id);
    }

    @PostMapping("/{id}/papers")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "A party, an observer or the secretariat files a paper for the record")
    public NegotiationView paper(@PathVariable String id, @RequestBody TextForm form, Authentication authentication) {
        negotiations.act(
                id,
                Principals.actor(authentication),
                new Step.PaperFiled(form == null ? null : form.title(), form == null ? null : form.text()));
        return get(id);
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) throw new IllegalArgumentException(field + ": is missing");
        return value.strip();
    }

    /** A commitment kind named in a request or form, with the known kinds when it is none. */
    static Commitment.Kind kind(String text) {
        try {
            return Commitment.Kind.valueOf(required(text, "commitment").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "commitment: '" + text + "' is not one of " + java.util.Arrays.toString(Commitment.Kind.values()));
        }
    }

    @GetMapping("/{id}/frontier")
    @Operation(
            summary =
                    "The two-party Pareto frontier as the signed-in party sees it: its own utility against the other's share")
    public NegotiationService.FrontierView frontier(@PathVariable String id, Authentication authentication) {
        return negotiations.frontier(id, Principals.party(authentication));
    }

    private static String code(String party) {
        return party.trim();
    }
}
