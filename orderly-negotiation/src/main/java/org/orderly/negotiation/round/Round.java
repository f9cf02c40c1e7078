package org.orderly.negotiation.round;

import org.orderly.negotiation.Deal;
import org.orderly.negotiation.Negotiation;
import org.orderly.negotiation.Table;
import org.orderly.negotiation.Valuation;
import org.orderly.negotiation.conclusion.Conclusion;
import org.orderly.negotiation.solver.DealSolver;
import org.orderly.negotiation.solver.Objective;
import org.orderly.negotiation.solver.Outcome;
import org.orderly.regime.Source;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A mediated single-text round: the secretariat opens it, each party enters its valuation
 * privately, the engine proposes, every party accepts or rejects; all accepting concludes it,
 * a rejection sends it back to proposing with the rejected deal excluded.
 */
public final class Round {
    /** Where the round stands. */
    public enum Status { OPEN, PROPOSED, CONCLUDED }

    /** A party's answer to the current proposal. */
    public enum Answer { ACCEPT, REJECT }

    private final Negotiation negotiation;
    private final Map<String, Valuation> valuations = new LinkedHashMap<>();
    private final Map<String, Answer> answers = new LinkedHashMap<>();
    private final List<Deal> rejected = new ArrayList<>();
    private final List<String> history = new ArrayList<>();
    private Status status = Status.OPEN;
    private Outcome lastOutcome;
    private Outcome.Proposal proposal;
    private Conclusion conclusion;

    private Round(Negotiation negotiation) {
        this.negotiation = negotiation;
    }

    /** The secretariat opens a round on a negotiation. */
    public static Round open(Negotiation negotiation) {
        Round round = new Round(negotiation);
        round.history.add("opened");
        return round;
    }

    public Negotiation negotiation() {
        return negotiation;
    }

    public synchronized Status status() {
        return status;
    }

    /** A party enters or revises its own valuation, while no proposal is pending. */
    public synchronized void enterValuation(String party, Valuation valuation) {
        requireParty(party);
        if (!party.equals(valuation.party())) throw new IllegalArgumentException(party + " cannot enter a valuation for " + valuation.party());
        if (status != Status.OPEN) throw new IllegalStateException("valuations can be entered only while the round is open, it is " + status);
        var all = new LinkedHashMap<>(valuations);
        all.put(party, valuation);
        new Table(negotiation, fill(all)); // validates issue and option names now, not at proposal time
        valuations.put(party, valuation);
        history.add(party + " entered its valuation");
    }

    private Map<String, Valuation> fill(Map<String, Valuation> some) {
        Map<String, Valuation> filled = new LinkedHashMap<>();
        for (String party : negotiation.parties()) filled.put(party, some.getOrDefault(party, new Valuation(party, Map.of(), List.of(), 0)));
        return filled;
    }

    /** A valuation as {@code viewer} may see it: only its own, never another party's. */
    public synchronized Optional<Valuation> valuationSeenBy(String viewer, String party) {
        requireParty(party);
        if (!viewer.equals(party)) throw new SecurityException(viewer + " may not see the valuation of " + party);
        return Optional.ofNullable(valuations.get(party));
    }

    /** The parties that have entered a valuation (who has, not what). */
    public synchronized List<String> partiesWithValuations() {
        return List.copyOf(valuations.keySet());
    }

    /** The engine proposes a deal for the objective, excluding every deal rejected before. */
    public synchronized Outcome propose(DealSolver solver, Objective objective) {
        if (status != Status.OPEN) throw new IllegalStateException("the engine proposes only while the round is open, it is " + status);
        List<String> missing = negotiation.parties().stream().filter(p -> !valuations.containsKey(p)).toList();
        if (!missing.isEmpty()) throw new IllegalStateException("waiting for the valuations of " + missing);
        DealSolver excluding = new DealSolver(solver.settings().excluding(rejected));
        lastOutcome = excluding.propose(new Table(negotiation, valuations), objective);
        if (lastOutcome instanceof Outcome.Proposal p) {
            proposal = p;
            answers.clear();
            status = Status.PROPOSED;
            history.add("engine proposed " + p.deal().choices() + " (" + objective + ")");
        } else {
            history.add("engine found no deal: " + ((Outcome.NoDeal) lastOutcome).reason());
        }
        return lastOutcome;
    }

    public synchronized Optional<Outcome.Proposal> proposal() {
        return Optional.ofNullable(proposal);
    }

    /** A party accepts the pending proposal; when all have, the round is ready to conclude. */
    public synchronized void accept(String party) {
        answer(party, Answer.ACCEPT, null);
    }

    /** A party rejects the pending proposal: the round reopens and the deal is never proposed again. */
    public synchronized void reject(String party, String reason) {
        answer(party, Answer.REJECT, reason);
    }

    private void answer(String party, Answer answer, String reason) {
        requireParty(party);
        if (status != Status.PROPOSED) throw new IllegalStateException("there is no pending proposal to answer, the round is " + status);
        answers.put(party, answer);
        history.add(party + (answer == Answer.ACCEPT ? " accepted" : " rejected" + (reason == null ? "" : ": " + reason)));
        if (answer == Answer.REJECT) {
            rejected.add(proposal.deal());
            proposal = null;
            answers.clear();
            status = Status.OPEN;
        }
    }

    public synchronized Map<String, Answer> answers() {
        return Map.copyOf(answers);
    }

    public synchronized boolean allAccepted() {
        return status == Status.PROPOSED && negotiation.parties().stream().allMatch(p -> answers.get(p) == Answer.ACCEPT);
    }

    /** Concludes the accepted deal into an instrument with commitments and ratifications. */
    public synchronized Conclusion conclude(LocalDate date, Source source) {
        if (!allAccepted()) throw new IllegalStateException("every party must accept the proposal before it is concluded");
        conclusion = Conclusion.conclude(negotiation, proposal.deal(), date, source);
        status = Status.CONCLUDED;
        history.add("concluded as instrument " + conclusion.instrument().id() + " on " + date);
        return conclusion;
    }

    public synchronized Optional<Conclusion> conclusion() {
        return Optional.ofNullable(conclusion);
    }

    public synchronized List<Deal> rejectedDeals() {
        return List.copyOf(rejected);
    }

    /** What happened, in order, without any valuation's content. */
    public synchronized List<String> history() {
        return List.copyOf(history);
    }

    /** Everything the engine sees; for the mediator only, never for a party. */
    public synchronized Table tableForEngine() {
        return new Table(negotiation, valuations);
    }

    private void requireParty(String party) {
        if (!negotiation.parties().contains(party)) throw new IllegalArgumentException(party + " is not a party to " + negotiation.id());
    }
}
