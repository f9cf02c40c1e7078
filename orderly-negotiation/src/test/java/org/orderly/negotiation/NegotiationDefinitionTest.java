package org.orderly.negotiation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.orderly.negotiation.format.NegotiationDefinition;
import org.orderly.negotiation.format.NegotiationFormatException;
import org.orderly.negotiation.format.NegotiationJson;

class NegotiationDefinitionTest {
    private final Table demo = NegotiationJson.demo();

    @Test
    void writesTheNegotiationWithoutValuationsAndReadsItBack() {
        String json = NegotiationDefinition.write(demo.negotiation());
        assertThat(json).doesNotContain("valuations").doesNotContain("reservation");
        assertThat(NegotiationDefinition.read(json, "definition")).isEqualTo(demo.negotiation());
    }

    @Test
    void refusesADefinitionThatCarriesValuations() {
        assertThatThrownBy(() -> NegotiationDefinition.read(NegotiationJson.write(demo), "body"))
                .isInstanceOf(NegotiationFormatException.class)
                .hasMessageContaining("$.valuations")
                .hasMessageContaining("private");
    }

    @Test
    void readsOnePartysValuationAgainstTheNegotiation() {
        Valuation mar = demo.valuation("MAR");
        String json = NegotiationDefinition.writeValuation(mar);
        assertThat(NegotiationDefinition.readValuation(demo.negotiation(), "MAR", json, "body"))
                .isEqualTo(mar);
        assertThat(NegotiationDefinition.readStoredValuation(demo.negotiation(), json))
                .isEqualTo(mar);
    }

    @Test
    void reportsAValuationProblemFromTheValuationsOwnRoot() {
        assertThatThrownBy(() -> NegotiationDefinition.readValuation(
                        demo.negotiation(), "DEU", "{\"reservation\": 2.5}", "body"))
                .isInstanceOf(NegotiationFormatException.class)
                .satisfies(e ->
                        assertThat(((NegotiationFormatException) e).where()).isEqualTo("$.reservation"));
        assertThatThrownBy(() ->
                        NegotiationDefinition.readValuation(demo.negotiation(), "DEU", "{\"party\": \"MAR\"}", "body"))
                .hasMessageContaining("entered for DEU");
        assertThatThrownBy(() -> NegotiationDefinition.readValuation(
                        demo.negotiation(), "DEU", "{\"values\": {\"labour-care\": {\"q2000\": 4}}}", "body"))
                .hasMessageContaining("unknown option q2000 of issue labour-care");
    }
}
