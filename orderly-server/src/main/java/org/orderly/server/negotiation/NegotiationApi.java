package org.orderly.server.negotiation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.orderly.negotiation.conclusion.Conclusion;
import org.orderly.negotiation.format.NegotiationJson;
import org.orderly.negotiation.round.Round;
import org.orderly.negotiation.solver.Objective;
import org.orderly.negotiation.solver.Outcome;
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

import java.util.List;
import java.util.Locale;

/**
 * The negotiation forum over HTTP. Public: negotiations, proposals and concluded deals. A party's
 * principal enters, reads and answers only for its own party; the secretariat opens, asks the
 * engine to propose, and concludes.
 */
@RestController
@RequestMapping("/api/v1/negotiations")
@Tag(name = "Negotiations", description = "Mediated single-text negotiation: private valuations, proposals, explanations, conclusion")
public class NegotiationApi {
    private final NegotiationService negotiations;

    public NegotiationApi(NegotiationService negotiations) {
        this.negotiations = negotiations;
    }

    @GetMapping
    @Operation(summary = "All negotiations (public: no valuations)")
    public List<NegotiationView> list() {
        return negotiations.list().stream().map(NegotiationView::of).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One negotiation: parties, issues, options, norms, status, proposals and answers (public: no valuations)")
    public NegotiationView get(@PathVariable String id) {
        return NegotiationView.of(negotiations.get(id));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Secretariat: open a negotiation from Orderly JSON without valuations")
    public NegotiationView open(@RequestBody String json) {
        return NegotiationView.of(negotiations.open(json));
    }

    @PostMapping("/demo")
    @Operation(summary = "Secretariat: open the ILLUSTRATIVE DEU–MAR demonstration with its invented valuations (idempotent)")
    public NegotiationView openDemonstration() {
        return NegotiationView.of(negotiations.openDemonstration());
    }

    @GetMapping("/{id}/valuations/{party}")
    @Operation(summary = "A party's own valuation: only a principal acting for that party may read it")
    public JsonNode valuation(@PathVariable String id, @PathVariable String party, Authentication authentication) {
        return NegotiationJson.valuation(negotiations.valuation(id, code(party), Principals.party(authentication)));
    }

    @PutMapping(value = "/{id}/valuations/{party}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A party enters or revises its own valuation while the negotiation is open")
    public JsonNode enterValuation(@PathVariable String id, @PathVariable String party, @RequestBody String json,
                                   Authentication authentication) {
        return NegotiationJson.valuation(negotiations.enterValuation(id, code(party), Principals.party(authentication), json));
    }

    @PostMapping("/{id}/proposals")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Secretariat: the engine proposes the best deal for the objective (joint, nash or maxmin), with norm checks and proof")
    public JsonNode propose(@PathVariable String id, @RequestParam(defaultValue = "joint") String objective) {
        Outcome.Proposal proposal = negotiations.propose(id, Objective.parse(objective));
        return NegotiationService.summary(proposal);
    }

    @GetMapping("/{id}/explanations/{party}")
    @Operation(summary = "What the latest proposal means for a party: only a principal acting for that party may read it")
    public NegotiationService.PartyExplanation explanation(@PathVariable String id, @PathVariable String party, Authentication authentication) {
        return negotiations.explanation(id, code(party), Principals.party(authentication));
    }

    /** A party's answer to the pending proposal. */
    public record AnswerRequest(String answer, String reason) {
    }

    @PostMapping("/{id}/answers/{party}")
    @Operation(summary = "A party accepts or rejects the pending proposal (a rejection needs a reason)")
    public NegotiationView answer(@PathVariable String id, @PathVariable String party, @RequestBody AnswerRequest request,
                                  Authentication authentication) {
        negotiations.requireSelf(id, code(party), Principals.party(authentication), "answer for");
        if (request == null || request.answer() == null) throw new IllegalArgumentException("say \"answer\": \"ACCEPT\" or \"REJECT\"");
        Round.Answer answer;
        try {
            answer = Round.Answer.valueOf(request.answer().trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown answer '" + request.answer() + "': use ACCEPT or REJECT");
        }
        return NegotiationView.of(negotiations.answer(id, code(party), Principals.party(authentication), answer, request.reason()));
    }

    /**
     * What a conclusion wrote into the registry; for an ILLUSTRATIVE negotiation nothing ({@code instrumentId} null,
     * no commitments) and {@code illustrative} true.
     */
    public record ConclusionView(String instrumentId, String title, int commitments, List<String> parties, boolean illustrative) {
    }

    @PostMapping("/{id}/conclusion")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Secretariat: conclude the proposal every party accepted into an instrument with commitments")
    public ConclusionView conclude(@PathVariable String id) {
        var concluded = negotiations.conclude(id);
        if (concluded.isEmpty()) {
            var record = negotiations.get(id);
            return new ConclusionView(null, record.negotiation().title(), 0, record.negotiation().parties(), true);
        }
        Conclusion conclusion = concluded.get();
        return new ConclusionView(conclusion.instrument().id(), conclusion.instrument().title(), conclusion.commitments().size(),
                conclusion.participations().stream().map(p -> p.partyId()).toList(), false);
    }

    @GetMapping("/{id}/frontier")
    @Operation(summary = "The two-party Pareto frontier as the signed-in party sees it: its own utility against the other's share")
    public NegotiationService.FrontierView frontier(@PathVariable String id, Authentication authentication) {
        return negotiations.frontier(id, Principals.party(authentication));
    }

    private static String code(String party) {
        return party.trim();
    }
}
