package org.orderly.server.negotiation;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import org.orderly.negotiation.Deal;
import org.orderly.negotiation.Issue;
import org.orderly.negotiation.Negotiation;
import org.orderly.negotiation.Option;
import org.orderly.negotiation.Valuation;
import org.orderly.negotiation.explanation.Explanation;
import org.orderly.negotiation.format.NegotiationJson;
import org.orderly.negotiation.procedure.Answer;
import org.orderly.negotiation.procedure.Decision;
import org.orderly.negotiation.procedure.Procedure;
import org.orderly.negotiation.procedure.ProcedureJson;
import org.orderly.negotiation.procedure.Proceedings;
import org.orderly.negotiation.procedure.RequestOfferRound;
import org.orderly.negotiation.procedure.Step;
import org.orderly.negotiation.solver.Objective;
import org.orderly.regime.Commitment;
import org.orderly.server.api.DomainErrors;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The negotiation room, rendered on the server from the one state machine: the public room for everyone (procedure,
 * issues, norms, every proposal with each party's answer and reason and what changed, the public steps with time and
 * actor), and at {@code /negotiations/{id}/room} the signed-in party's own valuation, explanation and frontier, its
 * answer first, and the forms its procedure allows it now.
 */
@Controller
class NegotiationPages {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final NegotiationService negotiations;

    NegotiationPages(NegotiationService negotiations) {
        this.negotiations = negotiations;
    }

    /** One row of the list of negotiations. */
    record Row(
            String id,
            String title,
            boolean illustrative,
            List<String> parties,
            String procedure,
            String issues,
            String status,
            int proposals,
            String instrumentId) {}

    @GetMapping("/negotiations")
    String list(Model model, Authentication authentication) {
        Instant now = negotiations.now();
        model.addAttribute(
                "negotiations",
                negotiations.list().stream()
                        .map(r -> {
                            Proceedings p = r.proceedings();
                            return new Row(
                                    r.id(),
                                    p.title(),
                                    p.illustrative(),
                                    p.parties(),
                                    p.procedure().name(),
                                    p.hasIssues()
                                            ? Integer.toString(
                                                    p.negotiation().issues().size())
                                            : "offers open",
                                    p.status(now).name(),
                                    p.proposals().size(),
                                    r.instrumentId().orElse(null));
                        })
                        .toList());
        model.addAttribute("secretariat", authentication != null && Roles.has(authentication, Roles.SECRETARIAT));
        model.addAttribute("rules", List.of("UNANIMITY", "CONSENSUS", "SIMPLE_MAJORITY"));
        return "negotiations";
    }

