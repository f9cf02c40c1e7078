package org.orderly.negotiation.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.orderly.negotiation.Deal;
import org.orderly.negotiation.Issue;
import org.orderly.negotiation.Table;
import org.orderly.negotiation.Valuation;
import org.orderly.negotiation.format.NegotiationJson;
import org.orderly.negotiation.solver.DealSolver;
import org.orderly.negotiation.solver.Objective;
import org.orderly.negotiation.solver.Outcome;
import org.orderly.regime.Commitment;
import org.orderly.regime.Registry;
import org.orderly.regime.Scope;
import org.orderly.regime.VisaWaiver;
import org.orderly.regime.coherence.CoherenceChecker;
import org.orderly.regime.coherence.Conflict;

/** The one negotiation state machine under each procedure: single text, consensus, qualified majority, request-offer. */
class ProceedingsTest {
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final Proceedings.Actor SECRETARIAT = Proceedings.Actor.secretariat("secretariat");
    private static final Registry EMPTY = new Registry(List.of(), List.of(), List.of(), List.of(), List.of());
    private final Table demo = NegotiationJson.demo();

    private static Proceedings.Actor party(String code) {
        return Proceedings.Actor.forParty(code.toLowerCase() + "-negotiator", code);
    }

    /** Opens, enters both demo valuations, and returns the proceedings with its steps kept (as the store keeps them). */
    private Kept open(Procedure procedure) {
        Proceedings.Opening opening = Proceedings.Opening.of(demo.negotiation(), procedure, false);
        Kept kept = new Kept(opening, new ArrayList<>());
        kept.steps.add(Proceedings.opened(opening, SECRETARIAT, T0));
        kept.record(party("DEU"), new Step.ValuationEntered(), T0.plusSeconds(60));
        kept.record(party("MAR"), new Step.ValuationEntered(), T0.plusSeconds(120));
        return kept;
    }

    private record Kept(Proceedings.Opening opening, List<Step> steps) {
        Proceedings now() {
            return Proceedings.replay(opening, steps);
        }

        Step record(Proceedings.Actor actor, Step.Act act, Instant at) {
            Step step = now().record(actor, act, at);
            steps.add(step);
            return step;
        }

        /** The engine's proposal, as the service makes it: never a deal blocked before. */
        Deal propose(Proceedings.Actor actor, Table table, Instant at) {
            Proceedings p = now();
            Outcome.Proposal proposal =
                    (Outcome.Proposal) p.engine(new DealSolver(), at).propose(table, Objective.NASH);
            record(actor, new Step.Proposed(p.proposals().size() + 1, "NASH", proposal.deal(), "{}"), at);
            return proposal.deal();
        }
    }

    @Test
    void aRejectionExcludesTheDealAndUnanimousAcceptanceConcludes() {
        Kept kept = open(Procedure.mediatedSingleText());
        Deal first = kept.propose(SECRETARIAT, demo, T0.plusSeconds(300));
        assertThat(kept.now().status(T0.plusSeconds(300))).isEqualTo(Proceedings.Status.PROPOSED);
        kept.record(party("DEU"), new Step.Answered(1, Answer.ACCEPT, null), T0.plusSeconds(400));
        assertThatThrownBy(
                        () -> kept.record(party("MAR"), new Step.Answered(1, Answer.REJECT, " "), T0.plusSeconds(500)))
                .hasMessageContaining("a rejection needs a reason");
        kept.record(
                party("MAR"),
                new Step.Answered(1, Answer.REJECT, "the readmission deadline is too short"),
                T0.plusSeconds(500));
        assertThat(kept.now().status(T0.plusSeconds(500))).isEqualTo(Proceedings.Status.OPEN);
        Deal second = kept.propose(SECRETARIAT, demo, T0.plusSeconds(600));
        assertThat(second).isNotEqualTo(first);
        assertThatThrownBy(
                        () -> kept.record(SECRETARIAT, new Step.Proposed(3, "NASH", first, "{}"), T0.plusSeconds(650)))
                .isInstanceOf(IllegalStateException.class);
        kept.record(party("DEU"), new Step.Answered(2, Answer.ACCEPT, null), T0.plusSeconds(700));
        assertThat(kept.now().mayConclude(T0.plusSeconds(700))).isFalse();
        assertThatThrownBy(() -> kept.record(
                        party("DEU"), new Step.Answered(2, Answer.REJECT, "changed my mind"), T0.plusSeconds(750)))
                .hasMessageContaining("DEU has answered proposal 2 already");
        kept.record(party("MAR"), new Step.Answered(2, Answer.ACCEPT, null), T0.plusSeconds(800));
        Proceedings p = kept.now();
        assertThat(p.mayConclude(T0.plusSeconds(800))).isTrue();
        Proceedings.Concluding concluding =
                p.conclude(SECRETARIAT, T0.plusSeconds(900), EMPTY, CoherenceChecker.NO_RULES, null);
        kept.steps.add(concluding.step());
        assertThat(kept.now().status(T0.plusSeconds(900))).isEqualTo(Proceedings.Status.CONCLUDED);
        assertThat(concluding.conclusion().orElseThrow().instrument().inForce()).isEqualTo(LocalDate.of(2026, 3, 2));
        // Every step is kept with its time and actor; none says what a valuation holds.
        assertThat(kept.now().steps())
                .extracting(Step::who)
                .contains("secretariat", "deu-negotiator for DEU", "mar-negotiator for MAR");
        assertThat(kept.now().steps())
                .extracting(s -> s.act().describe())
                .noneMatch(line -> line.contains("reservation"));
    }

