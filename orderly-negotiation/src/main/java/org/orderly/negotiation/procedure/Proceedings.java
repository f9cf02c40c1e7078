package org.orderly.negotiation.procedure;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.orderly.negotiation.Deal;
import org.orderly.negotiation.Negotiation;
import org.orderly.negotiation.conclusion.Conclusion;
import org.orderly.negotiation.solver.DealSolver;
import org.orderly.regime.Registry;
import org.orderly.regime.Source;
import org.orderly.regime.coherence.CoherenceChecker;
import org.orderly.regime.coherence.Conflict;
import org.orderly.regime.coherence.Draft;

/**
 * The one negotiation state machine: a negotiation's opening (parties, procedure, and for a single text its issues)
 * and the steps recorded since, replayed. Every step is checked here against the procedure and the state at its
 * instant (who may do it, in which phase, before which deadline), and every question about where the negotiation
 * stands — its status, the decision on the latest proposal, who may do what next — is answered here. The store keeps
 * steps, the service records them, the pages ask; none of them decides.
 */
public final class Proceedings {
    /** Where a negotiation stands at an instant. */
    public enum Status {
        REQUESTS_AND_OFFERS,
        OPEN,
        PROPOSED,
        CONCLUDED
    }

    /** Who acts: an account, the party it acts for (null for none), and whether it acts as the secretariat. */
    public record Actor(String name, String party, boolean secretariat) {
        public Actor {
            Objects.requireNonNull(name, "actor name");
        }

        public static Actor secretariat(String name) {
            return new Actor(name, null, true);
        }

        public static Actor forParty(String name, String party) {
            return new Actor(name, party, false);
        }
    }

    /** What a negotiation is opened with; {@code negotiation} is null for request-offer rounds (their issues are the offers). */
    public record Opening(
            String id,
            String title,
            List<String> parties,
            Procedure procedure,
            Negotiation negotiation,
            boolean illustrative) {
        public Opening {
            Objects.requireNonNull(id, "negotiation id");
            Objects.requireNonNull(procedure, "procedure");
            title = title == null || title.isBlank() ? id : title;
            parties = List.copyOf(parties);
            if (parties.size() < 2)
                throw new IllegalArgumentException("negotiation " + id + " needs at least two parties");
            if (new LinkedHashSet<>(parties).size() != parties.size())
                throw new IllegalArgumentException("negotiation " + id + ": a party is listed twice");
            procedure.requireFits(parties);
            if (procedure.format() == Procedure.Format.SINGLE_TEXT) {
                if (negotiation == null)
                    throw new IllegalArgumentException("a single-text negotiation needs its issues");
                if (!negotiation.parties().equals(parties))
                    throw new IllegalArgumentException("the parties differ from the negotiation's");
            } else if (negotiation != null) {
                throw new IllegalArgumentException(
                        "a request-offer round takes its issues from the offers, not from the opening");
            }
        }

        /** A single-text negotiation under the procedure. */
        public static Opening of(Negotiation negotiation, Procedure procedure, boolean illustrative) {
            return new Opening(
                    negotiation.id(), negotiation.title(), negotiation.parties(), procedure, negotiation, illustrative);
        }
    }

    /** A party's answer as recorded: what, why, when and by which account. */
    public record Given(String party, Answer answer, String reason, Instant at, String actor) {}

    /** A proposal with its answers so far and the deadline for them (null for none). */
    public record Proposal(
            int number,
            String objective,
            Deal deal,
            String summary,
            Instant proposedAt,
            String proposedBy,
            Instant deadline,
            Map<String, Given> answers) {
        public Proposal {
            answers = Collections.unmodifiableMap(new LinkedHashMap<>(answers));
        }

        /** Each party's answer alone, for the decision rules. */
        Map<String, Answer> byParty() {
            Map<String, Answer> byParty = new LinkedHashMap<>();
            answers.forEach((party, given) -> byParty.put(party, given.answer()));
            return byParty;
        }
    }

