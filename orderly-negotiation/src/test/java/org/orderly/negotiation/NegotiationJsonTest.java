package org.orderly.negotiation;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.orderly.negotiation.format.NegotiationFormatException;
import org.orderly.negotiation.format.NegotiationJson;

class NegotiationJsonTest {
    private static final String HEAD =
            "{\"format\":\"orderly-negotiation/1\",\"id\":\"t\",\"parties\":[\"AAA\",\"BBB\"],"
                    + "\"issues\":[{\"id\":\"i\",\"options\":[{\"id\":\"none\",\"value\":null},{\"id\":\"x\",\"value\":1}]}],";

    @Test
    void reportsTheJsonPathOfAValueThatIsNotAWholeNumber() {
        String json =
                HEAD + "\"valuations\":[{\"party\":\"AAA\",\"values\":{\"i\":{\"x\":\"lots\"}}},{\"party\":\"BBB\"}]}";
        assertThatThrownBy(() -> NegotiationJson.read(json, "bad.json"))
                .isInstanceOf(NegotiationFormatException.class)
                .hasMessage("bad.json: $.valuations[0].values.i.x: must be a whole number (points)");
    }

    @Test
    void reportsAValuationOfAnUnknownOption() {
        String json = HEAD + "\"valuations\":[{\"party\":\"AAA\",\"values\":{\"i\":{\"y\":3}}},{\"party\":\"BBB\"}]}";
        assertThatThrownBy(() -> NegotiationJson.read(json, "bad.json"))
                .hasMessageContaining("unknown option y of issue i");
    }

    @Test
    void reportsLineAndColumnOfMalformedJson() {
        assertThatThrownBy(() -> NegotiationJson.read("{\n  \"format\": ,\n}", "broken.json"))
                .isInstanceOf(NegotiationFormatException.class)
                .hasMessageStartingWith("broken.json: line 2, column");
    }

    @Test
    void reportsANormNamingAnUnknownOption() {
        String json = HEAD
                + "\"norms\":[{\"id\":\"n\",\"type\":\"FORBIDS\",\"issue\":\"i\",\"options\":[\"zzz\"]}],\"valuations\":[]}";
        assertThatThrownBy(() -> NegotiationJson.read(json, "bad.json"))
                .hasMessageContaining("norm n names unknown option zzz of issue i");
    }

    @Test
    void refusesPointsTooLargeToAddUpWithTheirPath() {
        String huge = "9".repeat(400);
        String json = HEAD + "\"valuations\":[{\"party\":\"AAA\",\"values\":{\"i\":{\"x\":" + huge
                + "}}},{\"party\":\"BBB\"}]}";
        assertThatThrownBy(() -> NegotiationJson.read(json, "bad.json"))
                .isInstanceOf(NegotiationFormatException.class)
                .hasMessage(
                        "bad.json: $.valuations[0].values.i.x: must be a whole number (points) from -1000000000000000 to 1000000000000000");
        String justOver = HEAD + "\"margin\":1000000000000001,\"valuations\":[]}";
        assertThatThrownBy(() -> NegotiationJson.read(justOver, "bad.json"))
                .isInstanceOf(NegotiationFormatException.class)
                .hasMessageContaining("$.margin: must be a whole number (points) from");
    }
}
