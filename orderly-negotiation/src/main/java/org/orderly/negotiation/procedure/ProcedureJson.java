package org.orderly.negotiation.procedure;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.orderly.negotiation.Deal;
import org.orderly.regime.Commitment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Procedures and steps as JSON: the {@code procedure} member of a negotiation document (absent = the mediated single
 * text), and each step's act as the store keeps it. Errors name the JSON path.
 */
public final class ProcedureJson {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private ProcedureJson() {}

    // ---- procedures ------------------------------------------------------------------------------------------

    public static ObjectNode write(Procedure procedure) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("name", procedure.name());
        o.put("format", procedure.format().name());
        ObjectNode rule = o.putObject("rule");
        rule.put("type", procedure.rule().type());
        procedure
                .rule()
                .match(
                        c -> rule.put("objectionPeriod", c.objectionPeriod().toString()),
                        u -> rule,
                        q -> {
                            ObjectNode weights = rule.putObject("weights");
                            q.weights().forEach(weights::put);
                            rule.put("weightPercent", q.weightPercent());
                            return rule.put("membersPercent", q.membersPercent());
                        },
                        s -> rule);
        ArrayNode propose = o.putArray("mayPropose");
        procedure.mayPropose().stream().map(Enum::name).sorted().forEach(propose::add);
        if (procedure.answerPeriod() != null)
            o.put("answerPeriod", procedure.answerPeriod().toString());
        o.put("quorum", procedure.quorum());
        if (procedure.chair() != null) {
            ObjectNode chair = o.putObject("chair");
            chair.put("kind", procedure.chair().kind().name());
            ArrayNode rotation = chair.putArray("rotation");
            procedure.chair().rotation().forEach(rotation::add);
            chair.put("termMonths", procedure.chair().termMonths());
            chair.put("from", procedure.chair().from().toString());
        }
        ArrayNode observers = o.putArray("observers");
        procedure.observers().stream().sorted().forEach(observers::add);
        ArrayNode publicSteps = o.putArray("public");
        procedure.publicSteps().stream().sorted().map(Enum::name).forEach(publicSteps::add);
        return o;
    }

    /** Reads a procedure; {@code at} is its JSON path, for errors ("$.procedure.rule.type: …"). */
    public static Procedure read(JsonNode node, String at) {
        if (node == null || node.isNull() || node.isMissingNode()) return Procedure.mediatedSingleText();
        if (!node.isObject()) throw bad(at, "must be an object");
        try {
            Procedure.Format format =
                    enumOf(Procedure.Format.class, text(node, "format", at, "SINGLE_TEXT"), at + ".format");
            JsonNode r = node.path("rule");
            String type = text(r, "type", at + ".rule", "UNANIMITY");
            DecisionRule rule = switch (type.toUpperCase(Locale.ROOT)) {
                case "CONSENSUS" -> new DecisionRule.Consensus(duration(r, "objectionPeriod", at + ".rule"));
                case "UNANIMITY" -> new DecisionRule.Unanimity();
                case "SIMPLE_MAJORITY" -> new DecisionRule.SimpleMajority();
                case "QUALIFIED_MAJORITY" -> {
                    Map<String, Integer> weights = new LinkedHashMap<>();
                    if (!r.path("weights").isObject())
                        throw bad(at + ".rule.weights", "must be an object of party: weight");
                    for (var e : r.get("weights").properties()) {
                        if (!e.getValue().isIntegralNumber())
                            throw bad(at + ".rule.weights." + e.getKey(), "must be a whole number");
                        weights.put(e.getKey(), e.getValue().asInt());
                    }
                    yield new DecisionRule.QualifiedMajority(
                            weights,
                            integer(r, "weightPercent", at + ".rule", 65),
                            integer(r, "membersPercent", at + ".rule", 0));
                }
                default ->
                    throw bad(
                            at + ".rule.type",
                            "'" + type + "' is not CONSENSUS, UNANIMITY, QUALIFIED_MAJORITY or SIMPLE_MAJORITY");
            };
            Set<Procedure.Role> propose = EnumSet.noneOf(Procedure.Role.class);
            for (JsonNode role : node.path("mayPropose"))
                propose.add(enumOf(Procedure.Role.class, role.asString(), at + ".mayPropose"));
            Chair chair = null;
            if (node.has("chair")) {
                JsonNode c = node.get("chair");
                List<String> rotation = new ArrayList<>();
                for (JsonNode m : c.path("rotation")) rotation.add(m.asString());
                LocalDate from;
                try {
                    from = LocalDate.parse(text(c, "from", at + ".chair", null));
                } catch (DateTimeParseException e) {
                    throw bad(at + ".chair.from", "must be a date (YYYY-MM-DD)");
                }
                chair = new Chair(
                        enumOf(Chair.Kind.class, text(c, "kind", at + ".chair", "SINGLE"), at + ".chair.kind"),
                        rotation,
                        integer(c, "termMonths", at + ".chair", 6),
                        from);
            }
            List<String> observers = new ArrayList<>();
            for (JsonNode o : node.path("observers")) observers.add(o.asString());
            Set<Step.Kind> publicSteps = null;
            if (node.has("public")) {
                publicSteps = EnumSet.noneOf(Step.Kind.class);
                for (JsonNode k : node.get("public"))
                    publicSteps.add(enumOf(Step.Kind.class, k.asString(), at + ".public"));
            }
            return new Procedure(
                    text(
                            node,
                            "name",
                            at,
                            format == Procedure.Format.REQUEST_OFFER ? "request-offer rounds" : "mediated single text"),
                    format,
                    rule,
                    propose,
                    node.has("answerPeriod") ? duration(node, "answerPeriod", at) : null,
                    integer(node, "quorum", at, 0),
                    chair,
                    Set.copyOf(observers),
                    publicSteps);
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("$")) throw e;
            throw bad(at, e.getMessage());
        }
    }

    // ---- steps -----------------------------------------------------------------------------------------------

    /** A step's act as JSON, for the store. */
    public static String writeAct(Step.Act act) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("kind", act.kind().name());
        boolean written = switch (act.kind()) {
            case OPENED -> o.put("title", ((Step.Opened) act).title()) != null;
            case VALUATION_ENTERED, OFFERS_CLOSED -> true;
            case REQUEST_FILED -> {
                Step.Request r = ((Step.RequestFiled) act).request();
                o.put("id", r.id())
                        .put("from", r.from())
                        .put("to", r.to())
                        .put("title", r.title())
                        .put("commitment", r.kind().name());
                if (r.value() != null) o.put("value", r.value());
                yield true;
            }
            case OFFER_FILED -> {
                Step.Offer f = ((Step.OfferFiled) act).offer();
                o.put("id", f.id())
                        .put("grantor", f.grantor())
                        .put("title", f.title())
                        .put("commitment", f.kind().name())
                        .put("value", f.value());
                ObjectNode attributes = o.putObject("attributes");
                f.attributes().forEach(attributes::put);
                ArrayNode answering = o.putArray("answering");
                f.answering().forEach(answering::add);
                yield true;
            }
            case EXCEPTIONS_SCHEDULED -> {
                ArrayNode list = o.putArray("exemptions");
                for (Step.Exemption e : ((Step.ExceptionsScheduled) act).exemptions())
                    list.addObject().put("commitment", e.kind().name()).put("reason", e.reason());
                yield true;
            }
            case PROPOSED -> {
                Step.Proposed p = (Step.Proposed) act;
                o.put("proposal", p.proposal()).put("objective", p.objective()).put("summary", p.summary());
                ObjectNode deal = o.putObject("deal");
                p.deal().choices().forEach(deal::put);
                yield true;
            }
            case ANSWERED -> {
                Step.Answered a = (Step.Answered) act;
                o.put("proposal", a.proposal()).put("answer", a.answer().name());
                if (a.reason() != null) o.put("reason", a.reason());
                yield true;
            }
            case STATEMENT -> o.put("text", ((Step.Statement) act).text()) != null;
            case PAPER_FILED ->
                o.put("title", ((Step.PaperFiled) act).title()).put("text", ((Step.PaperFiled) act).text()) != null;
            case CONCLUDED -> {
                Step.Concluded c = (Step.Concluded) act;
                o.put("proposal", c.proposal());
                if (c.instrumentId() != null) o.put("instrument", c.instrumentId());
                ArrayNode conflicts = o.putArray("conflicts");
                c.conflicts().forEach(conflicts::add);
                if (c.override() != null) o.put("override", c.override());
                yield true;
            }
        };
        return MAPPER.writeValueAsString(o);
    }

    /** Reads an act the store kept. */
    public static Step.Act readAct(String json) {
        JsonNode o = MAPPER.readTree(json);
        Step.Kind kind = Step.Kind.valueOf(o.get("kind").asString());
        return switch (kind) {
            case OPENED -> new Step.Opened(o.path("title").asString(null));
            case VALUATION_ENTERED -> new Step.ValuationEntered();
            case OFFERS_CLOSED -> new Step.OffersClosed();
            case REQUEST_FILED ->
                new Step.RequestFiled(new Step.Request(
                        o.get("id").asString(),
                        o.get("from").asString(),
                        o.get("to").asString(),
                        o.get("title").asString(),
                        Commitment.Kind.valueOf(o.get("commitment").asString()),
                        o.has("value") ? o.get("value").decimalValue() : null));
            case OFFER_FILED -> {
                Map<String, String> attributes = new LinkedHashMap<>();
                for (var e : o.path("attributes").properties())
                    attributes.put(e.getKey(), e.getValue().asString());
                List<String> answering = new ArrayList<>();
                for (JsonNode a : o.path("answering")) answering.add(a.asString());
                yield new Step.OfferFiled(new Step.Offer(
                        o.get("id").asString(),
                        o.get("grantor").asString(),
                        o.get("title").asString(),
                        Commitment.Kind.valueOf(o.get("commitment").asString()),
                        attributes,
                        o.get("value").decimalValue(),
                        answering));
            }
            case EXCEPTIONS_SCHEDULED -> {
                List<Step.Exemption> exemptions = new ArrayList<>();
                for (JsonNode e : o.path("exemptions"))
                    exemptions.add(new Step.Exemption(
                            Commitment.Kind.valueOf(e.get("commitment").asString()),
                            e.get("reason").asString()));
                yield new Step.ExceptionsScheduled(exemptions);
            }
            case PROPOSED -> {
                Map<String, String> choices = new LinkedHashMap<>();
                for (var e : o.get("deal").properties())
                    choices.put(e.getKey(), e.getValue().asString());
                yield new Step.Proposed(
                        o.get("proposal").asInt(),
                        o.get("objective").asString(),
                        new Deal(choices),
                        o.get("summary").asString());
            }
            case ANSWERED ->
                new Step.Answered(
                        o.get("proposal").asInt(),
                        Answer.valueOf(o.get("answer").asString()),
                        o.path("reason").asString(null));
            case STATEMENT -> new Step.Statement(o.get("text").asString());
            case PAPER_FILED ->
                new Step.PaperFiled(o.get("title").asString(), o.get("text").asString());
            case CONCLUDED -> {
                List<String> conflicts = new ArrayList<>();
                for (JsonNode c : o.path("conflicts")) conflicts.add(c.asString());
                yield new Step.Concluded(
                        o.get("proposal").asInt(),
                        o.path("instrument").asString(null),
                        conflicts,
                        o.path("override").asString(null));
            }
        };
    }

    /** Parses a value typed on a page or in a request: a number, with the field named when it is not one. */
    public static BigDecimal number(String text, String field) {
        try {
            return new BigDecimal(text == null ? "" : text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + ": '" + (text == null ? "" : text) + "' is not a number");
        }
    }

    private static String text(JsonNode node, String field, String at, String fallback) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            if (fallback == null) throw bad(at + "." + field, "is missing");
            return fallback;
        }
        if (!value.isString()) throw bad(at + "." + field, "must be a string");
        return value.asString();
    }

    private static int integer(JsonNode node, String field, String at, int fallback) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) return fallback;
        if (!value.isIntegralNumber()) throw bad(at + "." + field, "must be a whole number");
        return value.asInt();
    }

    private static Duration duration(JsonNode node, String field, String at) {
        String text = text(node, field, at, null);
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw bad(at + "." + field, "'" + text + "' is not an ISO-8601 duration such as P14D (14 days) or PT2H");
        }
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String text, String at) {
        try {
            return Enum.valueOf(type, text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw bad(at, "'" + text + "' is not one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    private static IllegalArgumentException bad(String at, String message) {
        return new IllegalArgumentException(at + ": " + message);
    }
}