    @Test
    void aStepOnlyTheRightActorMayTakeIsRefused() {
        Kept kept = open(Procedure.mediatedSingleText());
        assertThatThrownBy(() -> kept.record(
                        party("DEU"),
                        new Step.Proposed(1, "JOINT", Deal.noDeal(demo.negotiation()), "{}"),
                        T0.plusSeconds(200)))
                .isInstanceOf(SecurityException.class)
                .hasMessageContaining("only [secretariat] may table a proposal");
        assertThatThrownBy(() -> kept.record(party("FRA"), new Step.ValuationEntered(), T0.plusSeconds(200)))
                .isInstanceOf(SecurityException.class)
                .hasMessage("only a party may enter a valuation");
        assertThatThrownBy(
                        () -> kept.record(SECRETARIAT, new Step.Answered(1, Answer.ACCEPT, null), T0.plusSeconds(200)))
                .isInstanceOf(SecurityException.class);
    }

    @Test
    void underConsensusAnObjectionBeforeTheDeadlineBlocksTheDeal() {
        Procedure consensus = Procedure.consultativeConsensus(
                        List.of("DEU", "MAR"), LocalDate.of(2026, 1, 1), Duration.ofDays(14), Set.of())
                .withRotation(Chair.Kind.CO_CHAIRS);
        Kept kept = open(consensus);
        Deal proposed = kept.propose(SECRETARIAT, demo, T0.plusSeconds(300));
        Instant deadline = T0.plusSeconds(300).plus(Duration.ofDays(14));
        assertThat(kept.now().decision(deadline.minusSeconds(1)).orElseThrow().outcome())
                .isEqualTo(Decision.Outcome.PENDING);
        kept.record(
                party("MAR"),
                new Step.Answered(1, Answer.REJECT, "the readmission clause needs a review first"),
                deadline.minusSeconds(60));
        Proceedings p = kept.now();
        assertThat(p.decision(deadline.plusSeconds(1)).orElseThrow().reason())
                .isEqualTo("MAR objected before the deadline");
        assertThat(p.status(deadline.plusSeconds(1))).isEqualTo(Proceedings.Status.OPEN);
        assertThat(p.mayConclude(deadline.plusSeconds(1))).isFalse();
        assertThatThrownBy(
                        () -> p.conclude(SECRETARIAT, deadline.plusSeconds(1), EMPTY, CoherenceChecker.NO_RULES, null))
                .isInstanceOf(IllegalStateException.class);
        assertThat(p.rejectedDeals(deadline)).containsExactly(proposed);
    }