    /** What concluding produced: the step to record, the registry facts (empty for an illustration) and the conflicts found. */
    public record Concluding(Step step, Optional<Conclusion> conclusion, List<Conflict> conflicts) {}

    private final Opening opening;
    private final List<Step> steps = new ArrayList<>();
    private final Set<String> valued = new LinkedHashSet<>();
    private final List<Step.Request> requests = new ArrayList<>();
    private final List<Step.Offer> offers = new ArrayList<>();
    private final Map<String, List<Step.Exemption>> exceptions = new LinkedHashMap<>();
    private final List<Proposal> proposals = new ArrayList<>();
    private Negotiation negotiation;
    private Step concluded;

    private Proceedings(Opening opening) {
        this.opening = opening;
        this.negotiation = opening.negotiation();
    }

    /** The proceedings of an opening with its recorded steps, each checked again as it is replayed. */
    public static Proceedings replay(Opening opening, List<Step> steps) {
        Proceedings proceedings = new Proceedings(opening);
        for (Step step : steps) proceedings.apply(step);
        return proceedings;
    }

    /** The first step of every negotiation: the secretariat opens it. */
    public static Step opened(Opening opening, Actor actor, Instant at) {
        Proceedings fresh = new Proceedings(opening);
        return fresh.record(actor, new Step.Opened(opening.title()), at);
    }

    /**
     * Checks that {@code actor} may do {@code act} at {@code at} under the procedure, applies it and returns the step
     * to keep. Throws {@link IllegalArgumentException} for a bad act, {@link SecurityException} for an actor who may not,
     * {@link IllegalStateException} for the wrong moment; the proceedings are unchanged then.
     */
    public Step record(Actor actor, Step.Act act, Instant at) {
        if (!steps.isEmpty() && at.isBefore(steps.get(steps.size() - 1).at()))
            at = steps.get(steps.size() - 1).at();
        Step step = new Step(steps.size() + 1, at, actor.name(), actor.secretariat() ? null : actor.party(), act);
        check(step, actor.secretariat());
        mutate(step);
        return step;
    }

    private void apply(Step step) {
        if (step.number() != steps.size() + 1)
            throw new IllegalStateException("step " + step.number() + " replayed after step " + steps.size());
        check(step, step.party() == null);
        mutate(step);
    }

    // ---- checks: who may do what, when -------------------------------------------------------------------------

