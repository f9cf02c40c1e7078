package org.orderly.passengers.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.orderly.passengers.GuideExamplesTest;
import org.orderly.passengers.ManifestReader;
import org.orderly.passengers.manifest.Manifest;
import org.orderly.regime.Rulebook;
import org.orderly.regime.reference.ReferenceData;
import org.orderly.screening.Screener;
import org.orderly.screening.watchlist.WatchlistCsv;
import org.orderly.travel.requirement.TravelRules;

class PreArrivalAssessmentTest {
    Manifest manifest;
    Screener screener;

    @BeforeEach
    void setUp() throws IOException {
        manifest = ManifestReader.read(
                GuideExamplesTest.resource("pnrgov-guide-example.edi"), java.time.LocalDate.of(2026, 12, 1));
        screener = new Screener(List.of(
                WatchlistCsv.read(
                        "wanted",
                        new StringReader("id,name,aliases,birth_date,nationality\nW7,Tom Black,,1970-07-12,GBR\n"),
                        "wanted.csv"),
                WatchlistCsv.read(
                        "lost", new StringReader("document_number,issuing_state\nC01X00T47,DEU\n"), "lost.csv")));
    }

    private TravellerAssessment of(List<TravellerAssessment> all, String name) {
        return all.stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void screensNamesAndDocumentsAndChecksExpiryWithExplanations() {
        LocalDate on = PreArrivalAssessment.arrivalDate(manifest, LocalDate.of(2000, 1, 1));
        assertThat(on).isEqualTo(LocalDate.of(2013, 2, 1));
        List<TravellerAssessment> result =
                new PreArrivalAssessment(screener, null, null, List.of()).assess(manifest, on);
        assertThat(result).hasSize(4);
        TravellerAssessment tom = of(result, "TOM MR BLACK");
        assertThat(tom.findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(Finding.Kind.WATCHLIST);
            assertThat(f.reference()).isEqualTo("wanted #W7");
            assertThat(f.explanation()).contains("birth_date");
        });
        TravellerAssessment anna = of(result, "ANNA MS WHITE");
        assertThat(anna.findings()).extracting(Finding::kind).containsExactly(Finding.Kind.LOST_DOCUMENT);
        assertThat(of(result, "JANE MRS GREEN").findings()).isEmpty();
        // On a later date, Anna's passport (expires 2022-01-01) has expired.
        List<TravellerAssessment> later =
                new PreArrivalAssessment(screener, null, null, List.of()).assess(manifest, LocalDate.of(2023, 5, 1));
        assertThat(of(later, "ANNA MS WHITE").findings())
                .anySatisfy(f -> assertThat(f.explanation())
                        .isEqualTo("P C01X00T47 expired on 2022-01-01, before arrival on 2023-05-01"));
    }

    @Test
    void travelRequirementComesFromTheRulebookOfTheArrivalDate() {
        LocalDate on = LocalDate.of(2013, 2, 1);
        TravelRules rules = TravelRules.compile(Rulebook.compile(ReferenceData.load(), on));
        List<TravellerAssessment> result = new PreArrivalAssessment(null, rules, "DEU", List.of()).assess(manifest, on);
        TravellerAssessment jane = of(result, "JANE MRS GREEN");
        assertThat(jane.requirement()).startsWith("free movement for FRA at DEU");
        assertThat(jane.findings()).isEmpty();
        List<TravellerAssessment> atUsa = new PreArrivalAssessment(null, rules, "USA", List.of()).assess(manifest, on);
        // Anna declared a visa (DOCO); Tom did not.
        assertThat(of(atUsa, "ANNA MS WHITE").findings()).noneMatch(f -> f.kind() == Finding.Kind.TRAVEL_REQUIREMENT);
        assertThat(of(atUsa, "TOM MR BLACK").findings()).anySatisfy(f -> {
            assertThat(f.kind()).isEqualTo(Finding.Kind.TRAVEL_REQUIREMENT);
            assertThat(f.explanation()).contains("no visa declared");
        });
    }

    @Test
    void riskRulesFlagWithEachCriterionBesideTheTravellersValue() {
        List<RiskRule> rules = RiskRules.parse("""
                # analysts' rules
                infant-card: infant = true and booking.payment in CC   # an infant on a card booking
                older: age > 40 and nationality != FRA
                """, "rules.txt");
        LocalDate on = LocalDate.of(2013, 2, 1);
        List<TravellerAssessment> result = new PreArrivalAssessment(null, null, null, rules).assess(manifest, on);
        assertThat(of(result, "LEO GREEN").findings())
                .singleElement()
                .satisfies(
                        f -> assertThat(f.explanation())
                                .isEqualTo(
                                        "rule infant-card — an infant on a card booking: infant = TRUE (TRUE) and booking.payment in CC (CC)"));
        assertThat(of(result, "JANE MRS GREEN").findings()).isEmpty();
        assertThat(of(result, "TOM MR BLACK").findings())
                .singleElement()
                .satisfies(f -> assertThat(f.explanation())
                        .isEqualTo("rule older: age > 40 (42) and nationality != FRA (GBR)"));
        assertThat(of(result, "ANNA MS WHITE").findings())
                .extracting(Finding::reference)
                .containsExactly("older");
    }

    @Test
    void aBadRuleIsRefusedWithLineAndColumn() {
        assertThatThrownBy(() -> RiskRules.parse("ok: age > 3\nbad: age > 3 and colour = red\n", "rules.txt"))
                .isInstanceOf(RiskRuleException.class)
                .hasMessageStartingWith("rules.txt:2:18: unknown field 'colour'");
        assertThatThrownBy(() -> RiskRules.parse("x: age about 3", "r"))
                .hasMessageStartingWith("r:1:8: expected an operator");
        assertThatThrownBy(() -> RiskRules.parse("no colon here", "r")).hasMessageStartingWith("r:1:1:");
    }
}
