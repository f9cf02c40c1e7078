package org.orderly.lab.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.orderly.lab.Lab;
import org.orderly.lab.LabFixtures;
import org.orderly.lab.model.Assumptions;
import org.orderly.lab.model.Policies;
import org.orderly.lab.model.PolicyMatrix;
import org.orderly.lab.model.Projection;

class ScenarioTest {
    /** Germany waives visas for Moroccans, opens 2,000 care places a year, and caps the cost of sending money to Morocco. */
    static final String DEAL = """
            {"instrument": {"id": "DRAFT-DEU-MAR", "title": "Draft partnership", "inForce": "2026-01-01"},
             "commitments": [
               {"kind": "VISA_WAIVER", "grantors": ["DEU"], "beneficiaries": ["MAR"],
                "terms": {"stay_days": 90, "window_days": 180, "purposes": "TOURISM|BUSINESS|FAMILY|TRANSIT"}},
               {"kind": "LABOUR_ACCESS", "grantors": ["DEU"], "beneficiaries": ["MAR"], "terms": {"sector": "care", "annual_quota": 2000}},
               {"kind": "REMITTANCE_COST", "grantors": ["DEU"], "beneficiaries": ["MAR"], "terms": {"target_percent": 3}}]}
            """;

    @Test
    void aDealChangesOnlyTheCorridorsWhosePolicyVariablesItMoves() {
        Lab lab = LabFixtures.lab();
        DraftDeal deal = DraftDealJson.read(DEAL, "deal.json");
        ScenarioResult result = lab.scenario(deal, 2030, Assumptions.DEFAULT);
        Projection base = result.baseline();
        Projection dealt = result.withDeal();
        int n = base.size();
        Policies withDeal = lab.baseline().with(deal.addTo(lab.baseline().registry()));
        int changed = 0;
        for (int cell = 0; cell < n * n; cell++) {
            boolean touched = false;
            for (int year : new int[] {2020, 2025, 2030}) {
                PolicyMatrix before = lab.baseline().on(Policies.dateOf(year));
                PolicyMatrix after = withDeal.on(Policies.dateOf(year));
                touched |= before.differs(after, cell);
            }
            double b = base.stock()[cell];
            double a = dealt.stock()[cell];
            if (!touched) {
                assertThat(Double.doubleToLongBits(a))
                        .as(
                                "corridor %s → %s",
                                base.codes().get(cell / n), base.codes().get(cell % n))
                        .isEqualTo(Double.doubleToLongBits(b));
            } else if (a != b) {
                changed++;
            }
        }
        assertThat(changed).isEqualTo(1);
        assertThat(result.changes()).singleElement().satisfies(c -> {
            assertThat(c.origin()).isEqualTo("MAR");
            assertThat(c.destination()).isEqualTo("DEU");
            // Germany's waiver lifts no visa: Morocco is in Annex I of Regulation (EU) 2018/1806, which binds Germany
            // and
            // decides a short stay before any waiver of Germany's own (the coherence checker reports the waiver as a
            // conflict).
            assertThat(c.variables()).containsExactly("legal channel: 2000 places a year");
            // The fitted years saw no visa lifted either, so lifting one would have no estimated effect: the change is
            // the channel's
            // places over the step that ends in 2030, filled and kept (the default, an upper bound), and has no band.
            assertThat(c.change()).isCloseTo(2000 * 5, within(1e-6));
            assertThat(c.changeLow()).isEqualTo(c.change());
            assertThat(c.changeHigh()).isEqualTo(c.change());
        });
        StateEffect morocco = result.state("MAR");
        StateEffect germany = result.state("DEU");
        assertThat(morocco.emigrantsChange()).isEqualTo(result.changes().get(0).change());
        assertThat(germany.immigrantsChange()).isEqualTo(result.changes().get(0).change());
        assertThat(morocco.remittancesReceivedChange()).isPositive();
        assertThat(result.coefficients())
                .extracting(PolicyEffect::term)
                .contains("VISA_LIFTED", "FREE_MOVEMENT_OPENED");
        assertThat(result.coefficients())
                .filteredOn(e -> e.term().equals("VISA_LIFTED"))
                .singleElement()
                .satisfies(e -> assertThat(e.estimated()).isFalse());
        assertThat(result.assumptions()).anySatisfy(a -> assertThat(a).contains("places × 5 years × 1.0"));
    }