    private void check(Step step, boolean secretariat) {
        Instant at = step.at();
        Set<Procedure.Role> roles = roles(step.party(), secretariat, date(at));
        Status status = status(at);
        // An exhaustive switch expression over the kind: a new kind of step fails to compile here until it is checked.
        boolean checked = switch (step.act().kind()) {
            case OPENED -> {
                if (!steps.isEmpty()) throw new IllegalStateException("negotiation " + id() + " is open already");
                requireRole(roles, Procedure.Role.SECRETARIAT, "open a negotiation");
                yield true;
            }
            case VALUATION_ENTERED -> {
                requireRole(roles, Procedure.Role.MEMBER, "enter a valuation");
                requireStatus(status, Status.OPEN, "valuations can be entered");
                yield true;
            }
            case REQUEST_FILED -> {
                Step.RequestFiled r = (Step.RequestFiled) step.act();
                requireRole(roles, Procedure.Role.MEMBER, "file a request");
                requireStatus(status, Status.REQUESTS_AND_OFFERS, "requests can be filed");
                Step.Request request = r.request();
                if (!request.from().equals(step.party()))
                    throw new SecurityException(step.who() + " cannot file a request for " + request.from());
                if (!parties().contains(request.to()))
                    throw new IllegalArgumentException(
                            "request " + request.id() + " is addressed to " + request.to() + ", who is not a party");
                if (request.to().equals(request.from()))
                    throw new IllegalArgumentException("a party cannot request a concession of itself");
                RequestOfferRound.requireNegotiable(request.kind());
                if (requests.stream().anyMatch(q -> q.id().equals(request.id())))
                    throw new IllegalArgumentException("a request " + request.id() + " exists already");
                yield true;
            }
            case OFFER_FILED -> {
                Step.OfferFiled f = (Step.OfferFiled) step.act();
                requireRole(roles, Procedure.Role.MEMBER, "file an offer");
                requireStatus(status, Status.REQUESTS_AND_OFFERS, "offers can be filed");
                Step.Offer offer = f.offer();
                if (!offer.grantor().equals(step.party()))
                    throw new SecurityException(step.who() + " cannot offer a concession for " + offer.grantor());
                RequestOfferRound.requireNegotiable(offer.kind());
                if (offers.stream().anyMatch(o -> o.id().equals(offer.id())))
                    throw new IllegalArgumentException("an offer " + offer.id() + " exists already");
                RequestOfferRound.requireValid(offer, parties(), requests);
                yield true;
            }
            case EXCEPTIONS_SCHEDULED -> {
                requireRole(roles, Procedure.Role.MEMBER, "schedule exceptions to MFN");
                requireStatus(status, Status.REQUESTS_AND_OFFERS, "schedules of exceptions can be filed");
                yield true;
            }
            case OFFERS_CLOSED -> {
                if (!roles.contains(Procedure.Role.SECRETARIAT) && !roles.contains(Procedure.Role.CHAIR)) {
                    throw new SecurityException(
                            "only the secretariat or the chair closes requests and offers; " + step.who() + " may not");
                }
                requireStatus(status, Status.REQUESTS_AND_OFFERS, "requests and offers can be closed");
                round().negotiation();
                yield true;
            }
            case PROPOSED -> {
                Step.Proposed p = (Step.Proposed) step.act();
                if (Collections.disjoint(roles, procedure().mayPropose())) {
                    throw new SecurityException("under " + procedure().name() + " only "
                            + procedure().mayPropose().stream()
                                    .map(r -> r.name().toLowerCase())
                                    .sorted()
                                    .toList() + " may table a proposal; " + step.who() + " may not");
                }
                requireStatus(status, Status.OPEN, "the engine proposes");
                List<String> missing =
                        parties().stream().filter(q -> !valued.contains(q)).toList();
                if (!missing.isEmpty()) throw new IllegalStateException("waiting for the valuations of " + missing);
                negotiation.requireComplete(p.deal());
                if (rejectedDeals(at).contains(p.deal()))
                    throw new IllegalArgumentException("that deal was rejected before and is not proposed again");
                if (p.proposal() != proposals.size() + 1)
                    throw new IllegalArgumentException("the next proposal is number " + (proposals.size() + 1));
                yield true;
            }
            case ANSWERED -> {
                checkAnswer(step, (Step.Answered) step.act(), roles, status);
                yield true;
            }
            case STATEMENT -> {
                if (roles.isEmpty())
                    throw new SecurityException(
                            step.who() + " is neither a party, an observer nor the secretariat of " + id());
                if (status == Status.CONCLUDED)
                    throw new IllegalStateException("negotiation " + id() + " is concluded");
                yield true;
            }
            case PAPER_FILED -> {
                if (roles.isEmpty())
                    throw new SecurityException(
                            step.who() + " is neither a party, an observer nor the secretariat of " + id());
                if (status == Status.CONCLUDED)
                    throw new IllegalStateException("negotiation " + id() + " is concluded");
                yield true;
            }
            case CONCLUDED -> {
                Step.Concluded c = (Step.Concluded) step.act();
                requireRole(roles, Procedure.Role.SECRETARIAT, "conclude");
                if (status == Status.CONCLUDED)
                    throw new IllegalStateException("negotiation " + id() + " is concluded already");
                Proposal latest = latest().orElseThrow(
                                () -> new IllegalStateException("there is no proposal to conclude in " + id()));
                if (c.proposal() != latest.number())
                    throw new IllegalStateException(
                            "only the latest proposal, number " + latest.number() + ", can be concluded");
                Decision decision = decision(latest, at);
                if (decision.outcome() != Decision.Outcome.ADOPTED) {
                    throw new IllegalStateException("proposal " + latest.number() + " is not adopted under "
                            + procedure().rule().describe() + ": " + decision.reason());
                }
                if (!c.conflicts().isEmpty()
                        && (c.override() == null || c.override().isBlank())) {
                    throw new IllegalStateException("the coherence check found "
                            + c.conflicts().size() + " conflict(s), so concluding needs the "
                            + "secretariat's recorded override with its reason: " + String.join("; ", c.conflicts()));
                }
                yield true;
            }
        };
    }

