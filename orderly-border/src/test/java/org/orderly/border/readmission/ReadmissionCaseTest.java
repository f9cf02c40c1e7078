package org.orderly.border.readmission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.orderly.regime.Instrument;
import org.orderly.regime.Participation;
import org.orderly.regime.Pillar;
import org.orderly.regime.Readmission;
import org.orderly.regime.Registry;
import org.orderly.regime.Rulebook;
import org.orderly.regime.Scope;
import org.orderly.regime.Source;
import org.orderly.regime.State;
import org.orderly.regime.Term;

class ReadmissionCaseTest {
    private static final Source TREATY = new Source("treaty", "treaty text", LocalDate.of(2026, 1, 1));

    private static State state(String code) {
        return new State(
                code, code.substring(0, 2), "999", "State " + code, "R", "S", State.Standing.UN_MEMBER, TREATY);
    }

    /** AAA readmits BBB's requests within 30 days under an agreement in force from 2020; nothing binds CCC. */
    private static Rulebook rulebook(LocalDate on) {
        Instrument agreement = new Instrument(
                "RA",
                "Readmission agreement AAA-BBB",
                Instrument.Kind.BILATERAL_AGREEMENT,
                Instrument.Level.BILATERAL,
                true,
                LocalDate.of(2020, 1, 1),
                LocalDate.of(2020, 1, 1),
                Set.of(Pillar.LEGAL_MOVEMENT),
                TREATY);
        Registry registry = new Registry(
                List.of(state("AAA"), state("BBB"), state("CCC")),
                List.of(agreement),
                List.of(
                        new Participation(
                                "AAA",
                                "RA",
                                Participation.Status.RATIFIED,
                                LocalDate.of(2020, 1, 1),
                                null,
                                List.of(),
                                TREATY),
                        new Participation(
                                "BBB",
                                "RA",
                                Participation.Status.RATIFIED,
                                LocalDate.of(2020, 1, 1),
                                null,
                                List.of(),
                                TREATY)),
                List.of(new Readmission("RA", Scope.bilateral("AAA", "BBB"), Term.OPEN, 30, false, TREATY)),
                List.of());
        return Rulebook.compile(registry, on);
    }

    @Test
    void aRequestUnderTheAgreementCarriesItsDeadlineAndALateFirstAnswerIsABreach() {
        ReadmissionCase request =
                ReadmissionCase.open("R1", rulebook(LocalDate.of(2026, 3, 1)), "BBB", "AAA", "case-file 17", "AAA");
        assertThat(request.instrumentId()).isEqualTo("RA");
        assertThat(request.answerDue()).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(request.breached(LocalDate.of(2026, 3, 31))).isFalse();
        assertThat(request.breached(LocalDate.of(2026, 4, 1))).isTrue();
        ReadmissionCase asked = request.answer(new ReadmissionCase.Answer(
                LocalDate.of(2026, 3, 20), ReadmissionCase.Kind.ASK_FOR_EVIDENCE, "birth certificate"));
        assertThat(asked.status()).isEqualTo(ReadmissionCase.Status.EVIDENCE_REQUESTED);
        assertThat(asked.breached(LocalDate.of(2026, 6, 1))).isFalse();
        ReadmissionCase late =
                request.answer(new ReadmissionCase.Answer(LocalDate.of(2026, 4, 2), ReadmissionCase.Kind.ACCEPT, null));
        assertThat(late.status()).isEqualTo(ReadmissionCase.Status.ACCEPTED);
        assertThat(late.breached(LocalDate.of(2026, 4, 2))).isTrue();
    }

    @Test
    void aRequestWithNoCommitmentInForceIsMarkedOutsideAnyAgreementAndNeverBreached() {
        ReadmissionCase request =
                ReadmissionCase.open("R2", rulebook(LocalDate.of(2026, 3, 1)), "CCC", "AAA", "case-file 18", "AAA");
        assertThat(request.outsideAnyAgreement()).isTrue();
        assertThat(request.answerDue()).isNull();
        assertThat(request.breached(LocalDate.of(2030, 1, 1))).isFalse();
        // The commitment is owed by AAA to BBB, not the other way round.
        assertThat(ReadmissionCase.open("R3", rulebook(LocalDate.of(2026, 3, 1)), "AAA", "BBB", "f", "BBB")
                        .outsideAnyAgreement())
                .isTrue();
    }

    @Test
    void aDecidedCaseTakesNoFurtherAnswerAndARefusalNeedsAReason() {
        ReadmissionCase request =
                ReadmissionCase.open("R4", rulebook(LocalDate.of(2026, 3, 1)), "BBB", "AAA", "f", "AAA");
        assertThatThrownBy(() -> new ReadmissionCase.Answer(LocalDate.of(2026, 3, 2), ReadmissionCase.Kind.REFUSE, " "))
                .hasMessage("a refusal needs its reason");
        ReadmissionCase refused = request.answer(
                new ReadmissionCase.Answer(LocalDate.of(2026, 3, 2), ReadmissionCase.Kind.REFUSE, "not a national"));
        assertThatThrownBy(() -> refused.answer(
                        new ReadmissionCase.Answer(LocalDate.of(2026, 3, 3), ReadmissionCase.Kind.ACCEPT, null)))
                .hasMessage("case R4 is already decided (refused)");
        assertThatThrownBy(() -> request.answer(
                        new ReadmissionCase.Answer(LocalDate.of(2026, 2, 1), ReadmissionCase.Kind.ACCEPT, null)))
                .hasMessageContaining("comes before 2026-03-01");
    }
}
