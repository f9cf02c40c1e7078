package org.orderly.lab.scenario;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.orderly.regime.Commitment;
import org.orderly.regime.CommitmentTerms;
import org.orderly.regime.Instrument;
import org.orderly.regime.Participation;
import org.orderly.regime.Pillar;
import org.orderly.regime.Scope;
import org.orderly.regime.Source;
import org.orderly.regime.Term;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a draft deal in the registry's instrument JSON (the body of {@code POST /api/v1/instruments}):
 * <pre>{"instrument": {"id", "title", "kind", "level", "binding", "adopted", "inForce", "pillars", "source"},
 *  "commitments": [{"kind", "grantors", "beneficiaries", "from", "until", "terms": {…}, "source"}],
 *  "participations": [{"party", "status", "since", "until", "reservations", "source"}]}</pre>
 * Commitment terms are the registry's ({@link CommitmentTerms}: {@code stay_days}, {@code right_to_work},
 * {@code sector} and {@code annual_quota}, {@code target_percent}…). A draft may leave out what a recorded instrument
 * needs: {@code inForce} is required (the date it would apply from); {@code title} defaults to the id; {@code kind} and
 * {@code level} to a bilateral or regional agreement by the number of parties; sources to "draft deal ID"; and when no
 * participations are given, every state the commitments name ratifies on {@code inForce}. Every error names the file and
 * the JSON path.
 */
public final class DraftDealJson {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private DraftDealJson() {}

    public static DraftDeal read(Path file) {
        try {
            return read(
                    Files.readString(file, StandardCharsets.UTF_8),
                    file.getFileName().toString());
        } catch (IOException e) {
            throw new ScenarioFormatException(
                    file.getFileName().toString(), "file", "cannot be read: " + e.getMessage());
        }
    }