    /** The secretariat opens a request-offer round from the list page: id, title, parties, decision rule. */
    @PostMapping("/negotiations/open")
    String openRound(
            @RequestParam String id,
            @RequestParam(required = false) String title,
            @RequestParam String parties,
            @RequestParam(defaultValue = "UNANIMITY") String rule,
            @RequestParam(defaultValue = "14") String objectionDays,
            Authentication authentication,
            RedirectAttributes redirect) {
        try {
            ObjectNode definition = MAPPER.createObjectNode();
            definition.put("id", id.strip()).put("title", title == null ? id.strip() : title.strip());
            var list = definition.putArray("parties");
            Arrays.stream(parties.split("[,\\s]+"))
                    .filter(s -> !s.isBlank())
                    .map(s -> s.strip().toUpperCase(Locale.ROOT))
                    .forEach(list::add);
            ObjectNode procedure = definition.putObject("procedure");
            procedure.put("format", "REQUEST_OFFER");
            ObjectNode decision = procedure.putObject("rule").put("type", rule);
            if (rule.equals("CONSENSUS"))
                decision.put(
                        "objectionPeriod",
                        "P"
                                + ProcedureJson.number(objectionDays, "objection period (days)")
                                        .intValueExact() + "D");
            negotiations.open(MAPPER.writeValueAsString(definition), Principals.actor(authentication));
            redirect.addFlashAttribute(
                    "message",
                    "The request-offer round " + id.strip()
                            + " is open: parties file requests, offers and schedules of exceptions.");
            return "redirect:/negotiations/" + id.strip() + "/room";
        } catch (RuntimeException e) {
            redirect.addFlashAttribute("error", DomainErrors.message(e));
            return "redirect:/negotiations";
        }
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
        Proceedings p = record.proceedings();
        Instant now = negotiations.now();
        Proceedings.Actor actor = Principals.actor(authentication);
        // Read the token now: rendering must not be the first to need the session that holds it.
        if (csrf != null) model.addAttribute("csrf", new String[] {csrf.getParameterName(), csrf.getToken()});
        model.addAttribute("party", party);
        boolean secretariat = Roles.has(authentication, Roles.SECRETARIAT);
        if (secretariat) {
            model.addAttribute("secretariatNext", p.nextStep(now));
            model.addAttribute("canClose", p.status(now) == Proceedings.Status.REQUESTS_AND_OFFERS);
            model.addAttribute("canConclude", p.mayConclude(now));
            model.addAttribute(
                    "objectives",
                    Arrays.stream(Objective.values())
                            .map(o -> new Choice(o.name().toLowerCase(Locale.ROOT), objective(o)))
                            .toList());
        }
        model.addAttribute("canPropose", p.mayPropose(actor, now));
        if (!secretariat)
            model.addAttribute(
                    "objectives",
                    Arrays.stream(Objective.values())
                            .map(o -> new Choice(o.name().toLowerCase(Locale.ROOT), objective(o)))
                            .toList());
        model.addAttribute(
                "canSpeak",
                !p.roles(party, secretariat, java.time.LocalDate.ofInstant(now, ZoneOffset.UTC))
                                .isEmpty()
                        && p.status(now) != Proceedings.Status.CONCLUDED);
        if (party == null || !p.parties().contains(party)) {
            model.addAttribute(
                    "partyNote",
                    "You are signed in as " + authentication.getName()
                            + (party != null && p.procedure().observers().contains(party)
                                    ? ", for " + party
                                            + ", an observer: you may make statements and file papers, not decide."
                                    : ", who does not act for a party to this negotiation."));
            model.addAttribute("party", null);
            return "negotiation";
        }
        if (!Roles.has(authentication, Roles.NEGOTIATOR)) {
            // A party's valuation, explanation and frontier are for its negotiators only, not every account of the
            // party.
            model.addAttribute("party", null);
            model.addAttribute(
                    "partyNote",
                    "You are signed in as " + authentication.getName() + " for " + party + ", but only " + party
                            + "'s negotiators see its valuation, explanation and frontier.");
            return "negotiation";
        }
        if (p.status(now) == Proceedings.Status.REQUESTS_AND_OFFERS) {
            model.addAttribute("canFile", true);
            model.addAttribute(
                    "others", p.parties().stream().filter(q -> !q.equals(party)).toList());
            model.addAttribute("kinds", negotiableKinds());
            model.addAttribute(
                    "requestsToMe",
                    p.requests().stream().filter(r -> r.to().equals(party)).toList());
            model.addAttribute(
                    "myExceptedKinds",
                    p.exceptions().getOrDefault(party, List.of()).stream()
                            .map(e -> e.kind().name())
                            .toList());
        }
        if (p.hasIssues()) {
            Valuation own =
                    negotiations.store().ownValuation(id, party).orElse(new Valuation(party, Map.of(), List.of(), 0));
            model.addAttribute("valuation", valuationRows(p.negotiation(), own));
            model.addAttribute("reservation", own.reservation());
            model.addAttribute("entered", p.partiesWithValuations().contains(party));
            model.addAttribute("canEnterValuation", p.status(now) == Proceedings.Status.OPEN);
        }
        if (p.latest().isPresent()
                && p.partiesWithValuations().size() == p.parties().size()) {
            NegotiationService.PartyExplanation explanation = negotiations.explanation(id, party, party);
            model.addAttribute("explanation", explanation);
            model.addAttribute("yours", Yours.of(explanation.explanation(), p.negotiation()));
            model.addAttribute(
                    "candidates",
                    explanation.explanation().gainUnderCandidates().entrySet().stream()
                            .map(e -> new Choice(
                                    objective(e.getKey()),
                                    e.getValue() == null
                                            ? "no deal"
                                            : e.getValue().toString()))
                            .toList());
            if (explanation.mfn() != null) model.addAttribute("mfn", mfnLines(explanation.mfn(), p.round()));
            if (p.parties().size() == 2)
                model.addAttribute("frontier", MAPPER.writeValueAsString(negotiations.frontier(id, party)));
        }
        model.addAttribute("canAnswer", p.mayAnswer(party, now) && csrf != null);
        model.addAttribute(
                "consensus", p.procedure().rule() instanceof org.orderly.negotiation.procedure.DecisionRule.Consensus);
        return "negotiation";
    }

