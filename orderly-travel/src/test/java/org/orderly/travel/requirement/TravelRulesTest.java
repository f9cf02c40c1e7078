package org.orderly.travel.requirement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.orderly.regime.Commitment;
import org.orderly.regime.CommitmentTerms;
import org.orderly.regime.EntryPolicy;
import org.orderly.regime.FreeMovement;
import org.orderly.regime.Instrument;
import org.orderly.regime.Participation;
import org.orderly.regime.Pillar;
import org.orderly.regime.Purpose;
import org.orderly.regime.Registry;
import org.orderly.regime.Rulebook;
import org.orderly.regime.Scope;
import org.orderly.regime.Source;
import org.orderly.regime.State;
import org.orderly.regime.Term;
import org.orderly.regime.TravelCategory;
import org.orderly.regime.VisaWaiver;

class TravelRulesTest {
    private static final Source MATRIX = new Source("visa matrix", "matrix.csv", LocalDate.of(2025, 1, 12));
    private static final Source TREATY = new Source("treaty", "treaty text", LocalDate.of(2026, 1, 1));
    private static final LocalDate ON = LocalDate.of(2026, 11, 23);

    private static State state(String code) {
        return new State(
                code, code.substring(0, 2), "999", "State " + code, "R", "S", State.Standing.UN_MEMBER, TREATY);
    }

    private static Instrument instrument(String id, LocalDate inForce) {
        return new Instrument(
                id,
                "Agreement " + id,
                Instrument.Kind.BILATERAL_AGREEMENT,
                Instrument.Level.BILATERAL,
                true,
                inForce,
                inForce,
                Set.of(Pillar.LEGAL_MOVEMENT),
                TREATY);
    }

    private static Participation ratified(String party, String instrument) {
        return new Participation(
                party, instrument, Participation.Status.RATIFIED, LocalDate.of(2020, 1, 1), null, List.of(), TREATY);
    }

    private Registry registry() {
        return new Registry(
                List.of(state("AAA"), state("BBB"), state("CCC"), state("DDD")),
                List.of(
                        instrument("AREA", LocalDate.of(2020, 1, 1)),
                        instrument("WAIVER", LocalDate.of(2020, 1, 1)),
                        instrument("LATER", LocalDate.of(2030, 1, 1))),
                List.of(
                        ratified("AAA", "AREA"),
                        ratified("BBB", "AREA"),
                        ratified("AAA", "WAIVER"),
                        ratified("CCC", "WAIVER"),
                        ratified("AAA", "LATER"),
                        ratified("DDD", "LATER")),
                List.of(
                        new FreeMovement("AREA", Scope.reciprocal(), Term.OPEN, true, TREATY),
                        new VisaWaiver("WAIVER", Scope.bilateral("AAA", "CCC"), Term.OPEN, 90, 180, null, TREATY),
                        CommitmentTerms.toCommitment(
                                Commitment.Kind.LEGAL_CHANNEL,
                                "WAIVER",
                                Scope.bilateral("AAA", "CCC"),
                                Term.OPEN,
                                java.util.Map.of("sector", "care", "annual_quota", "5000"),
                                TREATY),
                        new VisaWaiver("LATER", Scope.bilateral("AAA", "DDD"), Term.OPEN, 30, 180, null, TREATY)),
                List.of(
                        new EntryPolicy("AAA", "BBB", TravelCategory.VISA_FREE, 90, MATRIX),
                        new EntryPolicy("AAA", "CCC", TravelCategory.VISA_REQUIRED, null, MATRIX),
                        new EntryPolicy("AAA", "DDD", TravelCategory.E_VISA, null, MATRIX)));
    }

    private TravelRules rules() {
        return TravelRules.compile(Rulebook.compile(registry(), ON));
    }

    @Test
    void ownNationalsAreAlwaysAdmitted() {
        assertThat(rules().requirement("AAA", "AAA"))
                .get()
                .extracting(TravelRequirement::category)
                .isEqualTo(TravelCategory.OWN_COUNTRY);
    }

    @Test
    void freeMovementTakesPrecedenceOverTheUnilateralPolicyAndSaysSo() {
        TravelRequirement answer = rules().requirement("BBB", "AAA").orElseThrow();
        assertThat(answer.category()).isEqualTo(TravelCategory.FREE_MOVEMENT);
        assertThat(answer.basis()).isEqualTo(TravelRequirement.Basis.COMMITMENT);
        assertThat(answer.instrumentId()).isEqualTo("AREA");
        assertThat(answer.unilateral()).isEqualTo(TravelCategory.VISA_FREE);
        assertThat(answer.overridesUnilateral()).isTrue();
        assertThat(answer.explanation()).contains("takes precedence");
        assertThat(answer.sources()).contains(TREATY, MATRIX);
    }

    @Test
    void aVisaWaiverInForceOverridesAUnilateralVisaRequirement() {
        TravelRequirement answer = rules().requirement("CCC", "AAA").orElseThrow();
        assertThat(answer.category()).isEqualTo(TravelCategory.VISA_FREE);
        assertThat(answer.stayDays()).isEqualTo(90);
        assertThat(answer.windowDays()).isEqualTo(180);
        assertThat(answer.unilateral()).isEqualTo(TravelCategory.VISA_REQUIRED);
    }

    @Test
    void aWaiverNotYetInForceLeavesTheUnilateralPolicy() {
        TravelRequirement answer = rules().requirement("DDD", "AAA").orElseThrow();
        assertThat(answer.category()).isEqualTo(TravelCategory.E_VISA);
        assertThat(answer.basis()).isEqualTo(TravelRequirement.Basis.UNILATERAL_POLICY);
        TravelRules in2031 = TravelRules.compile(Rulebook.compile(registry(), LocalDate.of(2031, 1, 1)));
        assertThat(in2031.requirement("DDD", "AAA"))
                .get()
                .extracting(TravelRequirement::category)
                .isEqualTo(TravelCategory.VISA_FREE);
    }

    @Test
    void commitmentsAreDirectedSoTheWaiverDoesNotFlowBack() {
        TravelRequirement answer = rules().requirement("AAA", "CCC").orElseThrow();
        assertThat(answer.basis()).isEqualTo(TravelRequirement.Basis.NO_RULE);
        assertThat(answer.category()).isEqualTo(TravelCategory.VISA_REQUIRED);
    }

    @Test
    void workNeedsAVisaButALabourAccessCommitmentIsNamedAsTheChannel() {
        TravelRequirement work = rules().requirement("CCC", "AAA", Purpose.WORK).orElseThrow();
        assertThat(work.category()).isEqualTo(TravelCategory.VISA_REQUIRED);
        assertThat(work.instrumentId()).isEqualTo("WAIVER");
        assertThat(work.explanation()).contains("care").contains("5,000");
        assertThat(rules().requirement("BBB", "AAA", Purpose.WORK))
                .get()
                .extracting(TravelRequirement::category)
                .isEqualTo(TravelCategory.FREE_MOVEMENT);
    }

    @Test
    void unknownCodesGiveNoAnswer() {
        assertThat(rules().requirement("ZZZ", "AAA")).isEmpty();
    }
}