    private void checkAnswer(Step step, Step.Answered a, Set<Procedure.Role> roles, Status status) {
        if (roles.contains(Procedure.Role.OBSERVER))
            throw new SecurityException(
                    "observers may speak and file papers, not decide: " + step.who() + " cannot answer");
        requireRole(roles, Procedure.Role.MEMBER, "answer a proposal");
        requireStatus(status, Status.PROPOSED, "parties can answer");
        Proposal latest = latest().orElseThrow();
        if (a.proposal() != latest.number())
            throw new IllegalStateException(
                    "proposal " + a.proposal() + " is not pending; proposal " + latest.number() + " is");
        if (latest.answers().containsKey(step.party())) {
            throw new IllegalStateException(step.party() + " has answered proposal " + latest.number() + " already ("
                    + latest.answers().get(step.party()).answer().name().toLowerCase() + ")");
        }
        boolean consensus = procedure().rule() instanceof DecisionRule.Consensus;
        if (a.answer() == Answer.REJECT && (a.reason() == null || a.reason().isBlank())) {
            throw new IllegalArgumentException(
                    consensus
                            ? "an objection needs its reason"
                            : "a rejection needs a reason, so that the next proposal can take it into account");
        }
        if (latest.deadline() != null && !step.at().isBefore(latest.deadline())) {
            throw new IllegalStateException(
                    consensus
                            ? "the objection period for proposal " + latest.number() + " ended at "
                                    + Words.instant(latest.deadline())
                                    + ": no objection was filed in time, and silence is consent"
                            : "answers to proposal " + latest.number() + " were due by "
                                    + Words.instant(latest.deadline()));
        }
    }

    private static void requireRole(Set<Procedure.Role> roles, Procedure.Role role, String what) {
        if (!roles.contains(role)) {
            throw new SecurityException(
                    switch (role) {
                        case SECRETARIAT -> "only the secretariat may " + what;
                        case MEMBER ->
                            roles.contains(Procedure.Role.OBSERVER)
                                    ? "observers may speak and file papers, not " + what
                                    : "only a party may " + what;
                        default -> "only the " + role.name().toLowerCase() + " may " + what;
                    });
        }
    }

    private void requireStatus(Status status, Status required, String what) {
        if (status != required)
            throw new IllegalStateException(
                    what + " only while negotiation " + id() + " is " + required + "; it is " + status);
    }

    // ---- applying a checked step ---------------------------------------------------------------------------------

    private void mutate(Step step) {
        steps.add(step);
        // Exhaustive over the kind, as in check().
        boolean applied = switch (step.act().kind()) {
            case OPENED, STATEMENT, PAPER_FILED -> false;
            case VALUATION_ENTERED -> valued.add(step.party());
            case REQUEST_FILED -> requests.add(((Step.RequestFiled) step.act()).request());
            case OFFER_FILED -> offers.add(((Step.OfferFiled) step.act()).offer());
            case EXCEPTIONS_SCHEDULED -> {
                exceptions.put(step.party(), ((Step.ExceptionsScheduled) step.act()).exemptions());
                yield true;
            }
            case OFFERS_CLOSED -> {
                negotiation = round().negotiation();
                yield true;
            }
            case PROPOSED -> {
                Step.Proposed p = (Step.Proposed) step.act();
                yield proposals.add(new Proposal(
                        p.proposal(),
                        p.objective(),
                        p.deal(),
                        p.summary(),
                        step.at(),
                        step.who(),
                        procedure().rule().deadline(step.at(), procedure().answerPeriod()),
                        Map.of()));
            }
            case ANSWERED -> {
                Step.Answered a = (Step.Answered) step.act();
                Proposal latest = proposals.remove(proposals.size() - 1);
                Map<String, Given> answers = new LinkedHashMap<>(latest.answers());
                answers.put(step.party(), new Given(step.party(), a.answer(), a.reason(), step.at(), step.actor()));
                yield proposals.add(new Proposal(
                        latest.number(),
                        latest.objective(),
                        latest.deal(),
                        latest.summary(),
                        latest.proposedAt(),
                        latest.proposedBy(),
                        latest.deadline(),
                        answers));
            }
            case CONCLUDED -> {
                concluded = step;
                yield true;
            }
        };
    }

