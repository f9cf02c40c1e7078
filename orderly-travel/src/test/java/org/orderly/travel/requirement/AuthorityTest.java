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

/** Who decides a journey, on the shipped reference data plus two unilateral policies as the visa matrix states them. */
class AuthorityTest {
    private static final Source MATRIX =
            new Source("Passport Index visa matrix", "passport-index-tidy-iso3.csv", LocalDate.of(2025, 1, 12));
    private static final LocalDate ON = LocalDate.of(2026, 11, 23);
    private static TravelRules rules;

    @BeforeAll
    static void compile() {
        Registry shipped = ReferenceData.load();
        Registry registry = new Registry(
                shipped.parties(),
                shipped.instruments(),
                shipped.participations(),
                shipped.commitments(),
                List.of(
                        new EntryPolicy("DEU", "NGA", TravelCategory.VISA_REQUIRED, null, MATRIX),
                        new EntryPolicy("JPN", "NGA", TravelCategory.VISA_REQUIRED, null, MATRIX)));
        rules = TravelRules.compile(Rulebook.compile(registry, ON));
    }

    private static Authority authority(String passport, String destination, Purpose purpose) {
        return rules.authority(rules.requirement(passport, destination, purpose).orElseThrow())
                .orElseThrow();
    }

    @Test
    void aNigerianVisitingGermanyAppliesForASchengenVisaAtTheConsulateOfMainDestination() {
        Authority a = authority("NGA", "DEU", Purpose.TOURISM);
        assertThat(a.recorded()).isTrue();
        assertThat(a.instrumentId()).isEqualTo("SCHENGEN");
        assertThat(a.decision()).contains("Schengen short-stay visa").contains("Visa Code");
        assertThat(a.applyAt()).contains("consulate").contains("Germany");
    }

    @Test
    void workInASchengenStateNeedsTheNationalLongStayVisa() {
        Authority a = authority("NGA", "DEU", Purpose.WORK);
        assertThat(a.decision()).contains("national long-stay visa").contains("Germany");
        assertThat(a.applyAt()).contains("embassy or consulate of Germany");
        assertThat(a.source().title()).contains("art. 18");
    }

    @Test
    void aVisaWaiverUnderSchengenIsDecidedAtTheBorder() {
        Authority a = authority("JPN", "DEU", Purpose.TOURISM);
        assertThat(a.decision()).startsWith("No visa");
        assertThat(a.source().title()).contains("Schengen Borders Code");
    }

    @Test
    void freeMovementIsARightOfEntryUnderTheDirective() {
        assertThat(authority("FRA", "DEU", Purpose.WORK).source().title()).contains("Directive 2004/38/EC");
    }

    @Test
    void aStateOutsideSchengenDecidesUnderItsNationalLaw() {
        Authority a = authority("NGA", "JPN", Purpose.TOURISM);
        assertThat(a.recorded()).isFalse();
        assertThat(a.applyAt()).isEqualTo("The embassy or consulate of Japan");
    }

    @Test
    void beforeAStateJoinedSchengenItsNationalLawDecided() {
        // Romania applies the Schengen acquis, Schengen visas included, from 31 March 2024 (Council Decision (EU)
        // 2024/210).
        Rulebook before = Rulebook.compile(rules.rulebook().registry(), LocalDate.of(2024, 3, 30));
        TravelRules then = TravelRules.compile(before);
        Authority a = then.authority(
                        then.requirement("NGA", "ROU", Purpose.TOURISM).orElseThrow())
                .orElseThrow();
        assertThat(a.recorded()).isFalse();
    }

    @Test
    void ownNationalsNeedNoAuthority() {
        assertThat(rules.authority(
                        rules.requirement("DEU", "DEU", Purpose.TOURISM).orElseThrow()))
                .isEmpty();
    }

    @Test
    void dataOlderThanAYearIsStaleAndItsAgeIsSaid() {
        DataAge age = DataAge.of(List.of(MATRIX), LocalDate.of(2026, 12, 1)).orElseThrow();
        assertThat(age.stale()).isTrue();
        assertThat(age.describe()).isEqualTo("1 year and 10 months");
        assertThat(DataAge.of(List.of(MATRIX), LocalDate.of(2026, 1, 12))
                        .orElseThrow()
                        .stale())
                .isFalse();
        assertThat(DataAge.of(List.of(MATRIX), LocalDate.of(2026, 1, 13))
                        .orElseThrow()
                        .stale())
                .isTrue();
        assertThat(DataAge.of(List.of(MATRIX), LocalDate.of(2025, 1, 13))
                        .orElseThrow()
                        .describe())
                .isEqualTo("1 day");
        assertThat(DataAge.of(List.of(), ON)).isEmpty();
    }

    private static java.util.Optional<Authority> airportTransit(
            TravelRules on, String passport, String destination, Purpose purpose) {
        return on.airportTransit(on.requirement(passport, destination, purpose).orElseThrow());
    }

    @Test
    void aNigerianChangingPlanesInGermanyNeedsAnAirportTransitVisaUnderAnnexIvOfTheVisaCode() {
        Authority a = airportTransit(rules, "NGA", "DEU", Purpose.TRANSIT).orElseThrow();
        assertThat(a.instrumentId()).isEqualTo("SCHENGEN");
        assertThat(a.decision())
                .contains("airport transit visa")
                .contains("Annex IV, which lists yours")
                .contains("Germany");
        assertThat(a.source().title()).contains("Visa Code").contains("Annex IV");
        assertThat(a.applyAt()).contains("consulate of Germany");
        // Every country of the 2009 Annex IV, and no other nationality, is told it needs one.
        for (String listed :
                List.of("AFG", "BGD", "COD", "ERI", "ETH", "GHA", "IRN", "IRQ", "NGA", "PAK", "SOM", "LKA")) {
            assertThat(airportTransit(rules, listed, "FRA", Purpose.TRANSIT)
                            .orElseThrow()
                            .decision())
                    .as(listed)
                    .contains("which lists yours");
        }
        for (String unlisted : List.of("IND", "USA", "MAR", "CHN")) {
            Authority none =
                    airportTransit(rules, unlisted, "FRA", Purpose.TRANSIT).orElseThrow();
            assertThat(none.decision())
                    .as(unlisted)
                    .contains("requires no airport transit visa")
                    .contains("art. 3(2)");
        }
    }

    @Test
    void airportTransitIsSaidOnlyForTransitThroughAStateBoundByTheVisaCode() {
        assertThat(airportTransit(rules, "NGA", "DEU", Purpose.TOURISM)).isEmpty();
        assertThat(airportTransit(rules, "NGA", "JPN", Purpose.TRANSIT))
                .as("Japan is not bound by the Visa Code")
                .isEmpty();
        assertThat(airportTransit(rules, "FRA", "DEU", Purpose.TRANSIT))
                .as("a Union citizen moves freely")
                .isEmpty();
        assertThat(airportTransit(rules, "DEU", "DEU", Purpose.TRANSIT))
                .as("own nationals")
                .isEmpty();
        // Before the Visa Code applied (5 April 2010), its Annex IV did not decide.
        TravelRules before =
                TravelRules.compile(Rulebook.compile(rules.rulebook().registry(), LocalDate.of(2010, 4, 4)));
        assertThat(airportTransit(before, "NGA", "DEU", Purpose.TRANSIT)).isEmpty();
    }
}