    @Test
    void underConsensusSilenceUntilTheDeadlineAdoptsAndALateObjectionIsRefused() {
        Procedure consensus = Procedure.consultativeConsensus(
                        List.of("DEU", "MAR"), LocalDate.of(2026, 1, 1), Duration.ofDays(14), Set.of())
                .withRotation(Chair.Kind.CO_CHAIRS);
        Kept kept = open(consensus);
        kept.propose(SECRETARIAT, demo, T0.plusSeconds(300));
        Instant deadline = T0.plusSeconds(300).plus(Duration.ofDays(14));
        assertThat(kept.now().mayConclude(deadline.minusSeconds(1))).isFalse();
        assertThatThrownBy(() -> kept.record(
                        party("MAR"), new Step.Answered(1, Answer.REJECT, "too late"), deadline.plusSeconds(1)))
                .hasMessageContaining("the objection period for proposal 1 ended at 2026-03-16 09:05 UTC");
        Proceedings p = kept.now();
        assertThat(p.decision(deadline).orElseThrow().reason()).isEqualTo("no party objected by 2026-03-16 09:05 UTC");
        assertThat(p.mayConclude(deadline)).isTrue();
        assertThat(p.conclude(SECRETARIAT, deadline, EMPTY, CoherenceChecker.NO_RULES, null)
                        .step()
                        .act())
                .isInstanceOf(Step.Concluded.class);
    }

    @Test
    void theChairMayTableAProposalAndObserversSpeakButNeverDecide() {
        Procedure consensus = Procedure.consultativeConsensus(
                        List.of("DEU", "MAR"), LocalDate.of(2026, 1, 1), Duration.ofDays(7), Set.of("IOM"))
                .withRotation(Chair.Kind.CO_CHAIRS);
        Kept kept = open(consensus);
        Proceedings.Actor iom = Proceedings.Actor.forParty("iom-observer", "IOM");
        kept.record(iom, new Step.Statement("Safeguards for returnees should be monitored."), T0.plusSeconds(150));
        kept.record(
                iom,
                new Step.PaperFiled("Return monitoring", "A short paper on monitoring returns."),
                T0.plusSeconds(160));
        assertThatThrownBy(() -> kept.record(iom, new Step.ValuationEntered(), T0.plusSeconds(170)))
                .hasMessage("observers may speak and file papers, not enter a valuation");
        kept.propose(party("DEU"), demo, T0.plusSeconds(300));
        assertThatThrownBy(() -> kept.record(iom, new Step.Answered(1, Answer.REJECT, "no"), T0.plusSeconds(400)))
                .hasMessageContaining("observers may speak and file papers, not decide");
        assertThat(kept.now().publicSteps())
                .extracting(s -> s.who() + " " + s.act().describe())
                .contains("iom-observer for IOM said: Safeguards for returnees should be monitored.");
    }

    @Test
    void aTroikaRotatesAndNamesThePreviousAndNextChair() {
        Chair troika = new Chair(Chair.Kind.TROIKA, List.of("DEU", "MAR", "SEN", "FRA"), 6, LocalDate.of(2026, 1, 1));
        assertThat(troika.chairsOn(LocalDate.of(2026, 3, 1))).containsExactly("DEU");
        assertThat(troika.troikaOn(LocalDate.of(2026, 3, 1))).containsExactly("FRA", "DEU", "MAR");
        assertThat(troika.chairsOn(LocalDate.of(2026, 7, 1))).containsExactly("MAR");
        assertThat(troika.describe(LocalDate.of(2027, 1, 15)))
                .isEqualTo(
                        "SEN chairs, in a troika with MAR (previous chair) and FRA (next chair), rotating every 6 months");
        Chair co = new Chair(Chair.Kind.CO_CHAIRS, List.of("DEU", "MAR", "SEN"), 12, LocalDate.of(2026, 1, 1));
        assertThat(co.chairsOn(LocalDate.of(2028, 5, 1))).containsExactly("SEN", "DEU");
    }

