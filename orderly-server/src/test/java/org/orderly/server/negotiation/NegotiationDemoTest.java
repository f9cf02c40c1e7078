package org.orderly.server.negotiation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.orderly.negotiation.format.NegotiationJson;
import org.orderly.negotiation.procedure.Proceedings;
import org.orderly.store.negotiation.NegotiationStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;

/** With {@code orderly.demo} on, the illustrative DEU–MAR negotiation is open at start, with a proposal, once. */
@SpringBootTest(properties = {"orderly.home=temporary", "orderly.demo=true", "orderly.shared-data="})
class NegotiationDemoTest {
    @Autowired
    NegotiationDemoRunner runner;

    @Autowired
    NegotiationService negotiations;

    @Test
    void opensTheIllustrativeDemonstrationOnceWithTheEnginesProposal() {
        String id = NegotiationJson.demo().negotiation().id();
        NegotiationStore.Record demo = negotiations.get(id);
        assertThat(demo.illustrative()).isTrue();
        assertThat(demo.proceedings().title()).contains("ILLUSTRATIVE");
        assertThat(demo.proceedings().partiesWithValuations()).containsExactly("DEU", "MAR");
        assertThat(demo.proceedings().status(negotiations.now())).isEqualTo(Proceedings.Status.PROPOSED);
        assertThat(demo.proceedings().proposals()).hasSize(1);

        runner.run(new DefaultApplicationArguments());
        // Other test classes may share this JVM's temporary database: count only the demonstration.
        assertThat(negotiations.list()).filteredOn(r -> r.id().equals(id)).hasSize(1);
        assertThat(negotiations.get(id).proceedings().proposals()).hasSize(1);
    }
}
