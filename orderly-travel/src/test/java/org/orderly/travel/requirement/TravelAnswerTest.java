package org.orderly.travel.requirement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.orderly.regime.EntryPolicy;
import org.orderly.regime.Purpose;
import org.orderly.regime.Registry;
import org.orderly.regime.Rulebook;
import org.orderly.regime.Source;
import org.orderly.regime.TravelCategory;
import org.orderly.regime.reference.ReferenceData;

/** What an answer says about its basis and its data's age, on the shipped reference data and two matrix policies. */
class TravelAnswerTest {
    private static final Source MATRIX =
            new Source("Passport Index visa matrix", "passport-index-tidy-iso3.csv", LocalDate.of(2025, 1, 12));
    private static final LocalDate ON = LocalDate.of(2026, 11, 23);
    private static TravelQueries queries;
    private static Registry registry;

    @BeforeAll
    static void compile() {
        Registry shipped = ReferenceData.load();
        registry = new Registry(
                shipped.parties(),
                shipped.instruments(),
                shipped.participations(),
                shipped.commitments(),
                List.of(
                        new EntryPolicy("JPN", "NGA", TravelCategory.VISA_REQUIRED, null, MATRIX),
                        new EntryPolicy("DEU", "NGA", TravelCategory.VISA_REQUIRED, null, MATRIX),
                        new EntryPolicy("DEU", "FRA", TravelCategory.VISA_FREE, 90, MATRIX)));
        queries = new TravelQueries(() -> registry, date -> TravelRules.compile(Rulebook.compile(registry, date)));
    }

    @Test
    void anAnswerOnTheMatrixAloneSaysSoWithItsAgeAndWarnsWhenOld() {
        TravelAnswer answer = queries.answer("Nigeria", "Japan", ON, "tourism");
        TravelAnswer old = TravelAnswer.of(
                TravelRules.compile(Rulebook.compile(registry, ON))
                        .requirement("NGA", "JPN", Purpose.TOURISM)
                        .orElseThrow(),
                "Nigeria",
                "Japan",
                null,
                null,
                null);
        assertThat(old.basisStatement())
                .contains("rests only on Japan's national entry policy")
                .contains("2025-01-12");
        assertThat(old.stale()).isTrue();
        assertThat(old.warning()).contains("1 year and 10 months").contains("more than a year");
        assertThat(answer.permalink())
                .isEqualTo("/travel?passport=NGA&destination=JPN&date=2026-11-23&purpose=tourism");
    }

    /** An Indian changing planes in Paris needs no airport transit visa; the verdict must not read as if they did. */
    @Test
    void aTransitVerdictSaysItIsAboutLeavingTheAirport() {
        TravelAnswer transit = queries.answer("India", "France", ON, "transit");
        assertThat(transit.airportTransit()).isNotNull();
        assertThat(transit.airportTransit().decision()).contains("requires no airport transit visa");
        assertThat(transit.summary()).startsWith(transit.categoryLabel() + " to leave the airport and enter France");
        assertThat(queries.answer("India", "France", ON, "tourism").summary())
                .as("a question that is not about transit keeps its plain verdict")
                .doesNotContain("airport");
    }

    @Test
    void aCommitmentsAgeIsItsOwnNotThatOfThePolicyItOverrides() {
        TravelAnswer answer = TravelAnswer.of(
                TravelRules.compile(Rulebook.compile(registry, ON))
                        .requirement("FRA", "DEU", Purpose.WORK)
                        .orElseThrow(),
                "France",
                "Germany",
                "EU free movement",
                null,
                null);
        assertThat(answer.basis()).isEqualTo("COMMITMENT");
        assertThat(answer.dataAsOf()).isNotEqualTo(MATRIX.asOf());
        assertThat(answer.sources()).contains(MATRIX);
    }

    @Test
    void nigeriaToGermanyIsDecidedByAnnexIOfTheEuVisaListWithTheMatrixAsCorroborationAndNoWarning() {
        for (LocalDate on : List.of(ON, LocalDate.of(2019, 6, 1))) {
            TravelAnswer answer = queries.answer("Nigeria", "Germany", on, "tourism");
            assertThat(answer.category()).isEqualTo(TravelCategory.VISA_REQUIRED);
            assertThat(answer.basis()).isEqualTo("COMMITMENT");
            assertThat(answer.instrumentId()).isEqualTo("EU_VISA_REGULATION");
            assertThat(answer.basisStatement())
                    .startsWith("Decided by law: Regulation (EU) 2018/1806, art. 3(1) and Annex I")
                    .contains("binds Germany")
                    .contains("corroboration");
            assertThat(answer.explanation()).contains("the visa matrix of 2025-01-12 agrees");
            assertThat(answer.sources()).contains(MATRIX);
            assertThat(answer.stale())
                    .as("a law in force, vouched for its whole term, on %s", on)
                    .isFalse();
            assertThat(answer.warning()).isNull();
        }
    }

    @Test
    void kosovoLeavesAnnexIOnTheDayRegulation2023850AppliesAndVanuatuNeedsAVisaUnderTheSuspensionMarkedUnverified() {
        assertThat(queries.answer("XKX", "DEU", LocalDate.of(2023, 12, 31), "tourism")
                        .category())
                .isEqualTo(TravelCategory.VISA_REQUIRED);
        TravelAnswer kosovo = queries.answer("XKX", "DEU", LocalDate.of(2024, 1, 1), "tourism");
        assertThat(kosovo.category()).isEqualTo(TravelCategory.VISA_FREE);
        assertThat(kosovo.sources().get(0).reference()).contains("Regulation (EU) 2023/850");
        TravelAnswer vanuatu = queries.answer("VUT", "DEU", LocalDate.of(2024, 6, 1), "tourism");
        assertThat(vanuatu.category()).isEqualTo(TravelCategory.VISA_REQUIRED);
        assertThat(vanuatu.basis()).isEqualTo("COMMITMENT");
        assertThat(vanuatu.explanation()).contains("unverified");
    }

    @Test
    void ownNationalsGetNoDataAgeAndNoWarning() {
        TravelAnswer answer = queries.answer("GB", "United Kingdom", ON, null);
        assertThat(answer.category()).isEqualTo(TravelCategory.OWN_COUNTRY);
        assertThat(answer.warning()).isNull();
        assertThat(answer.dataAsOf()).isNull();
    }
}