    // ---- questions ----------------------------------------------------------------------------------------------

    public Opening opening() {
        return opening;
    }

    public String id() {
        return opening.id();
    }

    public String title() {
        return opening.title();
    }

    public List<String> parties() {
        return opening.parties();
    }

    public Procedure procedure() {
        return opening.procedure();
    }

    public boolean illustrative() {
        return opening.illustrative();
    }

    /** Whether the issues are settled on the table (always for a single text; once offers close for request-offer rounds). */
    public boolean hasIssues() {
        return negotiation != null;
    }

    /** The issues, options and norms the engine solves; fails while requests and offers are still open. */
    public Negotiation negotiation() {
        if (negotiation == null)
            throw new IllegalStateException(
                    "requests and offers are still open in " + id() + ": there are no issues yet");
        return negotiation;
    }

    /** The request-offer round as filed so far; fails for a single text. */
    public RequestOfferRound round() {
        if (procedure().format() != Procedure.Format.REQUEST_OFFER)
            throw new IllegalStateException(id() + " is not a request-offer round");
        return new RequestOfferRound(id(), title(), parties(), requests, offers, exceptions);
    }

    public List<Step.Request> requests() {
        return List.copyOf(requests);
    }

    public List<Step.Offer> offers() {
        return List.copyOf(offers);
    }

