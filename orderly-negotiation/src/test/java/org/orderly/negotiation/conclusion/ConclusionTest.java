package org.orderly.negotiation.conclusion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.orderly.negotiation.CommitmentTemplate;
import org.orderly.negotiation.Deal;
import org.orderly.negotiation.Issue;
import org.orderly.negotiation.Negotiation;
import org.orderly.negotiation.Option;
import org.orderly.negotiation.format.NegotiationJson;
import org.orderly.regime.Commitment;
import org.orderly.regime.CommitmentTerms;
import org.orderly.regime.Instrument;
import org.orderly.regime.LegalChannel;
import org.orderly.regime.Participation;
import org.orderly.regime.Pillar;
import org.orderly.regime.Readmission;
import org.orderly.regime.Registry;
import org.orderly.regime.RightsFloor;
import org.orderly.regime.Rulebook;
import org.orderly.regime.Source;
import org.orderly.regime.State;
import org.orderly.regime.VisaWaiver;

/** A concluded deal's commitments are built by the registry's one builder, so they read as the registry reads them. */
class ConclusionTest {
    private static final Source SOURCE = new Source("Conclusion test", "ConclusionTest", LocalDate.of(2026, 1, 1));
    private static final LocalDate DATE = LocalDate.of(2026, 6, 1);

    @Test
    void everyConcludedCommitmentIsWhatTheRegistryBuildsFromItsOwnTerms() {
        var demo = NegotiationJson.demo();
        Map<String, String> choices = new LinkedHashMap<>();
        for (Issue issue : demo.negotiation().issues())
            choices.put(
                    issue.id(), issue.options().get(issue.options().size() - 1).id());
        choices.put("readmission", "r30");
        Conclusion conclusion = Conclusion.conclude(demo.negotiation(), new Deal(choices), DATE, SOURCE);
        assertThat(conclusion.commitments()).hasSize(demo.negotiation().issues().size());
        for (Commitment c : conclusion.commitments()) {
            assertThat(CommitmentTerms.toCommitment(
                            c.kind(), c.instrumentId(), c.scope(), c.term(), CommitmentTerms.of(c), c.source()))
                    .isEqualTo(c);
        }
        assertThat(conclusion.instrument().pillars())
                .containsExactlyInAnyOrder(Pillar.LEGAL_MOVEMENT, Pillar.RIGHTS, Pillar.SECURITY, Pillar.COOPERATION);
    }

    @Test
    void aYesInATemplateMeansTrueAsEverywhereInTheRegistry() {
        Negotiation negotiation =
                twoIssues(Map.of("thirdCountryNationals", "yes"), Map.of("rights", "equal pay", "nonDerogable", "yes"));
        Conclusion conclusion =
                Conclusion.conclude(negotiation, new Deal(Map.of("readmission", "r30", "floor", "yes")), DATE, SOURCE);
        Readmission readmission = conclusion.commitments().stream()
                .filter(Readmission.class::isInstance)
                .map(Readmission.class::cast)
                .findFirst()
                .orElseThrow();
        assertThat(readmission.thirdCountryNationals()).isTrue();
        RightsFloor floor = conclusion.commitments().stream()
                .filter(RightsFloor.class::isInstance)
                .map(RightsFloor.class::cast)
                .findFirst()
                .orElseThrow();
        assertThat(floor.nonDerogable()).isTrue();
    }

    @Test
    void aTemplateTermThatIsNeitherTrueNorFalseIsRefusedWithItsName() {
        Negotiation negotiation = twoIssues(Map.of("thirdCountryNationals", "perhaps"), Map.of("rights", "equal pay"));
        assertThatThrownBy(() -> Conclusion.conclude(
                        negotiation, new Deal(Map.of("readmission", "r30", "floor", "yes")), DATE, SOURCE))
                .hasMessage(
                        "issue readmission, option r30: READMISSION term 'third_country_nationals' must be true or false, was 'perhaps'");
    }