    /** A value and its words, for selects and badges. */
    record Choice(String value, String text) {}

    /** What the proposal costs and brings the party, by its own values: only what costs it is listed as given. */
    record Yours(List<Explanation.Line> costs, List<Explanation.Line> gains, List<Explanation.Line> neutral) {
        static Yours of(Explanation e, Negotiation negotiation) {
            List<Explanation.Line> all = new ArrayList<>(e.gives());
            all.addAll(e.gets());
            all.addAll(e.settles());
            return new Yours(
                    all.stream().filter(l -> l.value() < 0).toList(),
                    all.stream().filter(l -> l.value() > 0).toList(),
                    all.stream()
                            .filter(l -> l.value() == 0
                                    && !negotiation
                                            .issue(l.issueId())
                                            .flatMap(i -> i.option(l.optionId()))
                                            .map(Option::isNone)
                                            .orElse(false))
                            .toList());
        }
    }

    private static List<String> mfnLines(RequestOfferRound.MfnEffect effect, RequestOfferRound round) {
        List<String> lines = new ArrayList<>();
        lines.add("The MFN extension "
                + (effect.total() >= 0 ? "gains you " + effect.total() : "costs you " + (-effect.total()))
                + " points against binding each concession for its requesters only.");
        effect.perOffer()
                .forEach((offer, points) -> lines.add(round.offer(offer).grantor() + " — "
                        + round.offer(offer).title() + ": " + (points >= 0 ? "+" : "") + points
                        + (effect.receivedThroughMfn().contains(offer) ? " (you receive it only through MFN)" : "")));
        return lines;
    }

    /** An objective in words a negotiator uses. */
    static String objective(Objective objective) {
        return objective.words();
    }

    private static List<Commitment.Kind> negotiableKinds() {
        return Arrays.stream(Commitment.Kind.values())
                .filter(Commitment.Kind::negotiable)
                .toList();
    }

    @PostMapping("/negotiations/{id}/room/answer")
    String answer(
            @PathVariable String id,
            @RequestParam String answer,
            @RequestParam(required = false) String reason,
            Authentication authentication,
            Model model) {
        String party = Principals.party(authentication);
        try {
            Answer given = NegotiationApi.answer(answer);
            NegotiationStore.Record record =
                    negotiations.answer(id, party, Principals.actor(authentication), given, reason);
            model.addAttribute(
                    "answerMessage",
                    party + " answered " + given + ". Next: "
                            + lowerFirst(record.proceedings().nextStep(negotiations.now())));
        } catch (RuntimeException e) {
            model.addAttribute("answerError", DomainErrors.message(e));
        }
        return "negotiation :: answered";
    }

    private static String lowerFirst(String text) {
        String t = text.startsWith("Next: ") ? text.substring(6) : text;
        return t.isEmpty() ? t : Character.toLowerCase(t.charAt(0)) + t.substring(1);
    }

    @PostMapping("/negotiations/demo")
    String openDemonstration(RedirectAttributes redirect) {
        NegotiationStore.Record demo = negotiations.openDemonstration();
        redirect.addFlashAttribute(
                "message", "The ILLUSTRATIVE demonstration is open; its parties' invented valuations are entered.");
        return "redirect:/negotiations/" + demo.id() + "/room";
    }

    @PostMapping("/negotiations/{id}/room/propose")
    String propose(
            @PathVariable String id,
            @RequestParam(defaultValue = "joint") String objective,
            Authentication authentication,
            RedirectAttributes redirect) {
        return act(
                id,
                redirect,
                "The engine proposed a deal; the parties can now answer.",
                () -> negotiations.propose(id, Objective.parse(objective), Principals.actor(authentication)));
    }

