package org.orderly.server.negotiation;

import org.orderly.negotiation.format.NegotiationDefinition;
import org.orderly.store.negotiation.NegotiationStore;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A negotiation as everyone may read it: the definition in Orderly's format (parties, issues,
 * options, norms), its status, who has entered a valuation (not what), the proposals with their
 * norm checks and proof, the answers, and the instrument it was concluded into.
 */
public record NegotiationView(String id, String title, boolean illustrative, String status, List<String> parties,
                              JsonNode definition, List<String> partiesWithValuations, List<ProposalView> proposals,
                              String instrumentId, Instant openedAt, Instant concludedAt) {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    /** A proposal: its public summary (deal, norm checks, proof) and each party's answer. */
    public record ProposalView(int number, String objective, Map<String, String> deal, JsonNode summary,
                               Map<String, NegotiationStore.Answer> answers) {
    }

    static NegotiationView of(NegotiationStore.Record record) {
        return new NegotiationView(record.id(), record.negotiation().title(), record.illustrative(), record.status().name(),
                record.negotiation().parties(), MAPPER.readTree(NegotiationDefinition.write(record.negotiation())),
                record.partiesWithValuations(),
                record.proposals().stream().map(p -> new ProposalView(p.number(), p.objective(), p.deal().choices(),
                        MAPPER.readTree(p.summary()), p.answers())).toList(),
                record.instrumentId(), record.openedAt(), record.concludedAt());
    }
}
