package org.orderly.server.negotiation;

import org.orderly.negotiation.Issue;
import org.orderly.negotiation.Valuation;
import org.orderly.negotiation.round.Round;
import org.orderly.server.security.Roles;
import org.orderly.store.negotiation.NegotiationStore;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The negotiation room, rendered on the server: the public room for everyone, and at
 * {@code /negotiations/{id}/room} the signed-in party's own valuation, explanation and frontier.
 */
@Controller
class NegotiationPages {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final NegotiationService negotiations;

    NegotiationPages(NegotiationService negotiations) {
        this.negotiations = negotiations;
    }

    @GetMapping("/negotiations")
    String list(Model model) {
        model.addAttribute("negotiations", negotiations.list());
        return "negotiations";
    }

    @GetMapping("/negotiations/{id}")
    String room(@PathVariable String id, Model model) {
        if (!fill(id, model)) return "not-found";
        return "negotiation";
    }

    @GetMapping("/negotiations/{id}/room")
    String partyRoom(@PathVariable String id, Authentication authentication, CsrfToken csrf, Model model) {
        if (!fill(id, model)) return "not-found";
        String party = Principals.party(authentication);
        NegotiationStore.Record record = negotiations.get(id);
        model.addAttribute("party", party);
        if (party == null || !record.negotiation().parties().contains(party)) {
            model.addAttribute("partyNote", "You are signed in as " + authentication.getName() + ", who does not act for a party to this negotiation.");
            return "negotiation";
        }
        if (!Roles.has(authentication, Roles.NEGOTIATOR)) {
            // A party's valuation, explanation and frontier are for its negotiators only, not every account of the party.
            model.addAttribute("party", null);
            model.addAttribute("partyNote", "You are signed in as " + authentication.getName() + " for " + party
                    + ", but only " + party + "'s negotiators see its valuation, explanation and frontier.");
            return "negotiation";
        }
        negotiations.store().ownValuation(id, party).ifPresent(v -> model.addAttribute("valuation", valuationRows(record, v)));
        negotiations.store().ownValuation(id, party).ifPresent(v -> model.addAttribute("reservation", v.reservation()));
        if (record.latest().isPresent() && record.partiesWithValuations().size() == record.negotiation().parties().size()) {
            model.addAttribute("explanation", negotiations.explanation(id, party, party));
            if (record.negotiation().parties().size() == 2) {
                model.addAttribute("frontier", MAPPER.writeValueAsString(negotiations.frontier(id, party)));
            }
        }
        model.addAttribute("canAnswer", record.status() == Round.Status.PROPOSED && csrf != null);
        // Read the token now: rendering must not be the first to need the session that holds it.
        if (csrf != null) model.addAttribute("csrf", new String[]{csrf.getParameterName(), csrf.getToken()});
        return "negotiation";
    }

    @PostMapping("/negotiations/{id}/room/answer")
    String answer(@PathVariable String id, @RequestParam String answer, @RequestParam(required = false) String reason,
                  Authentication authentication, Model model) {
        String party = Principals.party(authentication);
        try {
            negotiations.answer(id, party, party, Round.Answer.valueOf(answer), reason);
            model.addAttribute("message", party + " answered " + answer + ".");
        } catch (RuntimeException e) {
            model.addAttribute("error", e.getMessage());
        }
        return "negotiation :: answered";
    }

    private boolean fill(String id, Model model) {
        NegotiationStore.Record record;
        try {
            record = negotiations.get(id);
        } catch (NoSuchElementException e) {
            model.addAttribute("what", "negotiation " + id);
            return false;
        }
        model.addAttribute("record", record);
        model.addAttribute("negotiation", record.negotiation());
        record.latest().ifPresent(p -> {
            model.addAttribute("proposal", p);
            JsonNode summary = MAPPER.readTree(p.summary());
            Map<String, JsonNode> checks = new LinkedHashMap<>();
            for (JsonNode check : summary.path("norms")) checks.put(check.path("norm").asString(), check);
            model.addAttribute("summary", summary);
            model.addAttribute("checks", checks);
        });
        return true;
    }

    /** One row of a party's own valuation table. */
    record ValuationRow(String issue, String option, long value) {
    }

    private static List<ValuationRow> valuationRows(NegotiationStore.Record record, Valuation valuation) {
        return record.negotiation().issues().stream().flatMap((Issue issue) -> issue.options().stream()
                .map(o -> new ValuationRow(issue.title(), o.label(), valuation.value(issue.id(), o.id())))).toList();
    }
}