    public Map<String, List<Step.Exemption>> exceptions() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(exceptions));
    }

    public List<Step> steps() {
        return List.copyOf(steps);
    }

    /** The steps the procedure makes public, in order. */
    public List<Step> publicSteps() {
        return steps.stream()
                .filter(s -> procedure().publicSteps().contains(s.act().kind()))
                .toList();
    }

    /**
     * The decision's reason as the public may read it: in full where answers are public, else only the outcome (the
     * reason would name who rejected or who has not answered yet).
     */
    public String publicReason(Decision decision) {
        if (isPublic(Step.Kind.ANSWERED)) return decision.reason();
        return switch (decision.outcome()) {
            case ADOPTED ->
                "adopted under " + procedure().rule().type().toLowerCase().replace('_', ' ');
            case BLOCKED -> "not adopted";
            case PENDING -> "answers are awaited";
        };
    }

    /** Whether the procedure makes steps of this kind public (who answered what, who requested what, …). */
    public boolean isPublic(Step.Kind kind) {
        return procedure().publicSteps().contains(kind);
    }

    public List<String> partiesWithValuations() {
        return parties().stream().filter(valued::contains).toList();
    }

    public List<Proposal> proposals() {
        return List.copyOf(proposals);
    }

    public Optional<Proposal> latest() {
        return proposals.isEmpty() ? Optional.empty() : Optional.of(proposals.get(proposals.size() - 1));
    }

    public Optional<Step> concluded() {
        return Optional.ofNullable(concluded);
    }

    /** The negotiation's status at the instant (a deadline passing can decide the pending proposal). */
    public Status status(Instant now) {
        if (concluded != null) return Status.CONCLUDED;
        if (negotiation == null) return Status.REQUESTS_AND_OFFERS;
        if (proposals.isEmpty()) return Status.OPEN;
        return decision(proposals.get(proposals.size() - 1), now).outcome() == Decision.Outcome.BLOCKED
                ? Status.OPEN
                : Status.PROPOSED;
    }

    /** The decision on the latest proposal at the instant. */
    public Optional<Decision> decision(Instant now) {
        return latest().map(p -> decision(p, now));
    }

    /** The decision on a proposal: an earlier proposal was blocked (a later one could not have been made otherwise). */
    public Decision decision(Proposal proposal, Instant now) {
        if (concluded != null && concluded.act() instanceof Step.Concluded c && c.proposal() == proposal.number()) {
            return Decision.adopted("concluded");
        }
        return procedure()
                .rule()
                .decide(
                        parties(),
                        proposal.byParty(),
                        proposal.deadline(),
                        now,
                        procedure().quorum(parties()));
    }

    /** The deals blocked so far: never proposed again. */
    public List<Deal> rejectedDeals(Instant now) {
        List<Deal> rejected = new ArrayList<>();
        for (Proposal p : proposals) if (decision(p, now).outcome() == Decision.Outcome.BLOCKED) rejected.add(p.deal());
        return rejected;
    }

    /** The engine as this negotiation may use it now: never proposing a deal that was blocked before. */
    public DealSolver engine(DealSolver solver, Instant now) {
        return new DealSolver(solver.settings().excluding(rejectedDeals(now)));
    }

    /** The capacities in which a party (or the secretariat) acts on the date: none for a stranger. */
    public Set<Procedure.Role> roles(String party, boolean secretariat, LocalDate date) {
        Set<Procedure.Role> roles = EnumSet.noneOf(Procedure.Role.class);
        if (secretariat) roles.add(Procedure.Role.SECRETARIAT);
        if (party != null && parties().contains(party)) {
            roles.add(Procedure.Role.MEMBER);
            if (procedure().chair() != null
                    && procedure().chair().chairsOn(date).contains(party)) roles.add(Procedure.Role.CHAIR);
        }
        if (party != null && procedure().observers().contains(party)) roles.add(Procedure.Role.OBSERVER);
        return roles;
    }

    /** Whether the actor may table a proposal now (the phase, the valuations and the procedure's proposers). */
    public boolean mayPropose(Actor actor, Instant now) {
        return status(now) == Status.OPEN
                && partiesWithValuations().size() == parties().size()
                && !Collections.disjoint(
                        roles(actor.party(), actor.secretariat(), date(now)),
                        procedure().mayPropose());
    }

    /** Fails with a {@link SecurityException} unless the procedure lets the actor table a proposal at all (whatever the phase). */
    public void requireMayPropose(Actor actor, Instant now) {
        if (Collections.disjoint(
                roles(actor.party(), actor.secretariat(), date(now)),
                procedure().mayPropose())) {
            throw new SecurityException("under " + procedure().name() + " only "
                    + procedure().mayPropose().stream()
                            .map(r -> r.name().toLowerCase())
                            .sorted()
                            .toList() + " may table a proposal; "
                    + (actor.party() == null ? actor.name() : actor.name() + " for " + actor.party()) + " may not");
        }
    }

    /** Whether the party may answer the latest proposal now. */
    public boolean mayAnswer(String party, Instant now) {
        if (status(now) != Status.PROPOSED || party == null || !parties().contains(party)) return false;
        Proposal latest = latest().orElseThrow();
        return !latest.answers().containsKey(party) && (latest.deadline() == null || now.isBefore(latest.deadline()));
    }

    /** Whether the procedure lets the secretariat conclude now: the latest proposal is adopted. */
    public boolean mayConclude(Instant now) {
        return status(now) == Status.PROPOSED
                && decision(now)
                        .map(d -> d.outcome() == Decision.Outcome.ADOPTED)
                        .orElse(false);
    }

    /** What happens next, in words, for everyone. */
    public String nextStep(Instant now) {
        Status status = status(now);
        return switch (status) {
            case REQUESTS_AND_OFFERS ->
                "Next: parties file requests, offers and their schedules of exceptions (" + requests.size()
                        + " request(s), " + offers.size()
                        + " offer(s) so far); then the secretariat closes them and the package is sought among the offers.";
            case OPEN ->
                partiesWithValuations().size() < parties().size()
                        ? "Next: every party enters its valuation ("
                                + partiesWithValuations().size() + " of "
                                + parties().size() + " have); then ask the engine for a proposal."
                        : "Next: ask the engine for a proposal.";
            case PROPOSED -> {
                Decision decision = decision(now).orElseThrow();
                yield decision.outcome() == Decision.Outcome.ADOPTED
                        ? "Adopted (" + publicReason(decision) + "): the secretariat may conclude."
                        : procedure().rule() instanceof DecisionRule.Unanimity
                                        && latest().orElseThrow().answers().isEmpty()
                                ? "Next: every party answers the proposal; when all accept, conclude."
                                : "Next: " + publicReason(decision) + ".";
            }
            case CONCLUDED -> "Concluded: nothing left to do.";
        };
    }

    /**
     * Concludes the adopted proposal as the secretariat at {@code at}: builds the registry facts (none for an
     * illustration), asks the coherence checker about them, and returns the step to record (refused when conflicts are
     * found and {@code override} is blank). The caller writes the facts and the step in one transaction.
     */
    public Concluding conclude(Actor actor, Instant at, Registry registry, CoherenceChecker checker, String override) {
        Proposal latest =
                latest().orElseThrow(() -> new IllegalStateException("there is no proposal to conclude in " + id()));
        if (!mayConclude(at)) {
            Step.Concluded probe = new Step.Concluded(latest.number(), null, List.of(), null);
            check(
                    new Step(steps.size() + 1, at, actor.name(), actor.secretariat() ? null : actor.party(), probe),
                    actor.secretariat());
        }
        if (illustrative()) {
            return new Concluding(
                    record(actor, new Step.Concluded(latest.number(), null, List.of(), null), at),
                    Optional.empty(),
                    List.of());
        }
        LocalDate date = date(at);
        Conclusion conclusion = concluding(latest, date);
        List<Conflict> conflicts = checker.conflicts(registry, draft(conclusion), date);
        Step step = record(
                actor,
                new Step.Concluded(
                        latest.number(),
                        conclusion.instrument().id(),
                        conflicts.stream()
                                .map(c -> c.severity().name().toLowerCase() + ": " + c.explanation())
                                .toList(),
                        override == null || override.isBlank() ? null : override.strip()),
                at);
        return new Concluding(step, Optional.of(conclusion), conflicts);
    }

    /**
     * What concluding the latest proposal at {@code at} would write into the registry, checked by the coherence checker
     * before it binds, as the room shows it beside the norm checks; empty when there is no proposal, the negotiation is
     * concluded, or it is an illustration (which writes nothing).
     */
    public List<Conflict> coherence(Instant at, Registry registry, CoherenceChecker checker) {
        Optional<Proposal> latest = latest();
        if (latest.isEmpty() || illustrative() || status(at) == Status.CONCLUDED) return List.of();
        LocalDate date = date(at);
        return checker.conflicts(registry, draft(concluding(latest.get(), date)), date);
    }

    private Conclusion concluding(Proposal proposal, LocalDate date) {
        Source source = new Source("Concluded negotiation: " + title(), "/api/v1/negotiations/" + id(), date);
        return procedure().format() == Procedure.Format.REQUEST_OFFER
                ? Conclusion.conclude(
                        negotiation(),
                        proposal.deal(),
                        date,
                        source,
                        (issue, option) -> round().template(round().offer(issue.id()), option.id()))
                : Conclusion.conclude(negotiation(), proposal.deal(), date, source);
    }

    private static Draft draft(Conclusion conclusion) {
        return new Draft(conclusion.instrument(), conclusion.commitments(), conclusion.participations());
    }

    /** For a request-offer round: who each bound offer reaches, in words (public). */
    public List<String> extensions() {
        if (procedure().format() != Procedure.Format.REQUEST_OFFER || latest().isEmpty()) return List.of();
        return round().extensions(latest().get().deal());
    }

    private static LocalDate date(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }
}
