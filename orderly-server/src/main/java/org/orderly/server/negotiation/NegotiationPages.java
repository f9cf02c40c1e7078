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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.orderly.negotiation.solver.Objective;
import org.orderly.server.security.Roles;
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
    String list(Model model, Authentication authentication) {
        model.addAttribute("negotiations", negotiations.list());
        model.addAttribute("secretariat", authentication != null && Roles.has(authentication, Roles.SECRETARIAT));
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
        if (Roles.has(authentication, Roles.SECRETARIAT)) secretariat(record, model);
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
        Valuation own = negotiations.store().ownValuation(id, party).orElse(new Valuation(party, Map.of(), List.of(), 0));
        model.addAttribute("valuation", valuationRows(record, own));
        model.addAttribute("reservation", own.reservation());
        model.addAttribute("entered", record.partiesWithValuations().contains(party));
        model.addAttribute("canEnterValuation", record.status() == Round.Status.OPEN);
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
            model.addAttribute("answerMessage", party + " answered " + answer + (answer.equals("ACCEPT")
                    ? ". Next: when every party has accepted, the secretariat concludes." : ". Next: the secretariat asks the engine for another proposal."));
        } catch (RuntimeException e) {
            model.addAttribute("answerError", e.getMessage());
        }
        return "negotiation :: answered";
    }

    /** What the secretariat may do next, in words, and the forms to do it. */
    private static void secretariat(NegotiationStore.Record record, Model model) {
        int entered = record.partiesWithValuations().size();
        int parties = record.negotiation().parties().size();
        String next = switch (record.status()) {
            case OPEN -> entered < parties ? "Next: every party enters its valuation (" + entered + " of " + parties + " have); then ask the engine for a proposal."
                    : "Next: ask the engine for a proposal.";
            case PROPOSED -> "Next: every party answers the proposal; when all accept, conclude.";
            case CONCLUDED -> "Concluded: nothing left to do.";
            default -> "The negotiation is " + record.status() + ".";
        };
        model.addAttribute("secretariatNext", next);
        model.addAttribute("canPropose", record.status() == Round.Status.OPEN && entered == parties);
        model.addAttribute("canConclude", record.status() == Round.Status.PROPOSED && record.latest().map(p ->
                record.negotiation().parties().stream().allMatch(q -> p.answers().containsKey(q) && p.answers().get(q).answer() == Round.Answer.ACCEPT))
                .orElse(false));
        model.addAttribute("objectives", Objective.values());
    }

    @PostMapping("/negotiations/demo")
    String openDemonstration(RedirectAttributes redirect) {
        NegotiationStore.Record demo = negotiations.openDemonstration();
        redirect.addFlashAttribute("message", "The ILLUSTRATIVE demonstration is open; its parties' invented valuations are entered.");
        return "redirect:/negotiations/" + demo.id() + "/room";
    }

    @PostMapping("/negotiations/{id}/room/propose")
    String propose(@PathVariable String id, @RequestParam(defaultValue = "joint") String objective, RedirectAttributes redirect) {
        try {
            negotiations.propose(id, Objective.parse(objective));
            redirect.addFlashAttribute("message", "The engine proposed a deal; the parties can now answer.");
        } catch (RuntimeException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/negotiations/" + id + "/room";
    }

    @PostMapping("/negotiations/{id}/room/conclude")
    String conclude(@PathVariable String id, RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute("message", negotiations.conclude(id).map(c -> "Concluded into the instrument " + c.instrument().id() + ".")
                    .orElse("Concluded as an illustration: no instrument and no commitment were created."));
        } catch (RuntimeException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/negotiations/" + id + "/room";
    }

    /** A negotiator enters (or revises) its own valuation: one number of points per option, and the reservation. */
    @PostMapping("/negotiations/{id}/room/valuation")
    String enterValuation(@PathVariable String id, @RequestParam Map<String, String> form, Authentication authentication, RedirectAttributes redirect) {
        String party = Principals.party(authentication);
        try {
            NegotiationStore.Record record = negotiations.get(id);
            var valuation = MAPPER.createObjectNode();
            valuation.put("party", party);
            valuation.put("reservation", points(form, "reservation", "the reservation"));
            var values = valuation.putObject("values");
            for (Issue issue : record.negotiation().issues()) {
                var options = values.putObject(issue.id());
                for (var option : issue.options()) options.put(option.id(), points(form, "v." + issue.id() + "." + option.id(),
                        issue.title() + ": " + option.label()));
            }
            // Bundles are kept as entered before: the form edits the values and the reservation only.
            negotiations.store().ownValuation(id, party).ifPresent(old -> valuation.set("interactions",
                    org.orderly.negotiation.format.NegotiationJson.valuation(old).get("interactions")));
            negotiations.enterValuation(id, party, party, MAPPER.writeValueAsString(valuation));
            redirect.addFlashAttribute("message", "Your valuation is entered. Only you and the engine see it.");
        } catch (RuntimeException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/negotiations/" + id + "/room";
    }

    private static long points(Map<String, String> form, String field, String what) {
        String text = form.get(field);
        try {
            return Long.parseLong(text == null ? "" : text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + ": '" + (text == null ? "" : text) + "' is not a whole number of points");
        }
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

    /** One row of a party's own valuation table, with the form field that edits it. */
    record ValuationRow(String issue, String option, long value, String field) {
    }

    private static List<ValuationRow> valuationRows(NegotiationStore.Record record, Valuation valuation) {
        return record.negotiation().issues().stream().flatMap((Issue issue) -> issue.options().stream()
                .map(o -> new ValuationRow(issue.title(), o.label(), valuation.value(issue.id(), o.id()), "v." + issue.id() + "." + o.id()))).toList();
    }
}