    /** Reads JSON text; {@code name} is what errors call it. */
    public static DraftDeal read(String json, String name) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JacksonException e) {
            var at = e.getLocation();
            throw new ScenarioFormatException(
                    name,
                    at == null ? "JSON" : "line " + at.getLineNr() + ", column " + at.getColumnNr(),
                    e.getOriginalMessage());
        }
        return new Reader(name).deal(root);
    }

    private record Reader(String name) {
        DraftDeal deal(JsonNode root) {
            object(root, "$");
            JsonNode i = root.get("instrument");
            object(i, "$.instrument");
            String id = text(i, "$.instrument", "id", true);
            LocalDate inForce = date(i, "$.instrument", "inForce", true);
            Source source = i.has("source")
                    ? source(i.get("source"), "$.instrument.source")
                    : new Source("draft deal " + id, "a scenario read from " + name, inForce);
            List<Commitment> commitments = new ArrayList<>();
            JsonNode list = root.get("commitments");
            if (list == null || !list.isArray() || list.isEmpty())
                fail("$.commitments", "a draft deal needs at least one commitment");
            Set<String> named = new LinkedHashSet<>();
            for (int k = 0; k < list.size(); k++)
                commitments.add(commitment(list.get(k), "$.commitments[" + k + "]", id, source, named));
            List<Participation> participations = new ArrayList<>();
            JsonNode given = root.get("participations");
            if (given != null && !given.isNull()) {
                if (!given.isArray()) fail("$.participations", "expected an array");
                for (int k = 0; k < given.size(); k++)
                    participations.add(participation(given.get(k), "$.participations[" + k + "]", id, source));
            }
            if (participations.isEmpty()) {
                for (String state : named) {
                    participations.add(new Participation(
                            state, id, Participation.Status.RATIFIED, inForce, null, List.of(), source));
                }
            }
            int parties = participations.size();
            Instrument.Kind kind = i.has("kind")
                    ? enumValue(Instrument.Kind.class, i, "$.instrument", "kind")
                    : parties == 2 ? Instrument.Kind.BILATERAL_AGREEMENT : Instrument.Kind.REGIONAL_AGREEMENT;
            Instrument.Level level = i.has("level")
                    ? enumValue(Instrument.Level.class, i, "$.instrument", "level")
                    : parties == 2 ? Instrument.Level.BILATERAL : Instrument.Level.REGIONAL;
            Set<Pillar> pillars = EnumSet.noneOf(Pillar.class);
            if (i.has("pillars")) {
                JsonNode p = i.get("pillars");
                if (!p.isArray()) fail("$.instrument.pillars", "expected an array");
                for (int k = 0; k < p.size(); k++)
                    pillars.add(parseEnum(Pillar.class, p.get(k), "$.instrument.pillars[" + k + "]"));
            }
            boolean binding = !i.has("binding") || bool(i.get("binding"), "$.instrument.binding");
            String title = i.has("title") ? text(i, "$.instrument", "title", true) : id;
            LocalDate adopted = date(i, "$.instrument", "adopted", false);
            Instrument instrument = build(
                    "$.instrument",
                    () -> new Instrument(id, title, kind, level, binding, adopted, inForce, pillars, source));
            return new DraftDeal(instrument, commitments, participations);
        }

        Commitment commitment(JsonNode node, String path, String instrumentId, Source fallback, Set<String> named) {
            object(node, path);
            Commitment.Kind kind = enumValue(Commitment.Kind.class, node, path, "kind");
            Set<String> grantors = codes(node, path, "grantors");
            Set<String> beneficiaries = codes(node, path, "beneficiaries");
            named.addAll(grantors);
            named.addAll(beneficiaries);
            // PARTIES and ANY stand for the deal's parties and for every nationality: neither is a state that joins.
            named.remove(Scope.PARTIES);
            named.remove(Scope.ANY);
            Map<String, String> terms = new LinkedHashMap<>();
            JsonNode t = node.get("terms");
            if (t != null && !t.isNull()) {
                object(t, path + ".terms");
                for (var entry : t.properties()) {
                    JsonNode v = entry.getValue();
                    if (!v.isValueNode() || v.isNull())
                        fail(path + ".terms." + entry.getKey(), "expected a string, number or boolean");
                    terms.put(entry.getKey(), v.asString());
                }
            }
            Source source = node.has("source") ? source(node.get("source"), path + ".source") : fallback;
            Term term = build(path, () -> new Term(date(node, path, "from", false), date(node, path, "until", false)));
            boolean reciprocal = grantors.isEmpty() && beneficiaries.isEmpty();
            Scope scope = build(path, () -> reciprocal ? Scope.reciprocal() : Scope.directed(grantors, beneficiaries));
            return build(path, () -> CommitmentTerms.toCommitment(kind, instrumentId, scope, term, terms, source));
        }

        Participation participation(JsonNode node, String path, String instrumentId, Source fallback) {
            object(node, path);
            String party = text(node, path, "party", true);
            Participation.Status status = node.has("status")
                    ? enumValue(Participation.Status.class, node, path, "status")
                    : Participation.Status.RATIFIED;
            Source source = node.has("source") ? source(node.get("source"), path + ".source") : fallback;
            LocalDate since = date(node, path, "since", false);
            LocalDate until = date(node, path, "until", false);
            return build(path, () -> new Participation(party, instrumentId, status, since, until, List.of(), source));
        }

        Source source(JsonNode node, String path) {
            object(node, path);
            return build(
                    path,
                    () -> new Source(
                            text(node, path, "title", true),
                            text(node, path, "reference", false),
                            date(node, path, "asOf", true)));
        }

        Set<String> codes(JsonNode node, String path, String field) {
            Set<String> codes = new LinkedHashSet<>();
            JsonNode array = node.get(field);
            if (array == null || array.isNull()) return codes;
            if (!array.isArray()) fail(path + "." + field, "expected an array of ISO alpha-3 codes");
            for (int k = 0; k < array.size(); k++) {
                JsonNode code = array.get(k);
                if (!code.isString()
                        || !(code.asString().matches("[A-Z]{3}")
                                || code.asString().equals(Scope.PARTIES))) {
                    fail(path + "." + field + "[" + k + "]", "expected an ISO 3166-1 alpha-3 code, found " + code);
                }
                codes.add(code.asString());
            }
            return codes;
        }

        String text(JsonNode node, String path, String field, boolean required) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                if (required) fail(path + "." + field, "is required");
                return null;
            }
            if (!value.isString() || value.asString().isBlank())
                fail(path + "." + field, "expected a non-empty string, found " + value);
            return value.asString();
        }

        LocalDate date(JsonNode node, String path, String field, boolean required) {
            String text = text(node, path, field, required);
            if (text == null) return null;
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                throw new ScenarioFormatException(
                        name, path + "." + field, "expected a date YYYY-MM-DD, found \"" + text + "\"");
            }
        }

        boolean bool(JsonNode node, String path) {
            if (!node.isBoolean()) fail(path, "expected true or false, found " + node);
            return node.asBoolean();
        }

        <E extends Enum<E>> E enumValue(Class<E> type, JsonNode node, String path, String field) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) fail(path + "." + field, "is required");
            return parseEnum(type, value, path + "." + field);
        }

        <E extends Enum<E>> E parseEnum(Class<E> type, JsonNode value, String path) {
            if (type == Commitment.Kind.class && value.isString()) {
                try {
                    return type.cast(Commitment.Kind.named(
                            value.asString())); // the commitment kinds' own names, old ones included
                } catch (IllegalArgumentException e) {
                    // refused below, with the kinds there are
                }
            }
            if (value.isString()) {
                for (E constant : type.getEnumConstants()) {
                    if (constant.name().equals(value.asString().toUpperCase(Locale.ROOT))) return constant;
                }
            }
            List<String> names = new ArrayList<>();
            for (E constant : type.getEnumConstants()) names.add(constant.name());
            throw new ScenarioFormatException(
                    name, path, "expected one of " + String.join(", ", names) + ", found " + value);
        }

        void object(JsonNode node, String path) {
            if (node == null || !node.isObject())
                fail(path, node == null ? "is required" : "expected an object, found " + node.getNodeType());
        }

        <T> T build(String path, Supplier<T> supplier) {
            try {
                return supplier.get();
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new ScenarioFormatException(name, path, e.getMessage());
            }
        }

        void fail(String path, String problem) {
            throw new ScenarioFormatException(name, path, problem);
        }
    }
}