    private static Negotiation twoIssues(Map<String, String> readmission, Map<String, String> floor) {
        return new Negotiation(
                "TERMS",
                "Terms",
                List.of("DEU", "MAR"),
                List.of(
                        new Issue(
                                "readmission",
                                "Readmission",
                                new CommitmentTemplate(
                                        Commitment.Kind.READMISSION, Set.of("MAR"), Set.of("DEU"), readmission),
                                List.of(Option.none("none", null), Option.of("r30", "30 days", 30))),
                        new Issue(
                                "floor",
                                "Rights floor",
                                new CommitmentTemplate(
                                        Commitment.Kind.RIGHTS_FLOOR, Set.of("DEU"), Set.of("MAR"), floor),
                                List.of(Option.none("none", null), Option.of("yes", "yes", 1)))),
                List.of(),
                0);
    }

    @Test
    void conclusionMakesABindingBilateralInstrumentWithTypedCommitmentsThatTheRulebookApplies() {
        var demo = NegotiationJson.demo();
        Map<String, String> choices =
                new LinkedHashMap<>(Deal.noDeal(demo.negotiation()).choices());
        choices.put("labour-care", "q5000");
        choices.put("rights-floor", "yes");
        choices.put("visa-short-stay", "v90");
        choices.put("readmission", "r30");
        choices.put("return-safeguards", "yes");
        Conclusion conclusion = Conclusion.conclude(demo.negotiation(), new Deal(choices), DATE, SOURCE);
        assertThat(conclusion.instrument().kind()).isEqualTo(Instrument.Kind.BILATERAL_AGREEMENT);
        assertThat(conclusion.instrument().binding()).isTrue();
        assertThat(conclusion.instrument().adopted()).isEqualTo(DATE);
        assertThat(conclusion.commitments())
                .extracting(Commitment::kind)
                .containsExactlyInAnyOrder(
                        Commitment.Kind.LEGAL_CHANNEL,
                        Commitment.Kind.RIGHTS_FLOOR,
                        Commitment.Kind.READMISSION,
                        Commitment.Kind.RIGHTS_FLOOR,
                        Commitment.Kind.VISA_WAIVER);
        assertThat(conclusion.participations())
                .extracting(Participation::status)
                .containsOnly(Participation.Status.RATIFIED);
        LegalChannel labour = conclusion.commitments().stream()
                .filter(LegalChannel.class::isInstance)
                .map(LegalChannel.class::cast)
                .findFirst()
                .orElseThrow();
        assertThat(labour.facts().quotas())
                .singleElement()
                .satisfies(q -> assertThat(q.places()).isEqualTo(5000));
        assertThat(labour.destination()).isEqualTo("DEU");
        assertThat(labour.occupations()).containsExactlyInAnyOrder("2221", "5321", "5322");
        assertThat(labour.id()).isEqualTo(conclusion.instrument().id() + "_DEU");

        Registry before = new Registry(
                List.of(state("DEU", "Germany"), state("MAR", "Morocco")), List.of(), List.of(), List.of(), List.of());
        Registry after = conclusion.addTo(before);
        assertThat(Rulebook.compile(before, DATE).first("DEU", "MAR", VisaWaiver.class))
                .isEmpty();
        VisaWaiver waiver = Rulebook.compile(after, DATE)
                .first("DEU", "MAR", VisaWaiver.class)
                .orElseThrow();
        assertThat(waiver.stayDays()).isEqualTo(90);
        assertThat(waiver.windowDays()).isEqualTo(180);
        assertThat(Rulebook.compile(after, DATE.minusDays(1)).first("DEU", "MAR", VisaWaiver.class))
                .isEmpty();
    }

    @Test
    void refusesToConcludeADealThatBreaksANorm() {
        var demo = NegotiationJson.demo();
        Map<String, String> choices =
                new LinkedHashMap<>(Deal.noDeal(demo.negotiation()).choices());
        choices.put("labour-care", "q1000");
        assertThatThrownBy(() -> Conclusion.conclude(demo.negotiation(), new Deal(choices), DATE, SOURCE))
                .hasMessageContaining("labour-with-rights");
    }

    private static State state(String code, String name) {
        return new State(code, null, null, name, null, null, State.Standing.UN_MEMBER, SOURCE);
    }
}