    @Test
    void aQualifiedMajorityAdoptsWithEnoughWeightAndBlocksWhenItCanNoLongerBeReached() {
        DecisionRule rule = new DecisionRule.QualifiedMajority(Map.of("DEU", 5, "FRA", 4, "MAR", 2, "SEN", 1), 65, 50);
        List<String> members = List.of("DEU", "FRA", "MAR", "SEN");
        Instant deadline = T0.plus(Duration.ofDays(7));
        assertThat(rule.decide(members, Map.of("DEU", Answer.ACCEPT, "FRA", Answer.ACCEPT), deadline, T0, 4)
                        .outcome())
                .isEqualTo(Decision.Outcome.ADOPTED);
        assertThat(rule.decide(
                                members,
                                Map.of("DEU", Answer.ACCEPT, "MAR", Answer.ACCEPT, "SEN", Answer.ACCEPT),
                                deadline,
                                T0,
                                4)
                        .outcome())
                .as("8 of 12 weight is 66.7%")
                .isEqualTo(Decision.Outcome.ADOPTED);
        assertThat(rule.decide(members, Map.of("DEU", Answer.ACCEPT, "MAR", Answer.ACCEPT), deadline, T0, 4)
                        .outcome())
                .isEqualTo(Decision.Outcome.PENDING);
        Decision blocked = rule.decide(members, Map.of("DEU", Answer.REJECT, "FRA", Answer.ABSTAIN), deadline, T0, 4);
        assertThat(blocked.outcome()).isEqualTo(Decision.Outcome.BLOCKED);
        assertThat(blocked.reason())
                .isEqualTo("a qualified majority can no longer be reached (accepting: 0 of 4 members, 0 of 12 weight)");
        assertThat(rule.decide(members, Map.of("DEU", Answer.ACCEPT, "MAR", Answer.ACCEPT), deadline, deadline, 4)
                        .outcome())
                .as("at the deadline the silent count as not accepting")
                .isEqualTo(Decision.Outcome.BLOCKED);
    }

