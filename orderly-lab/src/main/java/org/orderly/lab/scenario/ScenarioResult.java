package org.orderly.lab.scenario;

import java.util.List;
import org.orderly.lab.model.Projection;

/**
 * A draft deal run through the model: the projections without and with it for the same year, the corridors it changes,
 * each state's effects, the policy coefficients that carry it, and the assumptions behind every figure.
 */
public record ScenarioResult(
        int year,
        DraftDeal deal,
        Projection baseline,
        Projection withDeal,
        List<CorridorChange> changes,
        List<StateEffect> states,
        List<PolicyEffect> coefficients,
        List<String> assumptions) {

    /** The effects on one state, or null when the deal changes nothing for it. */
    public StateEffect state(String code) {
        return states.stream().filter(s -> s.state().equals(code)).findFirst().orElse(null);
    }
}
