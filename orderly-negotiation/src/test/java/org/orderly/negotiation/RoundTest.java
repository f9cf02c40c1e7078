package org.orderly.negotiation;

import org.junit.jupiter.api.Test;
import org.orderly.negotiation.conclusion.Conclusion;
import org.orderly.negotiation.format.NegotiationJson;
import org.orderly.negotiation.round.Round;
import org.orderly.negotiation.solver.DealSolver;
import org.orderly.negotiation.solver.Objective;
import org.orderly.negotiation.solver.Outcome;
import org.orderly.regime.Commitment;
import org.orderly.regime.Instrument;
import org.orderly.regime.LegalChannel;
import org.orderly.regime.Participation;
import org.orderly.regime.Registry;
import org.orderly.regime.Rulebook;
import org.orderly.regime.Source;
import org.orderly.regime.State;
import org.orderly.regime.VisaWaiver;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RoundTest {
    private static final Source SOURCE = new Source("Round test", "RoundTest", LocalDate.of(2026, 1, 1));
    private final Table demo = NegotiationJson.demo();

    @Test
    void rejectionExcludesTheDealAndUnanimousAcceptanceConcludes() {
        Round round = Round.open(demo.negotiation());
        round.enterValuation("DEU", demo.valuation("DEU"));
        assertThatThrownBy(() -> round.propose(new DealSolver(), Objective.NASH)).hasMessageContaining("MAR");
        round.enterValuation("MAR", demo.valuation("MAR"));
        Outcome.Proposal first = (Outcome.Proposal) round.propose(new DealSolver(), Objective.NASH);
        assertThat(round.status()).isEqualTo(Round.Status.PROPOSED);
        round.accept("DEU");
        round.reject("MAR", "the readmission deadline is too short");
        assertThat(round.status()).isEqualTo(Round.Status.OPEN);
        Outcome.Proposal second = (Outcome.Proposal) round.propose(new DealSolver(), Objective.NASH);
        assertThat(second.deal()).isNotEqualTo(first.deal());
        round.accept("DEU");
        assertThat(round.allAccepted()).isFalse();
        round.accept("MAR");
        Conclusion conclusion = round.conclude(LocalDate.of(2026, 6, 1), SOURCE);
        assertThat(round.status()).isEqualTo(Round.Status.CONCLUDED);
        assertThat(conclusion.instrument().inForce()).isEqualTo(LocalDate.of(2026, 6, 1));
        assertThat(round.history()).noneMatch(line -> line.contains("reservation"));
    }

    @Test
    void aPartySeesOnlyItsOwnValuation() {
        Round round = Round.open(demo.negotiation());
        round.enterValuation("MAR", demo.valuation("MAR"));
        assertThat(round.valuationSeenBy("MAR", "MAR")).contains(demo.valuation("MAR"));
        assertThatThrownBy(() -> round.valuationSeenBy("DEU", "MAR")).isInstanceOf(SecurityException.class);
        assertThatThrownBy(() -> round.enterValuation("DEU", demo.valuation("MAR"))).hasMessageContaining("DEU cannot enter a valuation for MAR");
    }

    @Test
    void conclusionMakesABindingBilateralInstrumentWithTypedCommitmentsThatTheRulebookApplies() {
        Map<String, String> choices = new LinkedHashMap<>(Deal.noDeal(demo.negotiation()).choices());
        choices.put("labour-care", "q5000");
        choices.put("rights-floor", "yes");
        choices.put("visa-short-stay", "v90");
        choices.put("readmission", "r30");
        choices.put("return-safeguards", "yes");
        LocalDate date = LocalDate.of(2026, 6, 1);
        Conclusion conclusion = Conclusion.conclude(demo.negotiation(), new Deal(choices), date, SOURCE);
        assertThat(conclusion.instrument().kind()).isEqualTo(Instrument.Kind.BILATERAL_AGREEMENT);
        assertThat(conclusion.instrument().binding()).isTrue();
        assertThat(conclusion.instrument().adopted()).isEqualTo(date);
        assertThat(conclusion.commitments()).extracting(Commitment::kind).containsExactlyInAnyOrder(
                Commitment.Kind.LEGAL_CHANNEL, Commitment.Kind.RIGHTS_FLOOR, Commitment.Kind.READMISSION,
                Commitment.Kind.RIGHTS_FLOOR, Commitment.Kind.VISA_WAIVER);
        assertThat(conclusion.participations()).extracting(Participation::status).containsOnly(Participation.Status.RATIFIED);
        LegalChannel labour = conclusion.commitments().stream().filter(LegalChannel.class::isInstance).map(LegalChannel.class::cast).findFirst().orElseThrow();
        assertThat(labour.facts().quotas()).singleElement().extracting(q -> q.places()).isEqualTo(5000);
        assertThat(labour.title()).contains("care");

        Registry before = new Registry(List.of(state("DEU", "Germany"), state("MAR", "Morocco")), List.of(), List.of(), List.of(), List.of());
        Registry after = conclusion.addTo(before);
        assertThat(Rulebook.compile(before, date).first("DEU", "MAR", VisaWaiver.class)).isEmpty();
        VisaWaiver waiver = Rulebook.compile(after, date).first("DEU", "MAR", VisaWaiver.class).orElseThrow();
        assertThat(waiver.stayDays()).isEqualTo(90);
        assertThat(waiver.windowDays()).isEqualTo(180);
        assertThat(Rulebook.compile(after, date.minusDays(1)).first("DEU", "MAR", VisaWaiver.class)).isEmpty();
    }

    @Test
    void refusesToConcludeADealThatBreaksANorm() {
        Map<String, String> choices = new LinkedHashMap<>(Deal.noDeal(demo.negotiation()).choices());
        choices.put("labour-care", "q1000");
        assertThatThrownBy(() -> Conclusion.conclude(demo.negotiation(), new Deal(choices), LocalDate.of(2026, 6, 1), SOURCE))
                .hasMessageContaining("labour-with-rights");
    }

    private static State state(String code, String name) {
        return new State(code, null, null, name, null, null, State.Standing.UN_MEMBER, SOURCE);
    }
}
