package org.orderly.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.orderly.negotiation.Deal;
import org.orderly.negotiation.Table;
import org.orderly.negotiation.format.NegotiationJson;
import org.orderly.negotiation.procedure.Answer;
import org.orderly.negotiation.procedure.Procedure;
import org.orderly.negotiation.procedure.Proceedings;
import org.orderly.negotiation.procedure.Step;
import org.orderly.store.negotiation.NegotiationStore;

class NegotiationStoreTest {
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private final Table demo = NegotiationJson.demo();
    private NegotiationStore store;

    @BeforeEach
    void empty() {
        RegistryStore registry = TestDatabase.emptyStore();
        registry.jdbc().sql("truncate negotiation cascade").update();
        store = new NegotiationStore(TestDatabase.get().dataSource());
        Proceedings.Opening opening = Proceedings.Opening.of(demo.negotiation(), Procedure.mediatedSingleText(), true);
        store.open(opening, Proceedings.opened(opening, Proceedings.Actor.secretariat("secretariat"), T0));
        String id = demo.negotiation().id();
        for (String party : demo.negotiation().parties()) {
            store.saveValuation(
                    id,
                    demo.valuation(party),
                    p -> p.record(
                            Proceedings.Actor.forParty(party.toLowerCase(), party),
                            new Step.ValuationEntered(),
                            T0.plusSeconds(10)));
        }
    }

    @Test
    void keepsTheDefinitionWithoutValuationsAndSaysWhoHasEnteredOne() {
        NegotiationStore.Record record = store.get(demo.negotiation().id());
        assertThat(record.proceedings().negotiation()).isEqualTo(demo.negotiation());
        assertThat(record.proceedings().status(T0.plusSeconds(20))).isEqualTo(Proceedings.Status.OPEN);
        assertThat(record.illustrative()).isTrue();
        assertThat(record.proceedings().partiesWithValuations()).containsExactly("DEU", "MAR");
        assertThat(record.proceedings().steps())
                .extracting(s -> s.who() + " " + s.act().describe())
                .containsExactly(
                        "secretariat opened the negotiation",
                        "deu for DEU entered its valuation",
                        "mar for MAR entered its valuation");
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
        store.append(
                id,
                p -> p.record(
                        Proceedings.Actor.secretariat("secretariat"),
                        new Step.Proposed(1, "JOINT", deal, "{}"),
                        T0.plusSeconds(30)));
        assertThat(store.get(id).proceedings().status(T0.plusSeconds(30))).isEqualTo(Proceedings.Status.PROPOSED);
        assertThatThrownBy(() -> store.saveValuation(
                        id,
                        demo.valuation("DEU"),
                        p -> p.record(
                                Proceedings.Actor.forParty("deu", "DEU"),
                                new Step.ValuationEntered(),
                                T0.plusSeconds(40))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("OPEN");
        store.append(
                id,
                p -> p.record(
                        Proceedings.Actor.forParty("deu", "DEU"),
                        new Step.Answered(1, Answer.ACCEPT, null),
                        T0.plusSeconds(50)));
        store.append(
                id,
                p -> p.record(
                        Proceedings.Actor.forParty("mar", "MAR"),
                        new Step.Answered(1, Answer.REJECT, "too little labour access"),
                        T0.plusSeconds(60)));
        Proceedings proceedings = store.get(id).proceedings();
        assertThat(proceedings.status(T0.plusSeconds(60))).isEqualTo(Proceedings.Status.OPEN);
        Proceedings.Proposal proposal = proceedings.latest().orElseThrow();
        assertThat(proposal.number()).isEqualTo(1);
        assertThat(proposal.deal()).isEqualTo(deal);
        assertThat(proceedings.rejectedDeals(T0.plusSeconds(60))).containsExactly(deal);
        assertThat(proposal.answers().get("MAR").reason()).isEqualTo("too little labour access");
        assertThat(store.get(id).proceedings().steps()).hasSize(6);
    }
}
