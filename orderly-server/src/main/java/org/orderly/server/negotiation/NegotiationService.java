package org.orderly.server.negotiation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.orderly.negotiation.Deal;
import org.orderly.negotiation.Negotiation;
import org.orderly.negotiation.Table;
import org.orderly.negotiation.Valuation;
import org.orderly.negotiation.conclusion.Conclusion;
import org.orderly.negotiation.explanation.Explanation;
import org.orderly.negotiation.format.NegotiationDefinition;
import org.orderly.negotiation.format.NegotiationJson;
import org.orderly.negotiation.procedure.Answer;
import org.orderly.negotiation.procedure.Procedure;
import org.orderly.negotiation.procedure.ProcedureJson;
import org.orderly.negotiation.procedure.Proceedings;
import org.orderly.negotiation.procedure.RequestOfferRound;
import org.orderly.negotiation.procedure.Step;
import org.orderly.negotiation.solver.DealSolver;
import org.orderly.negotiation.solver.Objective;
import org.orderly.negotiation.solver.Outcome;
import org.orderly.negotiation.solver.ParetoFrontier;
import org.orderly.regime.Registry;
import org.orderly.regime.coherence.CoherenceChecker;
import org.orderly.server.regime.RegimeService;
import org.orderly.store.negotiation.NegotiationStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The negotiation forum on top of the store and the one state machine ({@link Proceedings}): every act is checked and
 * recorded as a step by the proceedings, kept by the store in one transaction with the negotiation locked; the engine
 * alone reads every valuation to propose, explain and draw the frontier. Nothing it returns to a caller contains
 * another party's numbers.
 */
@Service
public class NegotiationService {
    /** The origin of registry rows written by a concluded negotiation. */
    public static final String ORIGIN = "negotiation";

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final int FRONTIER_POINTS = 200;

    private final NegotiationStore store;
    private final RegimeService regime;
    private final DealSolver solver;
    private final TransactionTemplate transactions;
    private final CoherenceChecker coherence;
    private final Clock clock;

    public NegotiationService(
            NegotiationStore store,
            RegimeService regime,
            DealSolver solver,
            TransactionTemplate transactions,
            ObjectProvider<CoherenceChecker> coherence,
            Clock clock) {
        this.store = store;
        this.regime = regime;
        this.solver = solver;
        this.transactions = transactions;
        this.coherence = coherence.getIfAvailable(() -> org.orderly.regime.coherence.CoherenceRules.STANDARD);
        this.clock = clock;
    }

    public NegotiationStore store() {
        return store;
    }

    /** Now, by the service's clock: every step is dated by it and every deadline read against it. */
    public Instant now() {
        return clock.instant();
    }

