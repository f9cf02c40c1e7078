package org.orderly.server.negotiation;

import org.orderly.negotiation.Deal;
import org.orderly.negotiation.Negotiation;
import org.orderly.negotiation.Table;
import org.orderly.negotiation.Valuation;
import org.orderly.negotiation.conclusion.Conclusion;
import org.orderly.negotiation.explanation.Explanation;
import org.orderly.negotiation.format.NegotiationDefinition;
import org.orderly.negotiation.format.NegotiationJson;
import org.orderly.negotiation.round.Round;
import org.orderly.negotiation.solver.DealSolver;
import org.orderly.negotiation.solver.Objective;
import org.orderly.negotiation.solver.Outcome;
import org.orderly.negotiation.solver.ParetoFrontier;
import org.orderly.regime.Registry;
import org.orderly.regime.Source;
import org.orderly.server.regime.RegimeService;
import org.orderly.store.negotiation.NegotiationStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The mediated single-text procedure on top of the store: the secretariat opens and concludes,
 * each party enters its own valuation and answers, and the engine alone reads every valuation to
 * propose, explain and draw the frontier. Nothing it returns to a caller contains another party's numbers.
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

    public NegotiationService(NegotiationStore store, RegimeService regime, DealSolver solver, TransactionTemplate transactions) {
        this.store = store;
        this.regime = regime;
        this.solver = solver;
        this.transactions = transactions;
    }

    public NegotiationStore store() {
        return store;
    }

    /** Opens a negotiation from Orderly JSON without valuations. */
    public NegotiationStore.Record open(String json) {
        Negotiation negotiation = NegotiationDefinition.read(json, "request body");
        open(negotiation, false);
        return store.get(negotiation.id());
    }

    /**
     * Opens the illustrative DEU–MAR demonstration and enters its invented valuations for both
     * parties; returns the existing one if it is open already.
     */
    public NegotiationStore.Record openDemonstration() {
        Table demo = NegotiationJson.demo();
        String id = demo.negotiation().id();
        if (!store.exists(id)) {
            open(demo.negotiation(), true);
            demo.valuations().values().forEach(v -> store.saveValuation(id, v));
        }
        return store.get(id);
    }

    private void open(Negotiation negotiation, boolean illustrative) {
        if (store.exists(negotiation.id())) throw new IllegalArgumentException("a negotiation " + negotiation.id() + " exists already");
        if (regime.registry().instrument(negotiation.id()).isPresent()) {
            throw new IllegalArgumentException("negotiation id " + negotiation.id()
                    + " is already an instrument's id in the registry: a concluded deal becomes an instrument with the negotiation's id");
        }
        requireSomeDealPossible(negotiation);
        store.open(negotiation, illustrative);
    }

    /** Fails with "no deal is possible, because …" when the norms exclude every deal whatever the valuations. */
    private void requireSomeDealPossible(Negotiation negotiation) {
        Negotiation free = new Negotiation(negotiation.id(), negotiation.title(), negotiation.parties(), negotiation.issues(),
                negotiation.norms(), 0);
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
                .orElseThrow(() -> new NoSuchElementException(party + " has not entered a valuation in " + id + " yet"));
    }

    public Valuation enterValuation(String id, String party, String viewer, String json) {
        requireSelf(id, party, viewer, "enter");
        Negotiation negotiation = store.get(id).negotiation();
        Valuation valuation = NegotiationDefinition.readValuation(negotiation, party, json, "request body");
        store.saveValuation(id, valuation);
        return valuation;
    }

    /** The engine proposes the best deal for the objective among those no party has rejected. */
    public Outcome.Proposal propose(String id, Objective objective) {
        NegotiationStore.Record record = store.get(id);
        if (record.status() != Round.Status.OPEN) {
            throw new IllegalStateException("the engine proposes only while negotiation " + id + " is OPEN; it is " + record.status());
        }
        Table table = engineTable(record);
        Outcome outcome = excludingRejected(record).propose(table, objective);
        if (outcome instanceof Outcome.NoDeal noDeal) throw NoDealException.of(noDeal);
        Outcome.Proposal proposal = (Outcome.Proposal) outcome;
        store.saveProposal(id, objective.name(), proposal.deal(), MAPPER.writeValueAsString(summary(proposal)));
        return proposal;
    }

    /** What the latest proposal means for {@code party}, computed by the engine, shown only to that party. */
    public PartyExplanation explanation(String id, String party, String viewer) {
        requireSelf(id, party, viewer, "read the explanation of");
        NegotiationStore.Record record = store.get(id);
        NegotiationStore.Proposal proposal = record.latest()
                .orElseThrow(() -> new IllegalStateException("the engine has not proposed a deal in " + id + " yet"));
        Table table = engineTable(record);
        // One total deadline (the solver's time limit) for the three candidate deals, never unbounded on a request thread.
        DealSolver candidatesSolver = new DealSolver(excludingRejected(record).settings()
                .withTimeLimit(solver.settings().timeLimitSeconds() / Objective.values().length));
        Map<Objective, Outcome> candidates = new EnumMap<>(Objective.class);
        for (Objective objective : Objective.values()) candidates.put(objective, candidatesSolver.propose(table, objective));
        Explanation explanation = Explanation.of(table, party, proposal.deal(), candidates);
        List<Explanation.Change> changes = Explanation.whatWouldHaveToChange(table, proposal.deal()).stream()
                .filter(c -> c.party() == null || c.party().equals(party)).toList();
        return new PartyExplanation(proposal.number(), explanation, changes);
    }

    /** An explanation with the changes (norms, or this party's own shortfall) that would make the package acceptable. */
    public record PartyExplanation(int proposal, Explanation explanation, List<Explanation.Change> changes) {
    }

    public NegotiationStore.Record answer(String id, String party, String viewer, Round.Answer answer, String reason) {
        requireSelf(id, party, viewer, "answer for");
        if (answer == Round.Answer.REJECT && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException("a rejection needs a reason, so that the next proposal can take it into account");
        }
        store.saveAnswer(id, party, answer, reason);
        return store.get(id);
    }

    /**
     * Concludes the accepted proposal: the deal becomes an instrument with its commitments and the
     * parties' participations in the registry, written in one transaction with the negotiation's
     * status (both stores write through the one DataSource that {@code transactions} manages); the
     * rulebook is recompiled after the commit. An ILLUSTRATIVE negotiation concludes without any
     * registry write: its deal never becomes a binding commitment (the result is empty).
     */
    public java.util.Optional<Conclusion> conclude(String id) {
        java.util.Optional<Conclusion> concluded = transactions.execute(status -> concludeInTransaction(id));
        if (concluded.isPresent()) regime.reload();
        return concluded;
    }

    private java.util.Optional<Conclusion> concludeInTransaction(String id) {
        NegotiationStore.Record record = store.get(id);
        if (record.status() != Round.Status.PROPOSED) {
            throw new IllegalStateException("negotiation " + id + " can be concluded only with a pending proposal; it is " + record.status());
        }
        NegotiationStore.Proposal proposal = record.latest().orElseThrow();
        List<String> waiting = record.negotiation().parties().stream()
                .filter(p -> !proposal.answers().containsKey(p) || proposal.answers().get(p).answer() != Round.Answer.ACCEPT).toList();
        if (!waiting.isEmpty()) throw new IllegalStateException("every party must accept proposal " + proposal.number() + " first; waiting for " + waiting);
        if (record.illustrative()) {
            store.markConcluded(id, null);
            return java.util.Optional.empty();
        }
        Registry registry = regime.registry();
        List<String> unknown = record.negotiation().parties().stream().filter(p -> registry.party(p).isEmpty()).toList();
        if (!unknown.isEmpty()) throw new IllegalStateException("cannot conclude into the registry: " + unknown + " are not registered parties");
        var today = RegimeService.today();
        Source source = new Source("Concluded negotiation: " + record.negotiation().title(), "/api/v1/negotiations/" + id, today);
        Conclusion conclusion = Conclusion.conclude(record.negotiation(), proposal.deal(), today, source);
        regime.store().saveInstrument(conclusion.instrument(), conclusion.commitments(), conclusion.participations(), ORIGIN);
        store.markConcluded(id, conclusion.instrument().id());
        return java.util.Optional.of(conclusion);
    }

    /**
     * The two-party Pareto frontier as {@code viewer} may see it: its own utility in points, the
     * other party's position only as a share of the frontier's range (0 = its worst efficient
     * deal, 1 = its best), so that no other party's points are revealed.
     */
    public FrontierView frontier(String id, String viewer) {
        NegotiationStore.Record record = store.get(id);
        Negotiation negotiation = record.negotiation();
        if (negotiation.parties().size() != 2) {
            throw new IllegalArgumentException("the Pareto frontier is drawn for two parties; " + id + " has " + negotiation.parties().size());
        }
        if (viewer == null || !negotiation.parties().contains(viewer)) {
            throw new ForbiddenException("only the parties to " + id + " may see its Pareto frontier");
        }
        String other = negotiation.parties().get(0).equals(viewer) ? negotiation.parties().get(1) : negotiation.parties().get(0);
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
            points.add(new FrontierView.Point(point.utilities().get(viewer), share(point.utilities().get(other), low, high),
                    point.individuallyRational()));
        }
        FrontierView.Point proposed = null;
        if (record.latest().isPresent()) {
            Deal deal = record.latest().get().deal();
            long otherUtility = table.utility(other, deal);
            proposed = new FrontierView.Point(table.utility(viewer, deal), share(otherUtility, low, high),
                    table.individuallyRational(deal));
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
        public record Point(long utility, double otherShare, boolean individuallyRational) {
        }
    }

    private Table engineTable(NegotiationStore.Record record) {
        Map<String, Valuation> all = store.valuationsSeenBy(record.id(), NegotiationStore.ENGINE);
        List<String> missing = record.negotiation().parties().stream().filter(p -> !all.containsKey(p)).toList();
        if (!missing.isEmpty()) throw new IllegalStateException("waiting for the valuations of " + missing);
        return new Table(record.negotiation(), all);
    }

    private DealSolver excludingRejected(NegotiationStore.Record record) {
        List<Deal> rejected = record.proposals().stream().filter(NegotiationStore.Proposal::rejected).map(NegotiationStore.Proposal::deal).toList();
        return new DealSolver(solver.settings().excluding(rejected));
    }

    /** Fails unless {@code viewer} acts for {@code party}, a party to the negotiation: checked before a request body is read. */
    void requireSelf(String id, String party, String viewer, String action) {
        Negotiation negotiation = store.get(id).negotiation();
        if (!negotiation.parties().contains(party)) throw new NoSuchElementException(party + " is not a party to " + id);
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
        proposal.norms().forEach(c -> norms.addObject().put("norm", c.normId()).put("met", c.met()).put("reason", c.reason()));
        o.put("seconds", proposal.seconds());
        return o;
    }
}