    @Test
    void aRemittanceCostTargetLowersTheFeesOnlyOnItsCorridor() {
        Lab lab = LabFixtures.lab();
        DraftDeal deal = DraftDealJson.read("""
                {"instrument": {"id": "DRAFT-COST", "inForce": "2026-01-01"},
                 "commitments": [{"kind": "REMITTANCE_COST", "grantors": ["DEU"], "beneficiaries": ["MAR"], "terms": {"target_percent": 1}}]}
                """, "cost.json");
        ScenarioResult result = lab.scenario(deal, 2030, Assumptions.DEFAULT);
        assertThat(result.changes()).as("a cost target moves no migrant").isEmpty();
        StateEffect morocco = result.state("MAR");
        assertThat(morocco.emigrantsChange()).isZero();
        assertThat(morocco.remittancesReceivedChange()).isCloseTo(0, within(1e-6));
        assertThat(morocco.feesOnReceivedChange()).isNegative();
        assertThat(morocco.netRemittancesChange()).isEqualTo(-morocco.feesOnReceivedChange());
        assertThat(result.states()).extracting(StateEffect::state).containsExactlyInAnyOrder("MAR", "DEU");
        StateEffect germany = result.state("DEU");
        // The same corridor's fees, summed in another order: equal up to rounding.
        assertThat(germany.feesOnSentChange())
                .as("migrants in Germany pay less to send home")
                .isCloseTo(morocco.feesOnReceivedChange(), within(1e-9 * Math.abs(morocco.feesOnReceivedChange())));
        assertThat(lab.remittances(LocalDate.of(2026, 6, 1)).corridors()).isNotEmpty();
    }

    @Test
    void aDealNamingAStateTheRegistryDoesNotKnowIsRefused() {
        DraftDeal deal = DraftDealJson.read("""
                {"instrument": {"id": "DRAFT-X", "inForce": "2026-01-01"},
                 "commitments": [{"kind": "VISA_WAIVER", "grantors": ["DEU"], "beneficiaries": ["XXA"], "terms": {"stay_days": 90, "window_days": 180}}]}
                """, "x.json");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> LabFixtures.lab().scenario(deal, 2030, Assumptions.DEFAULT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("XXA");
    }

    /** The shortcut that reuses today's variables before the deal's instrument is in force, against compiling them all. */
    @Test
    void beforeItsInstrumentIsInForceADealCompilesToTodaysVariablesEvenWithAnEarlierCommitmentDate() {
        Lab lab = LabFixtures.lab();
        DraftDeal deal = DraftDealJson.read("""
                {"instrument": {"id": "DRAFT-EARLY", "inForce": "2024-01-01"},
                 "commitments": [{"kind": "FREE_MOVEMENT", "grantors": ["FRA"], "beneficiaries": ["SEN"], "from": "2012-01-01",
                                  "terms": {"right_to_work": true}},
                                 {"kind": "LABOUR_ACCESS", "grantors": ["ITA"], "beneficiaries": ["TUN"], "terms": {"sector": "farming", "annual_quota": 700}}]}
                """, "early.json");
        var registry = deal.addTo(lab.baseline().registry());
        Policies shortcut =
                lab.baseline().withInstrumentFrom(registry, deal.instrument().inForce());
        for (int year : new int[] {2015, 2020, 2025, 2030}) {
            PolicyMatrix fast = shortcut.on(Policies.dateOf(year));
            PolicyMatrix full = PolicyMatrix.of(
                    registry,
                    lab.observations().codes(),
                    Policies.dateOf(year),
                    org.orderly.lab.model.LabourChannels.fromLegalChannels());
            int n = full.size();
            int moved = 0;
            for (int cell = 0; cell < n * n; cell++) {
                assertThat(fast.differs(full, cell))
                        .as("year %d cell %d", year, cell)
                        .isFalse();
                if (full.differs(lab.baseline().on(Policies.dateOf(year)), cell)) moved++;
            }
            assertThat(moved).as("cells the deal moves in %d", year).isEqualTo(year >= 2025 ? 2 : 0);
        }
    }
}
