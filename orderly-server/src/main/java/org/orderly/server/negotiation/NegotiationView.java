package org.orderly.server.negotiation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.orderly.negotiation.format.NegotiationDefinition;
import org.orderly.negotiation.procedure.ProcedureJson;
import org.orderly.negotiation.procedure.Proceedings;
import org.orderly.negotiation.procedure.Step;
import org.orderly.store.negotiation.NegotiationStore;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A negotiation as everyone may read it: the definition in Orderly's format (parties, issues, options, norms; none yet
 * for a request-offer round whose offers are open), its procedure, status and next step, who has entered a valuation
 * (not what), the proposals with their norm checks, proof, answers and decision, the public steps with time and actor,
 * and the instrument it was concluded into.
 */
public record NegotiationView(
        String id,
        String title,
        boolean illustrative,
        String status,
        String nextStep,
        List<String> parties,
        JsonNode procedure,
        JsonNode definition,
        List<String> partiesWithValuations,
        List<ProposalView> proposals,
        List<StepView> steps,
        List<String> extensions,
        String instrumentId,
        Instant openedAt,
        Instant concludedAt) {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    /** A proposal: its public summary (deal, norm checks, proof), each party's answer and the decision on it now. */
    public record ProposalView(
            int number,
            String objective,
            Map<String, String> deal,
            JsonNode summary,
            Instant deadline,
            Map<String, Proceedings.Given> answers,
            String decision,
            String decisionReason) {}

    /** A public step: when, who, what. */
    public record StepView(int number, Instant at, String actor, String party, String kind, String what) {}

    static NegotiationView of(NegotiationStore.Record record, Instant now) {
        Proceedings p = record.proceedings();
        return new NegotiationView(
                record.id(),
                p.title(),
                p.illustrative(),
                p.status(now).name(),
                p.nextStep(now),
                p.parties(),
                ProcedureJson.write(p.procedure()),
                p.hasIssues() ? MAPPER.readTree(NegotiationDefinition.write(p.negotiation())) : null,
                p.partiesWithValuations(),
                p.proposals().stream()
                        .map(q -> {
                            var decision = p.decision(q, now);
                            // Who answered what only where the procedure makes answers public; the decision and its
                            // reason always.
                            return new ProposalView(
                                    q.number(),
                                    q.objective(),
                                    q.deal().choices(),
                                    MAPPER.readTree(q.summary()),
                                    q.deadline(),
                                    p.isPublic(Step.Kind.ANSWERED) ? q.answers() : Map.of(),
                                    decision.outcome().name(),
                                    p.publicReason(decision));
                        })
                        .toList(),
                p.publicSteps().stream()
                        .map(s -> new StepView(
                                s.number(),
                                s.at(),
                                s.actor(),
                                s.party(),
                                s.act().kind().name(),
                                s.act().describe()))
                        .toList(),
                p.extensions(),
                record.instrumentId().orElse(null),
                record.openedAt(),
                p.concluded().map(Step::at).orElse(null));
    }
}