    /**
     * Opens a negotiation from Orderly JSON without valuations; its {@code procedure} member (absent: the mediated
     * single text) says how it decides. A request-offer round names its parties and takes its issues from the offers.
     */
    public NegotiationStore.Record open(String json, Proceedings.Actor actor) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (RuntimeException e) {
            // The definition reader names line and column.
            NegotiationDefinition.read(json, "request body");
            throw e;
        }
        Procedure procedure = ProcedureJson.read(root.get("procedure"), "$.procedure");
        Proceedings.Opening opening;
        if (procedure.format() == Procedure.Format.SINGLE_TEXT) {
            Negotiation negotiation = NegotiationDefinition.read(json, "request body");
            requireSomeDealPossible(negotiation);
            opening = Proceedings.Opening.of(negotiation, procedure, false);
        } else {
            if (root.has("issues"))
                throw new IllegalArgumentException(
                        "$.issues: a request-offer round takes its issues from the parties' offers");
            List<String> parties = new ArrayList<>();
            root.path("parties").forEach(p -> parties.add(p.asString()));
            String id = root.path("id").asString("");
            if (id.isBlank()) throw new IllegalArgumentException("$.id: is missing");
            opening = new Proceedings.Opening(id, root.path("title").asString(id), parties, procedure, null, false);
        }
        open(opening, actor);
        return store.get(opening.id());
    }

    /**
     * Opens the illustrative DEU–MAR demonstration and enters its invented valuations for both
     * parties; returns the existing one if it is open already.
     */
    public NegotiationStore.Record openDemonstration() {
        Table demo = NegotiationJson.demo();
        String id = demo.negotiation().id();
        if (!store.exists(id)) {
            Proceedings.Opening opening =
                    Proceedings.Opening.of(demo.negotiation(), Procedure.mediatedSingleText(), true);
            open(opening, Proceedings.Actor.secretariat("demonstration"));
            for (Valuation v : demo.valuations().values()) {
                store.saveValuation(
                        id,
                        v,
                        p -> p.record(
                                Proceedings.Actor.forParty("demonstration", v.party()),
                                new Step.ValuationEntered(),
                                now()));
            }
        }
        return store.get(id);
    }

    private void open(Proceedings.Opening opening, Proceedings.Actor actor) {
        if (store.exists(opening.id()))
            throw new IllegalArgumentException("a negotiation " + opening.id() + " exists already");
        if (regime.registry().instrument(opening.id()).isPresent()) {
            throw new IllegalArgumentException(
                    "negotiation id " + opening.id()
                            + " is already an instrument's id in the registry: a concluded deal becomes an instrument with the negotiation's id");
        }
        store.open(opening, decided(() -> Proceedings.opened(opening, actor, now())));
    }

    /** Fails with "no deal is possible, because …" when the norms exclude every deal whatever the valuations. */
    private void requireSomeDealPossible(Negotiation negotiation) {
        Negotiation free = new Negotiation(
                negotiation.id(),
                negotiation.title(),
                negotiation.parties(),
                negotiation.issues(),
                negotiation.norms(),
                0);
        Map<String, Valuation> zero = new LinkedHashMap<>();
        for (String party : free.parties()) zero.put(party, new Valuation(party, Map.of(), List.of(), 0));
        Outcome outcome = solver.propose(new Table(free, zero), Objective.JOINT);
        if (outcome instanceof Outcome.NoDeal noDeal) {
            throw new IllegalArgumentException("no deal is possible, because " + noDeal.reason());
        }
    }

    public List<NegotiationStore.Record> list() {
        return store.list();
    }

    public NegotiationStore.Record get(String id) {
        return store.get(id);
    }

    /** The party's own valuation; {@code viewer} is the party the caller acts for. */
    public Valuation valuation(String id, String party, String viewer) {
        requireSelf(id, party, viewer, "read");
        return store.ownValuation(id, party)
                .orElseThrow(
                        () -> new NoSuchElementException(party + " has not entered a valuation in " + id + " yet"));
    }

    public Valuation enterValuation(String id, String party, Proceedings.Actor actor, String json) {
        requireSelf(id, party, actor.party(), "enter");
        Proceedings proceedings = store.get(id).proceedings();
        Valuation valuation =
                NegotiationDefinition.readValuation(proceedings.negotiation(), party, json, "request body");
        decided(() -> store.saveValuation(id, valuation, p -> p.record(actor, new Step.ValuationEntered(), now())));
        return valuation;
    }

    /** Records any other act (a request, an offer, a schedule of exceptions, closing the offers, a statement, a paper). */
    public Step act(String id, Proceedings.Actor actor, Step.Act act) {
        return decided(() -> store.append(id, p -> p.record(actor, act, now())));
    }

    /** Fails (403) unless the negotiation's procedure lets the actor table proposals: checked before the request is read. */
    public void requireMayPropose(String id, Proceedings.Actor actor) {
        decided(() -> {
            store.get(id).proceedings().requireMayPropose(actor, now());
            return null;
        });
    }

    /** The engine proposes the best deal for the objective among those not blocked before; the actor tables it. */
    public Outcome.Proposal propose(String id, Objective objective, Proceedings.Actor actor) {
        NegotiationStore.Record record = store.get(id);
        Proceedings proceedings = record.proceedings();
        Instant now = now();
        if (proceedings.status(now) != Proceedings.Status.OPEN) {
            throw new IllegalStateException(
                    "the engine proposes only while negotiation " + id + " is OPEN; it is " + proceedings.status(now));
        }
        Table table = engineTable(record);
        Outcome outcome = proceedings.engine(solver, now).propose(table, objective);
        if (outcome instanceof Outcome.NoDeal noDeal) throw NoDealException.of(noDeal);
        Outcome.Proposal proposal = (Outcome.Proposal) outcome;
        String summary = MAPPER.writeValueAsString(summary(proposal));
        decided(() -> store.append(
                id,
                p -> p.record(
                        actor,
                        new Step.Proposed(p.proposals().size() + 1, objective.name(), proposal.deal(), summary),
                        now)));
        return proposal;
    }

    /** What the latest proposal means for {@code party}, computed by the engine, shown only to that party. */
    public PartyExplanation explanation(String id, String party, String viewer) {
        requireSelf(id, party, viewer, "read the explanation of");
        NegotiationStore.Record record = store.get(id);
        Proceedings proceedings = record.proceedings();
        Proceedings.Proposal proposal = proceedings
                .latest()
                .orElseThrow(() -> new IllegalStateException("the engine has not proposed a deal in " + id + " yet"));
        Table table = engineTable(record);
        // One total deadline (the solver's time limit) for the three candidate deals, never unbounded on a request
        // thread.
        DealSolver candidatesSolver = new DealSolver(proceedings
                .engine(solver, now())
                .settings()
                .withTimeLimit(solver.settings().timeLimitSeconds() / Objective.values().length));
        Map<Objective, Outcome> candidates = new EnumMap<>(Objective.class);
        for (Objective objective : Objective.values())
            candidates.put(objective, candidatesSolver.propose(table, objective));
        Explanation explanation = Explanation.of(table, party, proposal.deal(), candidates);
        List<Explanation.Change> changes = Explanation.whatWouldHaveToChange(table, proposal.deal()).stream()
                .filter(c -> c.party() == null || c.party().equals(party))
                .toList();
        RequestOfferRound.MfnEffect mfn = proceedings.procedure().format() == Procedure.Format.REQUEST_OFFER
                ? proceedings.round().mfnEffect(proposal.deal(), table.valuation(party))
                : null;
        return new PartyExplanation(proposal.number(), explanation, changes, mfn);
    }

    /**
     * An explanation with the changes (norms, or this party's own shortfall) that would make the package acceptable, and
     * in a request-offer round what the MFN extension costs or gains the party (its own points; null otherwise).
     */
    public record PartyExplanation(
            int proposal, Explanation explanation, List<Explanation.Change> changes, RequestOfferRound.MfnEffect mfn) {}

    public NegotiationStore.Record answer(
            String id, String party, Proceedings.Actor actor, Answer answer, String reason) {
        requireSelf(id, party, actor.party(), "answer for");
        decided(() -> store.append(
                id,
                p -> p.record(
                        actor,
                        new Step.Answered(
                                p.latest()
                                        .orElseThrow(() ->
                                                new IllegalStateException("there is no proposal to answer in " + id))
                                        .number(),
                                answer,
                                reason == null || reason.isBlank() ? null : reason.strip()),
                        now())));
        return store.get(id);
    }

    /**
     * Concludes the adopted proposal: the deal becomes an instrument with its commitments and the parties'
     * participations in the registry, written in one transaction with the conclusion step (both stores write through
     * the one DataSource that {@code transactions} manages); the coherence check runs first, and a conflict needs the
     * secretariat's {@code override} with its reason, recorded in the step. The rulebook is recompiled after the
     * commit. An ILLUSTRATIVE negotiation concludes without any registry write (the result is empty).
     */
    public Optional<Conclusion> conclude(String id, Proceedings.Actor actor, String override) {
        Optional<Conclusion> concluded =
                transactions.execute(status -> decided(() -> concludeInTransaction(id, actor, override)));
        if (concluded.isPresent()) regime.reload();
        return concluded;
    }

    private Optional<Conclusion> concludeInTransaction(String id, Proceedings.Actor actor, String override) {
        Registry registry = regime.registry();
        Conclusion[] written = new Conclusion[1];
        store.append(id, p -> {
            Proceedings.Concluding concluding = p.conclude(actor, now(), registry, coherence, override);
            concluding.conclusion().ifPresent(conclusion -> {
                List<String> unknown = p.parties().stream()
                        .filter(q -> registry.party(q).isEmpty())
                        .toList();
                if (!unknown.isEmpty())
                    throw new IllegalStateException(
                            "cannot conclude into the registry: " + unknown + " are not registered parties");
                regime.store()
                        .saveInstrument(
                                conclusion.instrument(), conclusion.commitments(), conclusion.participations(), ORIGIN);
                written[0] = conclusion;
            });
            return concluding.step();
        });
        return Optional.ofNullable(written[0]);
    }

    /**
     * What the coherence checker finds in the package the latest proposal would conclude, on today's registry: shown
     * beside the norm checks before anything binds. Empty with no proposal, once concluded, or for an illustration.
     */
    public List<org.orderly.regime.coherence.Conflict> coherence(Proceedings proceedings) {
        return proceedings.coherence(now(), regime.registry(), coherence);
    }

    /** Runs a step of the proceedings; an actor the procedure refuses gets a 403, not a 500. */
    private static <T> T decided(java.util.function.Supplier<T> step) {
        try {
            return step.get();
        } catch (SecurityException e) {
            throw new ForbiddenException(e.getMessage());
        }
    }

    /**
     * The two-party Pareto frontier as {@code viewer} may see it: its own utility in points, the
     * other party's position only as a share of the frontier's range (0 = its worst efficient
     * deal, 1 = its best), so that no other party's points are revealed.
     */
    public FrontierView frontier(String id, String viewer) {
        NegotiationStore.Record record = store.get(id);
        Negotiation negotiation = record.proceedings().negotiation();
        if (negotiation.parties().size() != 2) {
            throw new IllegalArgumentException("the Pareto frontier is drawn for two parties; " + id + " has "
                    + negotiation.parties().size());
        }
        if (viewer == null || !negotiation.parties().contains(viewer)) {
            throw new ForbiddenException("only the parties to " + id + " may see its Pareto frontier");
        }
        String other = negotiation.parties().get(0).equals(viewer)
                ? negotiation.parties().get(1)
                : negotiation.parties().get(0);
        Table table = engineTable(record);
        ParetoFrontier frontier = solver.paretoFrontier(table, false, FRONTIER_POINTS);
        long low = Long.MAX_VALUE;
        long high = Long.MIN_VALUE;
        for (ParetoFrontier.Point point : frontier.points()) {
            low = Math.min(low, point.utilities().get(other));
            high = Math.max(high, point.utilities().get(other));
        }
        List<FrontierView.Point> points = new ArrayList<>();
        for (ParetoFrontier.Point point : frontier.points()) {
            points.add(new FrontierView.Point(
                    point.utilities().get(viewer),
                    share(point.utilities().get(other), low, high),
                    point.individuallyRational()));
        }
        FrontierView.Point proposed = null;
        if (record.proceedings().latest().isPresent()) {
            Deal deal = record.proceedings().latest().get().deal();
            long otherUtility = table.utility(other, deal);
            proposed = new FrontierView.Point(
                    table.utility(viewer, deal), share(otherUtility, low, high), table.individuallyRational(deal));
        }
        return new FrontierView(viewer, other, points, proposed, frontier.complete());
    }

    private static double share(long value, long low, long high) {
        if (high <= low) return 1.0;
        return Math.round(1000.0 * (value - low) / (high - low)) / 1000.0;
    }

    /** The frontier seen by one party: its utility (points) against the other's share of its range. */
    public record FrontierView(String party, String other, List<Point> points, Point proposal, boolean complete) {
        /** One point: {@code utility} of the viewing party, {@code otherShare} of the other party in [0, 1]. */
        public record Point(long utility, double otherShare, boolean individuallyRational) {}
    }

    private Table engineTable(NegotiationStore.Record record) {
        Map<String, Valuation> all = store.valuationsSeenBy(record.id(), NegotiationStore.ENGINE);
        Negotiation negotiation = record.proceedings().negotiation();
        List<String> missing =
                negotiation.parties().stream().filter(p -> !all.containsKey(p)).toList();
        if (!missing.isEmpty()) throw new IllegalStateException("waiting for the valuations of " + missing);
        return new Table(negotiation, all);
    }

    /** Fails unless {@code viewer} acts for {@code party}, a party to the negotiation: checked before a request body is read. */
    void requireSelf(String id, String party, String viewer, String action) {
        if (!store.get(id).proceedings().parties().contains(party))
            throw new NoSuchElementException(party + " is not a party to " + id);
        if (!party.equals(viewer)) {
            throw new ForbiddenException("only " + party + " may " + action + " its valuation-based data in " + id
                    + (viewer == null ? "; you act for no party" : "; you act for " + viewer));
        }
    }

    /** The public part of a proposal: the deal, its norm checks and its proof, never a utility or gain. */
    static ObjectNode summary(Outcome.Proposal proposal) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("objective", proposal.objective().name());
        ObjectNode deal = o.putObject("deal");
        proposal.deal().choices().forEach(deal::put);
        o.put("proof", proposal.proof().name());
        o.put("proven", proposal.proven());
        o.put("gap", proposal.gap());
        o.put("method", proposal.method());
        ArrayNode norms = o.putArray("norms");
        proposal.norms()
                .forEach(c -> norms.addObject()
                        .put("norm", c.normId())
                        .put("met", c.met())
                        .put("reason", c.reason()));
        o.put("seconds", proposal.seconds());
        return o;
    }
}
