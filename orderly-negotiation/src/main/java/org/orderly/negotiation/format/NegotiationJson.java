package org.orderly.negotiation.format;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.orderly.negotiation.CommitmentTemplate;
import org.orderly.negotiation.Issue;
import org.orderly.negotiation.Negotiation;
import org.orderly.negotiation.Norm;
import org.orderly.negotiation.Option;
import org.orderly.negotiation.Table;
import org.orderly.negotiation.Valuation;
import org.orderly.negotiation.solver.Objective;
import org.orderly.negotiation.solver.Outcome;
import org.orderly.negotiation.solver.ParetoFrontier;
import org.orderly.regime.Commitment;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads and writes Orderly's negotiation JSON format ({@code "format": "orderly-negotiation/1"}),
 * documented in docs/negotiation-format.md; every error names the file and the JSON path.
 */
public final class NegotiationJson {
    public static final String FORMAT = "orderly-negotiation/1";
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    /** The largest points value (10¹⁵): a party's values over a thousand issues still sum within a long. */
    public static final long MAX_POINTS = 1_000_000_000_000_000L;

    private NegotiationJson() {}

    public static Table read(Path file) {
        try {
            return read(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new NegotiationFormatException(file.toString(), "file", "cannot be read: " + e.getMessage(), e);
        }
    }

    public static Table read(InputStream in, String name) {
        try {
            return read(new String(in.readAllBytes(), StandardCharsets.UTF_8), name);
        } catch (IOException e) {
            throw new NegotiationFormatException(name, "file", "cannot be read: " + e.getMessage(), e);
        }
    }

    /** The demonstration negotiation DEU–MAR shipped with the module (illustrative valuations). */
    public static Table demo() {
        String resource = "/org/orderly/negotiation/demo/deu-mar-partnership.json";
        try (InputStream in = NegotiationJson.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing resource " + resource);
            return read(in, resource);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Table read(String json, String name) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw NegotiationFormatException.notJson(name, e);
        }
        return new Reader(name).table(root);
    }

    /**
     * Reads one party's valuation on its own ({@code $} is the valuation object) and checks it against the negotiation as a
     * table holding it would, without writing or reading the negotiation again.
     */
    static Valuation readValuation(Negotiation negotiation, JsonNode node, String name) {
        Reader reader = new Reader(name);
        Valuation valuation = reader.valuation(node, "$");
        Map<String, Valuation> valuations = new LinkedHashMap<>();
        for (String party : negotiation.parties()) {
            valuations.put(
                    party, party.equals(valuation.party()) ? valuation : new Valuation(party, Map.of(), List.of(), 0));
        }
        reader.build("$", () -> new Table(negotiation, valuations));
        return valuation;
    }

    /** Reads one JSON document against one file name, tracking the path for error messages. */
    private record Reader(String name) {
        Table table(JsonNode root) {
            object(root, "$");
            String format = text(root, "$", "format");
            if (!FORMAT.equals(format)) fail("$.format", "expected \"" + FORMAT + "\", found \"" + format + "\"");
            List<String> parties = new ArrayList<>();
            JsonNode partyArray = array(root, "$", "parties");
            for (int i = 0; i < partyArray.size(); i++) parties.add(string(partyArray.get(i), "$.parties[" + i + "]"));
            List<Issue> issues = new ArrayList<>();
            JsonNode issueArray = array(root, "$", "issues");
            for (int i = 0; i < issueArray.size(); i++) issues.add(issue(issueArray.get(i), "$.issues[" + i + "]"));
            List<Norm> norms = new ArrayList<>();
            if (root.has("norms")) {
                JsonNode normArray = array(root, "$", "norms");
                for (int i = 0; i < normArray.size(); i++) norms.add(norm(normArray.get(i), "$.norms[" + i + "]"));
            }
            long margin = root.has("margin") ? integer(root.get("margin"), "$.margin") : 0;
            Negotiation negotiation = build(
                    "$",
                    () -> new Negotiation(
                            text(root, "$", "id"), optionalText(root, "title"), parties, issues, norms, margin));
            Map<String, Valuation> valuations = new LinkedHashMap<>();
            JsonNode valuationArray = array(root, "$", "valuations");
            for (int i = 0; i < valuationArray.size(); i++) {
                String path = "$.valuations[" + i + "]";
                Valuation valuation = valuation(valuationArray.get(i), path);
                if (valuations.put(valuation.party(), valuation) != null)
                    fail(path + ".party", "a second valuation for " + valuation.party());
            }
            return build("$.valuations", () -> new Table(negotiation, valuations));
        }

        Issue issue(JsonNode node, String path) {
            object(node, path);
            CommitmentTemplate template = null;
            if (node.has("commitment") && !node.get("commitment").isNull()) {
                JsonNode c = node.get("commitment");
                String at = path + ".commitment";
                object(c, at);
                String kindText = text(c, at, "kind");
                Commitment.Kind kind;
                try {
                    kind = Commitment.Kind.named(kindText);
                } catch (IllegalArgumentException e) {
                    throw new NegotiationFormatException(name, at + ".kind", "unknown commitment kind " + kindText);
                }
                Map<String, String> attributes = new LinkedHashMap<>();
                if (c.has("attributes")) {
                    object(c.get("attributes"), at + ".attributes");
                    for (var e : c.get("attributes").properties())
                        attributes.put(e.getKey(), scalar(e.getValue(), at + ".attributes." + e.getKey()));
                }
                Set<String> grantors = strings(c, at, "grantors");
                Set<String> beneficiaries = strings(c, at, "beneficiaries");
                template = build(at, () -> new CommitmentTemplate(kind, grantors, beneficiaries, attributes));
            }
            List<Option> options = new ArrayList<>();
            JsonNode optionArray = array(node, path, "options");
            for (int i = 0; i < optionArray.size(); i++) {
                JsonNode o = optionArray.get(i);
                String at = path + ".options[" + i + "]";
                object(o, at);
                JsonNode value = o.get("value");
                if (value != null && !value.isNull() && !value.isNumber())
                    fail(at + ".value", "must be a number or null (null = no commitment)");
                options.add(build(
                        at,
                        () -> new Option(
                                text(o, at, "id"),
                                optionalText(o, "label"),
                                value == null || value.isNull() ? null : value.decimalValue())));
            }
            CommitmentTemplate finalTemplate = template;
            return build(
                    path, () -> new Issue(text(node, path, "id"), optionalText(node, "title"), finalTemplate, options));
        }

        Norm norm(JsonNode node, String path) {
            object(node, path);
            String type = text(node, path, "type");
            String id = text(node, path, "id");
            String description = optionalText(node, "description");
            if ("REQUIRES".equalsIgnoreCase(type)) {
                JsonNode when = node.get("if");
                JsonNode then = node.get("then");
                object(when, path + ".if");
                object(then, path + ".then");
                return build(
                        path,
                        () -> new Norm.Requires(
                                id,
                                description,
                                text(when, path + ".if", "issue"),
                                strings(when, path + ".if", "options"),
                                text(then, path + ".then", "issue"),
                                strings(then, path + ".then", "options")));
            }
            if ("FORBIDS".equalsIgnoreCase(type)) {
                return build(
                        path,
                        () -> new Norm.Forbids(
                                id, description, text(node, path, "issue"), strings(node, path, "options")));
            }
            throw new NegotiationFormatException(
                    name, path + ".type", "unknown norm type " + type + " (REQUIRES or FORBIDS)");
        }

        Valuation valuation(JsonNode node, String path) {
            object(node, path);
            String party = text(node, path, "party");
            long reservation = node.has("reservation") ? integer(node.get("reservation"), path + ".reservation") : 0;
            Map<String, Map<String, Long>> values = new LinkedHashMap<>();
            if (node.has("values")) {
                object(node.get("values"), path + ".values");
                for (var issue : node.get("values").properties()) {
                    String at = path + ".values." + issue.getKey();
                    object(issue.getValue(), at);
                    Map<String, Long> options = new LinkedHashMap<>();
                    for (var option : issue.getValue().properties())
                        options.put(option.getKey(), integer(option.getValue(), at + "." + option.getKey()));
                    values.put(issue.getKey(), options);
                }
            }
            List<Valuation.Bundle> bundles = new ArrayList<>();
            if (node.has("interactions")) {
                JsonNode array = array(node, path, "interactions");
                for (int i = 0; i < array.size(); i++) {
                    String at = path + ".interactions[" + i + "]";
                    JsonNode item = array.get(i);
                    object(item, at);
                    object(item.get("bundle"), at + ".bundle");
                    List<Valuation.Condition> conditions = new ArrayList<>();
                    for (var e : item.get("bundle").properties())
                        conditions.add(condition(e.getKey(), e.getValue(), at + ".bundle." + e.getKey()));
                    long value = integer(item.get("value"), at + ".value");
                    bundles.add(build(at, () -> new Valuation.Bundle(conditions, value)));
                }
            }
            return new Valuation(party, values, bundles, reservation);
        }

        /** A bundle condition: an option id, an array of option ids (any of them), or {"min": a, "max": b} on the options' values. */
        Valuation.Condition condition(String issue, JsonNode node, String path) {
            if (node != null && node.isObject()) {
                long min = integer(node.get("min"), path + ".min");
                long max = integer(node.get("max"), path + ".max");
                return build(path, () -> new Valuation.Condition.Between(issue, min, max));
            }
            if (node != null && node.isArray()) {
                Set<String> options = new LinkedHashSet<>();
                for (int k = 0; k < node.size(); k++) options.add(string(node.get(k), path + "[" + k + "]"));
                return build(path, () -> new Valuation.Condition.OneOf(issue, options));
            }
            return new Valuation.Condition.OneOf(issue, Set.of(string(node, path)));
        }

        <T> T build(String path, java.util.function.Supplier<T> constructor) {
            try {
                return constructor.get();
            } catch (IllegalArgumentException | NullPointerException e) {
                if (e instanceof NegotiationFormatException n) throw n;
                throw new NegotiationFormatException(name, path, e.getMessage(), e);
            }
        }

        void object(JsonNode node, String path) {
            if (node == null || !node.isObject()) fail(path, "must be an object");
        }

        JsonNode array(JsonNode node, String path, String field) {
            JsonNode value = node.get(field);
            if (value == null || !value.isArray()) fail(path + "." + field, "must be an array");
            return value;
        }

        String text(JsonNode node, String path, String field) {
            return string(node.get(field), path + "." + field);
        }

        String optionalText(JsonNode node, String field) {
            JsonNode value = node.get(field);
            return value == null || value.isNull() ? null : value.asString();
        }

        String string(JsonNode node, String path) {
            if (node == null || !node.isString()) fail(path, "must be a string");
            return node.stringValue();
        }

        String scalar(JsonNode node, String path) {
            if (node.isArray()) {
                List<String> items = new ArrayList<>();
                for (int i = 0; i < node.size(); i++) items.add(string(node.get(i), path + "[" + i + "]"));
                return String.join(",", items);
            }
            if (node.isObject() || node.isNull()) fail(path, "must be a string, number, boolean or array of strings");
            return node.asString();
        }

        long integer(JsonNode node, String path) {
            if (node == null || !node.isIntegralNumber()) fail(path, "must be a whole number (points)");
            // A number of any length parses; points must also add up without overflow over every issue and party.
            if (!node.canConvertToLong() || Math.abs(node.longValue()) > MAX_POINTS) {
                fail(path, "must be a whole number (points) from -" + MAX_POINTS + " to " + MAX_POINTS);
            }
            return node.longValue();
        }

        Set<String> strings(JsonNode node, String path, String field) {
            JsonNode array = array(node, path, field);
            Set<String> set = new LinkedHashSet<>();
            for (int i = 0; i < array.size(); i++) set.add(string(array.get(i), path + "." + field + "[" + i + "]"));
            return set;
        }

        void fail(String path, String problem) {
            throw new NegotiationFormatException(name, path, problem);
        }
    }

    /** The table (negotiation and every valuation) as Orderly JSON. */
    public static String write(Table table) {
        Negotiation n = table.negotiation();
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("id", n.id());
        root.put("title", n.title());
        ArrayNode parties = root.putArray("parties");
        n.parties().forEach(parties::add);
        root.put("margin", n.margin());
        ArrayNode issues = root.putArray("issues");
        for (Issue issue : n.issues()) {
            ObjectNode i = issues.addObject();
            i.put("id", issue.id());
            i.put("title", issue.title());
            if (issue.template() != null) {
                ObjectNode c = i.putObject("commitment");
                c.put("kind", issue.template().kind().name());
                ArrayNode g = c.putArray("grantors");
                issue.template().grantors().stream().sorted().forEach(g::add);
                ArrayNode b = c.putArray("beneficiaries");
                issue.template().beneficiaries().stream().sorted().forEach(b::add);
                ObjectNode a = c.putObject("attributes");
                issue.template().attributes().forEach(a::put);
            }
            ArrayNode options = i.putArray("options");
            for (Option option : issue.options()) {
                ObjectNode o = options.addObject();
                o.put("id", option.id());
                o.put("label", option.label());
                if (option.isNone()) o.putNull("value");
                else o.put("value", option.value());
            }
        }
        ArrayNode norms = root.putArray("norms");
        for (Norm norm : n.norms()) {
            ObjectNode o = norms.addObject();
            o.put("id", norm.id());
            o.put("description", norm.description());
            norm.match(
                    r -> {
                        o.put("type", "REQUIRES");
                        ObjectNode when = o.putObject("if");
                        when.put("issue", r.ifIssue());
                        ArrayNode wo = when.putArray("options");
                        r.ifOptions().stream().sorted().forEach(wo::add);
                        ObjectNode then = o.putObject("then");
                        then.put("issue", r.thenIssue());
                        ArrayNode to = then.putArray("options");
                        r.thenOptions().stream().sorted().forEach(to::add);
                        return o;
                    },
                    f -> {
                        o.put("type", "FORBIDS");
                        o.put("issue", f.issue());
                        ArrayNode fo = o.putArray("options");
                        f.options().stream().sorted().forEach(fo::add);
                        return o;
                    });
        }
        ArrayNode valuations = root.putArray("valuations");
        for (Valuation valuation : table.valuations().values()) valuations.add(valuation(valuation));
        return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }

    /** One party's valuation as JSON (what that party, and only it, may see). */
    public static ObjectNode valuation(Valuation valuation) {
        ObjectNode v = MAPPER.createObjectNode();
        v.put("party", valuation.party());
        v.put("reservation", valuation.reservation());
        ObjectNode values = v.putObject("values");
        valuation.values().forEach((issue, options) -> {
            ObjectNode o = values.putObject(issue);
            options.entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .forEach(e -> o.put(e.getKey(), e.getValue()));
        });
        ArrayNode interactions = v.putArray("interactions");
        for (Valuation.Bundle bundle : valuation.bundles()) {
            ObjectNode i = interactions.addObject();
            ObjectNode conditions = i.putObject("bundle");
            for (Valuation.Condition condition : bundle.conditions()) {
                condition.match(
                        oneOf -> {
                            if (oneOf.options().size() == 1)
                                return conditions.put(
                                        oneOf.issue(),
                                        oneOf.options().iterator().next());
                            ArrayNode options = conditions.putArray(oneOf.issue());
                            oneOf.options().stream().sorted().forEach(options::add);
                            return conditions;
                        },
                        between -> conditions
                                .putObject(between.issue())
                                .put("min", between.min())
                                .put("max", between.max()));
            }
            i.put("value", bundle.value());
        }
        return v;
    }

    /**
     * An outcome as JSON: the deal, each party's utility and gain (also divided by
     * {@code pointsPerUnit}, the GENIUS normalisation for GENIUS input), the proof and the norm checks.
     */
    public static ObjectNode outcome(Outcome outcome, long pointsPerUnit) {
        ObjectNode o = MAPPER.createObjectNode();
        outcome.match(
                p -> {
                    o.put("result", "DEAL");
                    o.put("objective", p.objective().name());
                    ObjectNode deal = o.putObject("deal");
                    p.deal().choices().forEach(deal::put);
                    ObjectNode parties = o.putObject("parties");
                    p.utilities().keySet().stream().sorted().forEach(party -> {
                        ObjectNode q = parties.putObject(party);
                        q.put("utility", p.utilities().get(party));
                        q.put("gain", p.gains().get(party));
                        q.put("normalisedUtility", (double) p.utilities().get(party) / pointsPerUnit);
                    });
                    o.put("value", p.value());
                    o.put("bound", p.bound());
                    // The value in the source's unit: points per unit once for sums and minima, once per party for the
                    // Nash product.
                    double unit = p.objective() == Objective.NASH
                            ? Math.pow(pointsPerUnit, p.utilities().size())
                            : pointsPerUnit;
                    o.put("normalisedValue", p.value() / unit);
                    o.put("normalisedBound", p.bound() / unit);
                    o.put("gap", p.gap());
                    o.put("proof", p.proof().name());
                    o.put("proven", p.proven());
                    o.put("method", p.method());
                    ArrayNode norms = o.putArray("norms");
                    p.norms()
                            .forEach(c -> norms.addObject()
                                    .put("norm", c.normId())
                                    .put("met", c.met())
                                    .put("reason", c.reason()));
                    o.put("seconds", p.seconds());
                    return o;
                },
                d -> {
                    o.put("result", "NO_DEAL");
                    o.put("reason", d.reason());
                    o.put("proof", d.proof().name());
                    ArrayNode blockers = o.putArray("blockers");
                    for (Outcome.Blocker b : d.blockers()) {
                        ObjectNode q = blockers.addObject();
                        q.put("party", b.party());
                        if (b.bestUtility() == null) q.putNull("bestUtility");
                        else q.put("bestUtility", b.bestUtility());
                        q.put("required", b.required());
                        if (b.shortfall() == null) q.putNull("shortfall");
                        else q.put("shortfall", b.shortfall());
                    }
                    ArrayNode norms = o.putArray("blockingNorms");
                    d.blockingNorms().forEach(norms::add);
                    o.put("seconds", d.seconds());
                    return o;
                });
        return o;
    }

    /** A Pareto frontier as JSON (utilities per point and whether the point is individually rational). */
    public static ObjectNode frontier(ParetoFrontier frontier, long pointsPerUnit) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("size", frontier.size());
        o.put("complete", frontier.complete());
        o.put("individuallyRationalOnly", frontier.individuallyRationalOnly());
        ArrayNode points = o.putArray("points");
        for (ParetoFrontier.Point point : frontier.points()) {
            ObjectNode p = points.addObject();
            ObjectNode u = p.putObject("utilities");
            frontier.parties()
                    .forEach(party -> u.put(party, (double) point.utilities().get(party) / pointsPerUnit));
            p.put("individuallyRational", point.individuallyRational());
        }
        return o;
    }

    public static String pretty(JsonNode node) {
        return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
    }
}