    @Test
    void aQualifiedMajorityVoteRunsThroughTheProceedingsWithItsDeadline() {
        Procedure vote = Procedure.qualifiedMajority(Map.of("DEU", 3, "MAR", 1), 65, 0, Duration.ofDays(3));
        Kept kept = open(vote);
        kept.propose(SECRETARIAT, demo, T0.plusSeconds(300));
        kept.record(party("MAR"), new Step.Answered(1, Answer.REJECT, "the quota is too low"), T0.plusSeconds(400));
        assertThat(kept.now().status(T0.plusSeconds(400)))
                .as("a rejection alone does not block a weighted vote")
                .isEqualTo(Proceedings.Status.PROPOSED);
        kept.record(party("DEU"), new Step.Answered(1, Answer.ACCEPT, null), T0.plusSeconds(500));
        assertThat(kept.now().mayConclude(T0.plusSeconds(500))).isTrue();
        assertThatThrownBy(() -> kept.now()
                        .record(party("MAR"), new Step.Answered(1, Answer.ACCEPT, null), T0.plus(Duration.ofDays(4))))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void concludingWithAConflictNeedsTheSecretariatsRecordedOverride() {
        Kept kept = open(Procedure.mediatedSingleText());
        kept.propose(SECRETARIAT, demo, T0.plusSeconds(300));
        kept.record(party("DEU"), new Step.Answered(1, Answer.ACCEPT, null), T0.plusSeconds(400));
        kept.record(party("MAR"), new Step.Answered(1, Answer.ACCEPT, null), T0.plusSeconds(500));
        CoherenceChecker one = (registry, draft, date) -> List.of(new Conflict(
                "test",
                Conflict.Severity.CONFLICT,
                "a test conflict",
                List.of(draft.instrument().id()),
                List.of(),
                List.of("DEU"),
                List.of(new org.orderly.regime.Source("ProceedingsTest", "", date))));
        assertThatThrownBy(() -> kept.now().conclude(SECRETARIAT, T0.plusSeconds(600), EMPTY, one, " "))
                .hasMessageContaining("found 1 conflict(s), so concluding needs the secretariat's recorded override")
                .hasMessageContaining("conflict: a test conflict");
        Step step = kept.now()
                .conclude(SECRETARIAT, T0.plusSeconds(600), EMPTY, one, "agreed to fix it in the next round")
                .step();
        assertThat(((Step.Concluded) step.act()).override()).isEqualTo("agreed to fix it in the next round");
        assertThat(step.act().describe()).contains("overrode 1 conflict(s): agreed to fix it in the next round");
    }

    @Test
    void replayingTheKeptStepsGivesTheSameProceedingsAndRefusesAStepOutOfOrder() {
        Kept kept = open(Procedure.mediatedSingleText());
        kept.propose(SECRETARIAT, demo, T0.plusSeconds(300));
        for (Step step : kept.steps)
            assertThat(ProcedureJson.readAct(ProcedureJson.writeAct(step.act())))
                    .isEqualTo(step.act());
        List<Step> shuffled = new ArrayList<>(kept.steps);
        shuffled.remove(1);
        assertThatThrownBy(() -> Proceedings.replay(kept.opening, shuffled)).isInstanceOf(IllegalStateException.class);
    }

    // ---- request-offer rounds ------------------------------------------------------------------------------------

    private static final List<String> THREE = List.of("DEU", "MAR", "SEN");

    private static Step.Offer visaWaiver(String id, String grantor, int days, List<String> answering) {
        return new Step.Offer(
                id,
                grantor,
                days + "-day visa waiver",
                Commitment.Kind.VISA_WAIVER,
                Map.of("windowDays", "180"),
                BigDecimal.valueOf(days),
                answering);
    }

    @Test
    void aRequestOfferRoundFindsThePackageAmongTheOffersAndExtendsItUnderMfnUnlessExcepted() {
        Proceedings.Opening opening =
                new Proceedings.Opening("RO", "Request-offer round", THREE, Procedure.requestOffer(), null, false);
        Kept kept = new Kept(opening, new ArrayList<>());
        kept.steps.add(Proceedings.opened(opening, SECRETARIAT, T0));
        assertThat(kept.now().status(T0)).isEqualTo(Proceedings.Status.REQUESTS_AND_OFFERS);
        kept.record(
                party("MAR"),
                new Step.RequestFiled(new Step.Request(
                        "mar-1",
                        "MAR",
                        "DEU",
                        "Visa-free short stays in Germany",
                        Commitment.Kind.VISA_WAIVER,
                        BigDecimal.valueOf(90))),
                T0.plusSeconds(10));
        kept.record(
                party("DEU"),
                new Step.RequestFiled(new Step.Request(
                        "deu-1",
                        "DEU",
                        "MAR",
                        "Readmission within 30 days",
                        Commitment.Kind.READMISSION,
                        BigDecimal.valueOf(30))),
                T0.plusSeconds(20));
        kept.record(
                party("DEU"),
                new Step.OfferFiled(visaWaiver("deu-visa", "DEU", 90, List.of("mar-1"))),
                T0.plusSeconds(30));
        kept.record(
                party("MAR"),
                new Step.OfferFiled(new Step.Offer(
                        "mar-readmission",
                        "MAR",
                        "Readmission of own nationals within 30 days",
                        Commitment.Kind.READMISSION,
                        Map.of(),
                        BigDecimal.valueOf(30),
                        List.of("deu-1"))),
                T0.plusSeconds(40));
        kept.record(
                party("MAR"),
                new Step.ExceptionsScheduled(List.of(new Step.Exemption(
                        Commitment.Kind.READMISSION, "readmission agreements are bilateral by nature"))),
                T0.plusSeconds(45));
        assertThatThrownBy(() -> kept.record(
                        party("SEN"),
                        new Step.OfferFiled(visaWaiver("sen-bad", "SEN", 90, List.of("mar-1"))),
                        T0.plusSeconds(50)))
                .hasMessage("request mar-1 is addressed to DEU, not to SEN");
        assertThatThrownBy(() -> kept.record(
                        party("DEU"),
                        new Step.OfferFiled(new Step.Offer(
                                "deu-bad",
                                "DEU",
                                "Bad",
                                Commitment.Kind.VISA_WAIVER,
                                Map.of("windowDays", "half a year"),
                                BigDecimal.valueOf(90),
                                List.of())),
                        T0.plusSeconds(50)))
                .hasMessage("offer deu-bad: VISA_WAIVER term 'window_days' must be a whole number, was 'half a year'");
        assertThatThrownBy(() -> kept.record(party("DEU"), new Step.OffersClosed(), T0.plusSeconds(55)))
                .isInstanceOf(SecurityException.class);
        kept.record(SECRETARIAT, new Step.OffersClosed(), T0.plusSeconds(60));

        Proceedings p = kept.now();
        var negotiation = p.negotiation();
        Issue visa = negotiation.issue("deu-visa").orElseThrow();
        assertThat(visa.options()).extracting(o -> o.id()).containsExactly("withheld", "bilateral", "mfn");
        assertThat(negotiation.issue("mar-readmission").orElseThrow().options())
                .extracting(o -> o.id())
                .as("listed in MAR's schedule of exceptions: bound bilaterally only")
                .containsExactly("withheld", "bilateral");
        assertThat(negotiation.norms()).extracting(n -> n.id()).containsExactly("mfn-deu-visa");

        // Private valuations over the offers: each party values each binding; SEN gains from the MFN extension.
        Map<String, Valuation> valuations = new LinkedHashMap<>();
        valuations.put(
                "DEU",
                new Valuation(
                        "DEU",
                        Map.of(
                                "deu-visa",
                                Map.of("bilateral", -6L, "mfn", -10L),
                                "mar-readmission",
                                Map.of("bilateral", 20L)),
                        List.of(),
                        0));
        valuations.put(
                "MAR",
                new Valuation(
                        "MAR",
                        Map.of(
                                "deu-visa",
                                Map.of("bilateral", 25L, "mfn", 22L),
                                "mar-readmission",
                                Map.of("bilateral", -12L)),
                        List.of(),
                        0));
        valuations.put(
                "SEN", new Valuation("SEN", Map.of("deu-visa", Map.of("bilateral", 0L, "mfn", 15L)), List.of(), 0));
        for (String party : THREE) kept.record(party(party), new Step.ValuationEntered(), T0.plusSeconds(70));
        Table table = new Table(negotiation, valuations);
        Deal deal = kept.propose(SECRETARIAT, table, T0.plusSeconds(80));
        assertThat(deal.choices()).containsEntry("deu-visa", "mfn").containsEntry("mar-readmission", "bilateral");

        RequestOfferRound round = kept.now().round();
        assertThat(round.mfnEffect(deal, valuations.get("SEN")).total()).isEqualTo(15);
        assertThat(round.mfnEffect(deal, valuations.get("SEN")).receivedThroughMfn())
                .containsExactly("deu-visa");
        assertThat(round.mfnEffect(deal, valuations.get("DEU")).total())
                .as("extending to SEN costs DEU")
                .isEqualTo(-4);
        assertThat(round.mfnEffect(deal, valuations.get("MAR")).total())
                .as("sharing the waiver with SEN")
                .isEqualTo(-3);
        assertThat(kept.now().extensions())
                .containsExactly(
                        "DEU — 90-day visa waiver: bound for every party under MFN; extended to SEN, who did not request it",
                        "MAR — Readmission of own nationals within 30 days: bound for DEU only, as MAR's schedule of exceptions lists readmission");

        for (String party : THREE)
            kept.record(party(party), new Step.Answered(1, Answer.ACCEPT, null), T0.plusSeconds(90));
        Proceedings.Concluding concluding =
                kept.now().conclude(SECRETARIAT, T0.plusSeconds(100), EMPTY, CoherenceChecker.NO_RULES, null);
        var commitments = concluding.conclusion().orElseThrow().commitments();
        VisaWaiver waiver = commitments.stream()
                .filter(VisaWaiver.class::isInstance)
                .map(VisaWaiver.class::cast)
                .findFirst()
                .orElseThrow();
        assertThat(((Scope.Directed) waiver.scope()).beneficiaries()).containsExactlyInAnyOrder("MAR", "SEN");
        Commitment readmission = commitments.stream()
                .filter(c -> c.kind() == Commitment.Kind.READMISSION)
                .findFirst()
                .orElseThrow();
        assertThat(((Scope.Directed) readmission.scope()).beneficiaries()).containsExactly("DEU");
        assertThat(concluding.conclusion().orElseThrow().instrument().kind().name())
                .isEqualTo("REGIONAL_AGREEMENT");
    }
}
