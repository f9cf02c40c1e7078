package org.orderly.travel.requirement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.orderly.regime.Purpose;
import org.orderly.regime.Registry;
import org.orderly.regime.Rulebook;
import org.orderly.regime.TravelCategory;
import org.orderly.regime.reference.ReferenceData;

/** Travel answers that follow from the corrected reference facts (issue 8), each naming its source. */
class TravelFactsTest {
    private static final Registry REGISTRY = ReferenceData.load();

    private static TravelRequirement answer(String passport, String destination, LocalDate date, Purpose purpose) {
        return TravelRules.compile(Rulebook.compile(REGISTRY, date))
                .requirement(passport, destination, purpose)
                .orElseThrow();
    }

    /** Regulation (EU) 2018/1806, Annex II, footnote to Nauru: no agreement in force, so a visa is required. */
    @Test
    void aNauruPassportHolderNeedsAVisaForFranceAndIsToldWhy() {
        TravelRequirement answer = answer("NRU", "FRA", LocalDate.of(2026, 12, 1), Purpose.TOURISM);
        assertThat(answer.category()).isEqualTo(TravelCategory.VISA_REQUIRED);
        assertThat(answer.explanation()).contains("does not apply yet").contains("agreement on visa exemption");
    }

    /** Regulation (EU) 2018/1806 binds Cyprus, which is not in the Schengen area. */
    @Test
    void aUsPassportHolderIsVisaFreeInCyprusUnderTheRegulation() {
        TravelRequirement answer = answer("USA", "CYP", LocalDate.of(2026, 12, 1), Purpose.TOURISM);
        assertThat(answer.category()).isEqualTo(TravelCategory.VISA_FREE);
        assertThat(answer.instrumentId()).isEqualTo("EU_VISA_REGULATION");
        assertThat(answer(("USA"), "IRL", LocalDate.of(2026, 12, 1), Purpose.TOURISM)
                        .instrumentId())
                .isNull();
    }

    /** ECOWAS Protocol A/P.1/5/79, art. 3(2): a Community citizen visits another member state for up to ninety days without a visa. */
    @Test
    void aNigerianVisitingGhanaUnderEcowasFreeMovementIsToldTheNinetyDayLimit() {
        TravelRequirement answer = answer("NGA", "GHA", LocalDate.of(2026, 12, 1), Purpose.TOURISM);
        assertThat(answer.category()).isEqualTo(TravelCategory.FREE_MOVEMENT);
        assertThat(answer.instrumentId()).isEqualTo("ECOWAS_FREE_MOVEMENT");
        assertThat(answer.stayDays()).isEqualTo(90);
        assertThat(answer("FRA", "DEU", LocalDate.of(2026, 12, 1), Purpose.TOURISM)
                        .stayDays())
                .as("EU free movement sets no such limit")
                .isNull();
    }

    /** Act of Accession 2003: Germany limited Polish workers until 30 April 2011; visits were free throughout. */
    @Test
    void aPolishWorkerInGermanyIn2008NeededAWorkPermitButNotIn2012() {
        TravelRequirement work2008 = answer("POL", "DEU", LocalDate.of(2008, 1, 1), Purpose.WORK);
        assertThat(work2008.category()).isEqualTo(TravelCategory.VISA_REQUIRED);
        assertThat(work2008.explanation())
                .contains("does not yet include the right to work")
                .contains("2004");
        assertThat(answer("POL", "DEU", LocalDate.of(2008, 1, 1), Purpose.TOURISM)
                        .category())
                .isEqualTo(TravelCategory.FREE_MOVEMENT);
        assertThat(answer("POL", "DEU", LocalDate.of(2012, 1, 1), Purpose.WORK).category())
                .isEqualTo(TravelCategory.FREE_MOVEMENT);
    }

    /** Passport Index snapshots (shared/data/SOURCES.md): the nearest dated snapshot decides, and a far date is flagged. */
    @Test
    void theNearestVisaSnapshotDecidesAndADateFarFromEverySnapshotIsFlagged() {
        org.orderly.regime.Source old =
                new org.orderly.regime.Source("Visa matrix 2022", "2022.csv line 2", LocalDate.of(2022, 7, 3));
        org.orderly.regime.Source recent =
                new org.orderly.regime.Source("Visa matrix 2025", "2025.csv line 2", LocalDate.of(2025, 1, 12));
        Registry registry = new Registry(
                REGISTRY.parties(),
                REGISTRY.instruments(),
                REGISTRY.participations(),
                REGISTRY.commitments(),
                java.util.List.of(
                        new org.orderly.regime.EntryPolicy("JPN", "IND", TravelCategory.VISA_REQUIRED, null, old),
                        new org.orderly.regime.EntryPolicy("JPN", "IND", TravelCategory.E_VISA, null, recent)));
        TravelRequirement in2022 = TravelRules.compile(Rulebook.compile(registry, LocalDate.of(2022, 9, 1)))
                .requirement("IND", "JPN")
                .orElseThrow();
        assertThat(in2022.category()).isEqualTo(TravelCategory.VISA_REQUIRED);
        assertThat(in2022.sources()).containsExactly(old);
        assertThat(in2022.explanation()).doesNotContain("warning");
        TravelRequirement in2025 = TravelRules.compile(Rulebook.compile(registry, LocalDate.of(2025, 3, 1)))
                .requirement("IND", "JPN")
                .orElseThrow();
        assertThat(in2025.category()).isEqualTo(TravelCategory.E_VISA);
        TravelRequirement in2030 = TravelRules.compile(Rulebook.compile(registry, LocalDate.of(2030, 1, 1)))
                .requirement("IND", "JPN")
                .orElseThrow();
        assertThat(in2030.category()).isEqualTo(TravelCategory.E_VISA);
        assertThat(in2030.explanation())
                .contains("warning: the nearest visa data are as of 2025-01-12")
                .contains("before the date asked");
        TravelRequirement in2015 = TravelRules.compile(Rulebook.compile(registry, LocalDate.of(2015, 1, 1)))
                .requirement("IND", "JPN")
                .orElseThrow();
        assertThat(in2015.explanation()).contains("as of 2022-07-03").contains("after the date asked");
    }
}
