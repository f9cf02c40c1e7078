package org.orderly.lab.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.orderly.regime.FreeMovement;
import org.orderly.regime.Instrument;
import org.orderly.regime.LegalChannel;
import org.orderly.regime.Participation;

class DraftDealJsonTest {

    @Test
    void readsTheRegistrysInstrumentShapeFillingWhatADraftMayLeaveOut() {
        DraftDeal deal = DraftDealJson.read("""
                {"instrument": {"id": "D1", "inForce": "2027-01-01"},
                 "commitments": [
                   {"kind": "FREE_MOVEMENT", "grantors": ["DEU", "FRA"], "beneficiaries": ["MAR"], "terms": {"right_to_work": true}},
                   {"kind": "labour_access", "grantors": ["DEU"], "beneficiaries": ["MAR"], "from": "2028-01-01",
                    "terms": {"sector": "care", "annual_quota": 500}}]}
                """, "d1.json");
        assertThat(deal.instrument().title()).isEqualTo("D1");
        assertThat(deal.instrument().kind()).isEqualTo(Instrument.Kind.REGIONAL_AGREEMENT);
        assertThat(deal.instrument().inForce()).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(deal.commitments().get(0)).isInstanceOf(FreeMovement.class);
        assertThat(((FreeMovement) deal.commitments().get(0)).rightToWork()).isTrue();
        LegalChannel access = (LegalChannel) deal.commitments().get(1);
        assertThat(access.places(2028)).hasValue(500);
        assertThat(access.term().from()).isEqualTo(LocalDate.of(2028, 1, 1));
        assertThat(deal.participations()).extracting(Participation::partyId).containsExactly("DEU", "FRA", "MAR");
        assertThat(deal.participations())
                .allSatisfy(p -> assertThat(p.status()).isEqualTo(Participation.Status.RATIFIED));
        assertThat(deal.states()).containsExactly("DEU", "FRA", "MAR");
    }

    /** "ANY" beneficiaries stand for every nationality, not for a state that joins the deal. */
    @Test
    void aCommitmentToAnyNationalityAddsNoStateToTheDeal() {
        DraftDeal deal = DraftDealJson.read("""
                {"instrument": {"id": "D2", "inForce": "2027-01-01"},
                 "commitments": [
                   {"kind": "LABOUR_ACCESS", "grantors": ["DEU"], "beneficiaries": ["ANY"],
                    "terms": {"sector": "care", "annual_quota": 500}}]}
                """, "d2.json");
        assertThat(deal.states()).containsExactly("DEU");
        assertThat(deal.participations()).extracting(Participation::partyId).containsExactly("DEU");
    }

    @Test
    void refusalsNameTheFileAndTheJsonPath() {
        assertThatThrownBy(() -> DraftDealJson.read("{\"instrument\": {\"id\": \"D\"}, \"commitments\": []}", "a.json"))
                .isInstanceOf(ScenarioFormatException.class)
                .hasMessage("a.json: $.instrument.inForce: is required");
        assertThatThrownBy(() -> DraftDealJson.read(
                        "{\"instrument\": {\"id\": \"D\", \"inForce\": \"2027-01-01\"}, \"commitments\": []}",
                        "b.json"))
                .hasMessage("b.json: $.commitments: a draft deal needs at least one commitment");
        assertThatThrownBy(() -> DraftDealJson.read("""
                {"instrument": {"id": "D", "inForce": "2027-01-01"},
                 "commitments": [{"kind": "LABOUR_ACCESS", "grantors": ["DEU"], "beneficiaries": ["MAR"], "terms": {"sector": "care", "annual_quota": "many"}}]}
                """, "c.json"))
                .hasMessageStartingWith("c.json: $.commitments[0]: ")
                .hasMessageContaining("annual_quota");
        assertThatThrownBy(() -> DraftDealJson.read("""
                {"instrument": {"id": "D", "inForce": "2027-01-01"},
                 "commitments": [{"kind": "VISA_WAIVER", "grantors": ["Germany"], "beneficiaries": ["MAR"]}]}
                """, "d.json"))
                .hasMessage(
                        "d.json: $.commitments[0].grantors[0]: expected an ISO 3166-1 alpha-3 code, found \"Germany\"");
        assertThatThrownBy(() -> DraftDealJson.read("""
                {"instrument": {"id": "D", "inForce": "1 Jan 2027"}, "commitments": [{"kind": "X"}]}
                """, "e.json"))
                .hasMessage("e.json: $.instrument.inForce: expected a date YYYY-MM-DD, found \"1 Jan 2027\"");
        assertThatThrownBy(() -> DraftDealJson.read("{\"instrument\": {\"id\": \"D\",}", "f.json"))
                .hasMessageStartingWith("f.json: line 1, column ");
        assertThatThrownBy(() -> DraftDealJson.read("""
                {"instrument": {"id": "D", "inForce": "2027-01-01"}, "commitments": [{"kind": "WAIVER"}]}
                """, "g.json"))
                .hasMessageStartingWith("g.json: $.commitments[0].kind: expected one of VISA_WAIVER, ")
                .hasMessageContaining("FREE_MOVEMENT")
                .hasMessageEndingWith("found \"WAIVER\"");
    }
}