    @PostMapping("/negotiations/{id}/room/conclude")
    String conclude(
            @PathVariable String id,
            @RequestParam(required = false) String override,
            Authentication authentication,
            RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute(
                    "message",
                    negotiations
                            .conclude(id, Principals.actor(authentication), override)
                            .map(c -> "Concluded into the instrument "
                                    + c.instrument().id() + ".")
                            .orElse("Concluded as an illustration: no instrument and no commitment were created."));
        } catch (RuntimeException e) {
            redirect.addFlashAttribute("error", DomainErrors.message(e));
        }
        return "redirect:/negotiations/" + id + "/room";
    }

    @PostMapping("/negotiations/{id}/room/close")
    String close(@PathVariable String id, Authentication authentication, RedirectAttributes redirect) {
        return act(
                id,
                redirect,
                "Requests and offers are closed: each offer is now an issue; every party enters its valuation of the bindings.",
                () -> negotiations.act(id, Principals.actor(authentication), new Step.OffersClosed()));
    }

    @PostMapping("/negotiations/{id}/room/statement")
    String statement(
            @PathVariable String id,
            @RequestParam(required = false) String title,
            @RequestParam String text,
            Authentication authentication,
            RedirectAttributes redirect) {
        Step.Act act = title == null || title.isBlank() ? new Step.Statement(text) : new Step.PaperFiled(title, text);
        return act(id, redirect, "Recorded.", () -> negotiations.act(id, Principals.actor(authentication), act));
    }

    @PostMapping("/negotiations/{id}/room/request")
    String fileRequest(
            @PathVariable String id,
            @RequestParam Map<String, String> form,
            Authentication authentication,
            RedirectAttributes redirect) {
        return act(id, redirect, "Your request is filed.", () -> {
            Proceedings.Actor actor = Principals.actor(authentication);
            String value = form.getOrDefault("value", "");
            negotiations.act(
                    id,
                    actor,
                    new Step.RequestFiled(new Step.Request(
                            field(form, "id"),
                            actor.party(),
                            field(form, "to"),
                            form.get("title"),
                            NegotiationApi.kind(form.get("commitment")),
                            value.isBlank() ? null : ProcedureJson.number(value, "value"))));
        });
    }

    @PostMapping("/negotiations/{id}/room/offer")
    String fileOffer(
            @PathVariable String id,
            @RequestParam Map<String, String> form,
            @RequestParam(required = false) List<String> answering,
            Authentication authentication,
            RedirectAttributes redirect) {
        return act(id, redirect, "Your offer is filed.", () -> {
            Proceedings.Actor actor = Principals.actor(authentication);
            Map<String, String> attributes = new LinkedHashMap<>();
            for (String pair : form.getOrDefault("attributes", "").split(";")) {
                if (pair.isBlank()) continue;
                int eq = pair.indexOf('=');
                if (eq <= 0)
                    throw new IllegalArgumentException("attributes: '" + pair.strip() + "' must be name=value");
                attributes.put(
                        pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
            }
            negotiations.act(
                    id,
                    actor,
                    new Step.OfferFiled(new Step.Offer(
                            field(form, "id"),
                            actor.party(),
                            form.get("title"),
                            NegotiationApi.kind(form.get("commitment")),
                            attributes,
                            ProcedureJson.number(form.get("value"), "value"),
                            answering)));
        });
    }

    @PostMapping("/negotiations/{id}/room/exceptions")
    String scheduleExceptions(
            @PathVariable String id,
            @RequestParam(required = false) List<String> kinds,
            @RequestParam(required = false) String reason,
            Authentication authentication,
            RedirectAttributes redirect) {
        return act(
                id,
                redirect,
                "Your schedule of exceptions is filed.",
                () -> negotiations.act(
                        id,
                        Principals.actor(authentication),
                        new Step.ExceptionsScheduled(
                                kinds == null
                                        ? List.of()
                                        : kinds.stream()
                                                .map(k -> new Step.Exemption(NegotiationApi.kind(k), reason))
                                                .toList())));
    }

    private static String field(Map<String, String> form, String name) {
        String value = form.get(name);
        if (value == null || value.isBlank()) throw new IllegalArgumentException(name + ": is missing");
        return value.strip();
    }

    private String act(String id, RedirectAttributes redirect, String done, Runnable step) {
        try {
            step.run();
            redirect.addFlashAttribute("message", done);
        } catch (RuntimeException e) {
            redirect.addFlashAttribute("error", DomainErrors.message(e));
        }
        return "redirect:/negotiations/" + id + "/room";
    }

    /** A negotiator enters (or revises) its own valuation: one number of points per option, and the reservation. */
    @PostMapping("/negotiations/{id}/room/valuation")
    String enterValuation(
            @PathVariable String id,
            @RequestParam Map<String, String> form,
            Authentication authentication,
            RedirectAttributes redirect) {
        String party = Principals.party(authentication);
        try {
            Negotiation negotiation = negotiations.get(id).proceedings().negotiation();
            var valuation = MAPPER.createObjectNode();
            valuation.put("party", party);
            valuation.put("reservation", points(form, "reservation", "the reservation"));
            var values = valuation.putObject("values");
            for (Issue issue : negotiation.issues()) {
                var options = values.putObject(issue.id());
                for (var option : issue.options())
                    options.put(
                            option.id(),
                            points(form, "v." + issue.id() + "." + option.id(), issue.title() + ": " + option.label()));
            }
            // Bundles are kept as entered before: the form edits the values and the reservation only.
            negotiations
                    .store()
                    .ownValuation(id, party)
                    .ifPresent(old -> valuation.set(
                            "interactions", NegotiationJson.valuation(old).get("interactions")));
            negotiations.enterValuation(
                    id, party, Principals.actor(authentication), MAPPER.writeValueAsString(valuation));
            redirect.addFlashAttribute("message", "Your valuation is entered. Only you and the engine see it.");
        } catch (RuntimeException e) {
            redirect.addFlashAttribute("error", DomainErrors.message(e));
        }
        return "redirect:/negotiations/" + id + "/room";
    }

    private static long points(Map<String, String> form, String field, String what) {
        String text = form.get(field);
        try {
            return Long.parseLong(text == null ? "" : text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    what + ": '" + (text == null ? "" : text) + "' is not a whole number of points");
        }
    }

    /** One party's answer to a proposal, in words. */
    record AnswerRow(String party, String answer, String reason, String when) {}

    /** A proposal as the public page shows it. */
    record ProposalRow(
            int number,
            String objective,
            String proposedAt,
            String deadline,
            String decision,
            String decisionReason,
            List<AnswerRow> answers,
            List<String> changes,
            boolean latest,
            Map<String, String> checks) {}

    private boolean fill(String id, Model model) {
        NegotiationStore.Record record;
        try {
            record = negotiations.get(id);
        } catch (NoSuchElementException e) {
            model.addAttribute("what", "negotiation " + id);
            return false;
        }
        Proceedings p = record.proceedings();
        Instant now = negotiations.now();
        model.addAttribute("record", record);
        model.addAttribute("p", p);
        model.addAttribute("title", p.title());
        model.addAttribute("status", p.status(now).name());
        model.addAttribute("nextStep", p.nextStep(now));
        model.addAttribute("procedure", p.procedure().describe());
        model.addAttribute("chair", p.procedure().chairOn(java.time.LocalDate.ofInstant(now, ZoneOffset.UTC)));
        model.addAttribute("instrumentId", record.instrumentId().orElse(null));
        model.addAttribute("concluded", p.status(now) == Proceedings.Status.CONCLUDED);
        model.addAttribute(
                "steps",
                p.publicSteps().stream()
                        .map(s -> new String[] {
                            WHEN.format(s.at()), s.who(), s.act().describe()
                        })
                        .toList());
        model.addAttribute("extensions", p.extensions());
        try {
            model.addAttribute("coherence", negotiations.coherence(p));
        } catch (IllegalArgumentException e) {
            model.addAttribute("coherenceError", "The proposed package cannot be checked: " + DomainErrors.message(e));
        }
        if (p.procedure().format() == Procedure.Format.REQUEST_OFFER) {
            RequestOfferRound round = p.round();
            // Requests are shown only where the procedure makes them public (they are often kept between the two
            // parties).
            model.addAttribute("requests", p.isPublic(Step.Kind.REQUEST_FILED) ? p.requests() : List.of());
            model.addAttribute("requestsPublic", p.isPublic(Step.Kind.REQUEST_FILED));
            model.addAttribute(
                    "offers",
                    p.offers().stream()
                            .map(o -> new String[] {
                                o.grantor(),
                                o.title(),
                                o.kind().name().toLowerCase(Locale.ROOT).replace('_', ' '),
                                o.value().toPlainString(),
                                round.requesters(o).isEmpty() ? "—" : String.join(", ", round.requesters(o)),
                                round.excepted(o) ? "bilateral only (schedule of exceptions)" : "MFN: every party"
                            })
                            .toList());
            model.addAttribute(
                    "exceptions",
                    p.exceptions().entrySet().stream()
                            .map(e -> e.getKey() + ": "
                                    + (e.getValue().isEmpty()
                                            ? "no exception"
                                            : String.join(
                                                    "; ",
                                                    e.getValue().stream()
                                                            .map(x -> x.kind()
                                                                            .name()
                                                                            .toLowerCase(Locale.ROOT)
                                                                            .replace('_', ' ')
                                                                    + " (" + x.reason() + ")")
                                                            .toList())))
                            .toList());
        }
        if (p.hasIssues()) {
            Negotiation negotiation = p.negotiation();
            model.addAttribute("negotiation", negotiation);
            List<ProposalRow> rows = new ArrayList<>();
            Deal previous = null;
            for (Proceedings.Proposal q : p.proposals()) {
                JsonNode summary = MAPPER.readTree(q.summary());
                Map<String, String> checks = new LinkedHashMap<>();
                for (JsonNode check : summary.path("norms")) {
                    checks.put(
                            check.path("norm").asString(),
                            (check.path("met").asBoolean() ? "met: " : "NOT met: ")
                                    + check.path("reason").asString());
                }
                Decision decision = p.decision(q, now);
                List<AnswerRow> answers = new ArrayList<>();
                for (String party : p.isPublic(Step.Kind.ANSWERED) ? p.parties() : List.<String>of()) {
                    Proceedings.Given given = q.answers().get(party);
                    answers.add(
                            given == null
                                    ? new AnswerRow(party, waiting(p, q, now), "", "")
                                    : new AnswerRow(
                                            party,
                                            words(given.answer(), p),
                                            given.reason() == null ? "" : given.reason(),
                                            WHEN.format(given.at())));
                }
                rows.add(new ProposalRow(
                        q.number(),
                        objective(Objective.parse(q.objective())),
                        WHEN.format(q.proposedAt()),
                        q.deadline() == null ? null : WHEN.format(q.deadline()),
                        decision.outcome().name().toLowerCase(Locale.ROOT),
                        p.publicReason(decision),
                        answers,
                        changes(negotiation, previous, q.deal()),
                        q == p.latest().orElse(null),
                        checks));
                previous = q.deal();
            }
            java.util.Collections.reverse(rows);
            model.addAttribute("proposals", rows);
            p.latest().ifPresent(q -> {
                model.addAttribute("proposal", q);
                model.addAttribute("latestRow", rows.get(0));
                JsonNode summary = MAPPER.readTree(q.summary());
                if (summary.has("proven")) {
                    model.addAttribute(
                            "summaryProven",
                            summary.path("proven").asBoolean()
                                    ? "Proven optimal."
                                    : "Not proven optimal (gap "
                                            + summary.path("gap").asString() + ").");
                    model.addAttribute("latestSummary", summary.path("method").asString());
                }
            });
        }
        return true;
    }

    private static String waiting(Proceedings p, Proceedings.Proposal q, Instant now) {
        if (p.decision(q, now).outcome() != Decision.Outcome.PENDING) return "no answer";
        return p.procedure().rule() instanceof org.orderly.negotiation.procedure.DecisionRule.Consensus
                ? "no objection so far"
                : "not answered yet";
    }

    private static String words(Answer answer, Proceedings p) {
        boolean consensus = p.procedure().rule() instanceof org.orderly.negotiation.procedure.DecisionRule.Consensus;
        return switch (answer) {
            case ACCEPT -> "accepted";
            case REJECT -> consensus ? "objected" : "rejected";
            case ABSTAIN -> "abstained";
        };
    }

    /** What changed from the previous proposal, issue by issue, in titles and labels. */
    private static List<String> changes(Negotiation negotiation, Deal previous, Deal deal) {
        if (previous == null) return List.of();
        List<String> changes = new ArrayList<>();
        for (Issue issue : negotiation.issues()) {
            String before = previous.choices().get(issue.id());
            String after = deal.choices().get(issue.id());
            if (before != null && !before.equals(after)) {
                changes.add(issue.title() + ": "
                        + issue.option(before).map(Option::label).orElse(before) + " → "
                        + issue.option(after).map(Option::label).orElse(after));
            }
        }
        return changes;
    }

    /** One row of a party's own valuation table, with the form field that edits it. */
    record ValuationRow(String issue, String option, long value, String field) {}

    private static List<ValuationRow> valuationRows(Negotiation negotiation, Valuation valuation) {
        return negotiation.issues().stream()
                .flatMap((Issue issue) -> issue.options().stream()
                        .map(o -> new ValuationRow(
                                issue.title(),
                                o.label(),
                                valuation.value(issue.id(), o.id()),
                                "v." + issue.id() + "." + o.id())))
                .toList();
    }
}
