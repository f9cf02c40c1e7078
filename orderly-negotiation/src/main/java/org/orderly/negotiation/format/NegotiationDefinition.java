package org.orderly.negotiation.format;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.orderly.negotiation.Negotiation;
import org.orderly.negotiation.Table;
import org.orderly.negotiation.Valuation;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The public half of Orderly's negotiation format: a negotiation without valuations (what the
 * secretariat opens and everyone may read), and one party's valuation read on its own against it.
 */
public final class NegotiationDefinition {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private NegotiationDefinition() {}

    /** The negotiation as Orderly JSON with no {@code valuations} member. */
    public static String write(Negotiation negotiation) {
        ObjectNode root =
                (ObjectNode) MAPPER.readTree(NegotiationJson.write(new Table(negotiation, empty(negotiation))));
        root.remove("valuations");
        return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }

    /**
     * Reads a negotiation from Orderly JSON that carries no valuations; a document that does carry
     * them is refused, because valuations are private and each party enters its own.
     */
    public static Negotiation read(String json, String name) {
        ObjectNode root = object(json, name);
        JsonNode valuations = root.get("valuations");
        if (valuations != null && !(valuations.isArray() && valuations.isEmpty())) {
            throw new NegotiationFormatException(
                    name,
                    "$.valuations",
                    "valuations are private: open the negotiation without them and let each party enter its own");
        }
        ArrayNode filled = root.putArray("valuations");
        JsonNode parties = root.get("parties");
        if (parties != null && parties.isArray()) {
            for (JsonNode party : parties)
                if (party.isString()) filled.addObject().put("party", party.stringValue());
        }
        return NegotiationJson.read(MAPPER.writeValueAsString(root), name).negotiation();
    }

    /**
     * Reads one party's valuation ({@code reservation}, {@code values}, {@code interactions}; the
     * {@code party} member may be omitted) and checks every issue and option it names against the negotiation.
     */
    public static Valuation readValuation(Negotiation negotiation, String party, String json, String name) {
        ObjectNode valuation = object(json, name);
        JsonNode named = valuation.get("party");
        if (named != null && !(named.isString() && named.stringValue().equals(party))) {
            throw new NegotiationFormatException(
                    name, "$.party", "this valuation is entered for " + party + ", not for " + named);
        }
        valuation.put("party", party);
        if (!negotiation.parties().contains(party))
            throw new IllegalArgumentException(party + " is not a party to " + negotiation.id());
        // Read against the negotiation as it is, not through a document rebuilt from it (that cost two serialisations a
        // row).
        return NegotiationJson.readValuation(negotiation, valuation, name);
    }

    /** A valuation in Orderly JSON (what its party, and only it, may read). */
    public static String writeValuation(Valuation valuation) {
        return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(NegotiationJson.valuation(valuation));
    }

    /** Reads a valuation written by {@link #writeValuation}. */
    public static Valuation readStoredValuation(Negotiation negotiation, String json) {
        ObjectNode node = object(json, "stored valuation");
        return readValuation(negotiation, node.get("party").stringValue(), json, "stored valuation");
    }

    private static ObjectNode object(String json, String name) {
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw NegotiationFormatException.notJson(name, e);
        }
        if (node == null || !node.isObject()) throw new NegotiationFormatException(name, "$", "must be a JSON object");
        return (ObjectNode) node;
    }

    private static Map<String, Valuation> empty(Negotiation negotiation) {
        Map<String, Valuation> empty = new LinkedHashMap<>();
        for (String party : negotiation.parties()) empty.put(party, new Valuation(party, Map.of(), List.of(), 0));
        return empty;
    }
}
