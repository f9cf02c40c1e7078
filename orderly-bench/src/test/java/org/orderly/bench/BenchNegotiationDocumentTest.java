package org.orderly.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchNegotiationDocumentTest {

    @Test
    void gathersTheScenarioLinesIntoOneDocumentKeepingOtherLinesAsNotes() {
        String output =
                "{\"benchmark\":\"negotiation\",\"kind\":\"versus-enumeration\",\"issues\":4,\"sameOptimum\":true}\n"
                        + "{\"benchmark\":\"negotiation\",\"kind\":\"scale\",\"issues\":40,\"gap\":0.000000}\r\n"
                        + "30x100x5 NASH: no deal was found before the time limit\n\n";
        BenchCommand.NegotiationDocument document = BenchCommand.NegotiationDocument.of(output);
        assertThat(document.results()).hasSize(2);
        assertThat(((Map<?, ?>) document.results().get(1)).get("issues")).isEqualTo(40);
        assertThat(document.notes()).containsExactly("30x100x5 NASH: no deal was found before the time limit");
    }
}
