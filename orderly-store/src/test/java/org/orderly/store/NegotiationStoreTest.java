package org.orderly.store;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.orderly.negotiation.Deal;
import org.orderly.negotiation.Table;
import org.orderly.negotiation.format.NegotiationJson;
import org.orderly.negotiation.round.Round;
import org.orderly.store.negotiation.NegotiationStore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NegotiationStoreTest {
    private final Table demo = NegotiationJson.demo();
    private NegotiationStore store;

    @BeforeEach
    void empty() {
        RegistryStore registry = TestDatabase.emptyStore();
        registry.jdbc().sql("truncate negotiation cascade").update();
        store = new NegotiationStore(TestDatabase.get().dataSource());
        store.open(demo.negotiation(), true);
        demo.valuations().values().forEach(v -> store.saveValuation(demo.negotiation().id(), v));
    }

    @Test
    void keepsTheDefinitionWithoutValuationsAndSaysWhoHasEnteredOne() {
        NegotiationStore.Record record = store.get(demo.negotiation().id());
        assertThat(record.negotiation()).isEqualTo(demo.negotiation());
        assertThat(record.status()).isEqualTo(Round.Status.OPEN);
        assertThat(record.illustrative()).isTrue();
        assertThat(record.partiesWithValuations()).containsExactly("DEU", "MAR");
    }

    @Test
    void aPartyReadsOnlyItsOwnValuationAndTheEngineReadsAll() {
        String id = demo.negotiation().id();
        assertThat(store.valuationsSeenBy(id, "DEU")).containsOnlyKeys("DEU").containsValue(demo.valuation("DEU"));
        assertThat(store.valuationsSeenBy(id, "MAR")).containsOnlyKeys("MAR").containsValue(demo.valuation("MAR"));
        assertThat(store.valuationsSeenBy(id, "FRA")).isEmpty();
        assertThat(store.valuationsSeenBy(id, "secretariat")).isEmpty();
        assertThat(store.valuationsSeenBy(id, NegotiationStore.ENGINE)).isEqualTo(demo.valuations());
    }

    @Test
    void aRejectionReopensTheNegotiationAndIsKeptWithItsReason() {
        String id = demo.negotiation().id();
        Deal deal = Deal.noDeal(demo.negotiation());
        int number = store.saveProposal(id, "JOINT", deal, "{}");
        assertThat(store.get(id).status()).isEqualTo(Round.Status.PROPOSED);
        assertThatThrownBy(() -> store.saveValuation(id, demo.valuation("DEU"))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("OPEN");
        store.saveAnswer(id, "DEU", Round.Answer.ACCEPT, null);
        store.saveAnswer(id, "MAR", Round.Answer.REJECT, "too little labour access");
        NegotiationStore.Record record = store.get(id);
        assertThat(record.status()).isEqualTo(Round.Status.OPEN);
        NegotiationStore.Proposal proposal = record.latest().orElseThrow();
        assertThat(proposal.number()).isEqualTo(number);
        assertThat(proposal.deal()).isEqualTo(deal);
        assertThat(proposal.rejected()).isTrue();
        assertThat(proposal.answers().get("MAR").reason()).isEqualTo("too little labour access");
    }
}
