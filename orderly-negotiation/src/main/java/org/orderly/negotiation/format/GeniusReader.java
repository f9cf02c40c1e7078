package org.orderly.negotiation.format;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.orderly.negotiation.Issue;
import org.orderly.negotiation.Negotiation;
import org.orderly.negotiation.Option;
import org.orderly.negotiation.Table;
import org.orderly.negotiation.Valuation;

/**
 * Reads GENIUS scenarios as GENIUS 10.4 reads them: a domain ({@code <negotiation_template>} with
 * discrete, integer and real issues) and one profile per party, linear additive or non-linear
 * (ANAC 2014 hyper-rectangles).
 *
 * <ul>
 * <li>Linear profile: utility = Σ weightᵢ × evaluationᵢ, the weights as written ({@code <weight index>}
 *     names the issue by its index; they need not sum to 1). Discrete evaluation = the item's
 *     {@code evaluation} / the largest {@code evaluation} of the issue (0 for every item when that
 *     largest is 0). Integer evaluation = clamp({@code offset} + {@code slope} × (x − lower bound), 0, 1).</li>
 * <li>Non-linear profile ({@code <utility_space type="nonlinear">}): Σ over the hyper-rectangles whose every
 *     {@code <INCLUDES index min max>} bound holds of utility × rectangle weight × ufun weight, divided
 *     by {@code maxutility}.</li>
 * </ul>
 * Utilities are held as whole points of 10⁻⁶ ({@link #POINTS_PER_UNIT}): each option value and each
 * rectangle's share is rounded to the nearest point. Every refusal names the file, the element and
 * its line and column.
 */
public final class GeniusReader {
    public static final long POINTS_PER_UNIT = 1_000_000;

    private GeniusReader() {}

    /** Reads a scenario folder: its one domain and every profile beside it; files that are not XML (a {@code pareto.xml}) are skipped. */
    public static GeniusScenario readFolder(Path folder) {
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(f -> Files.isRegularFile(f)
                            && f.getFileName().toString().toLowerCase().endsWith(".xml"))
                    .filter(XmlElement::looksLikeXml)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new NegotiationFormatException(folder.toString(), "folder", "cannot be listed: " + e.getMessage(), e);
        }
        return read(
                folder.getFileName() == null
                        ? folder.toString()
                        : folder.getFileName().toString(),
                files);
    }

    /** Reads a domain and its profiles given in any order: the domain is the file whose root is {@code <negotiation_template>}. */
    public static GeniusScenario read(List<Path> files) {
        return read(null, files);
    }

    private static GeniusScenario read(String name, List<Path> files) {
        Path domainFile = null;
        XmlElement domainRoot = null;
        Map<Path, XmlElement> profileRoots = new LinkedHashMap<>();
        for (Path file : files) {
            XmlElement root = XmlElement.read(file);
            if (root.name().equals("negotiation_template")) {
                if (domainFile != null) {
                    throw root.refusal("a second domain; " + domainFile
                            + " is already the domain (give one domain and its profiles)");
                }
                domainFile = file;
                domainRoot = root;
            } else if (root.name().equals("utility_space")) {
                profileRoots.put(file, root);
            } else {
                throw root.refusal(
                        "is neither a GENIUS domain (<negotiation_template>) nor a profile (<utility_space>)");
            }
        }
        if (domainFile == null) {
            throw new NegotiationFormatException(
                    files.isEmpty() ? "(no files)" : files.get(0).toString(),
                    "files",
                    "none of the " + files.size() + " files is a domain (root element <negotiation_template>)");
        }
        if (profileRoots.size() < 2) {
            throw new NegotiationFormatException(
                    domainFile.toString(),
                    "profiles",
                    "at least two profiles (root element <utility_space>) are needed, got " + profileRoots.size());
        }
        Domain domain = domain(domainRoot);
        Map<String, Valuation> valuations = new LinkedHashMap<>();
        Map<String, GeniusScenario.Profile> profiles = new LinkedHashMap<>();
        List<String> parties = new ArrayList<>();
        for (var entry : profileRoots.entrySet()) {
            String party = stem(entry.getKey());
            while (valuations.containsKey(party)) party = party + "'";
            parties.add(party);
            XmlElement root = entry.getValue();
            boolean nonlinear = "nonlinear".equals(root.attributes().get("type"));
            Valuation valuation = nonlinear ? nonlinear(root, party, domain) : linear(root, party, domain);
            double reservation =
                    root.child("reservation").map(r -> r.number("value")).orElse(0.0);
            double discount =
                    root.child("discount_factor").map(d -> d.number("value")).orElse(1.0);
            valuations.put(party, valuation.withReservation(Math.round(POINTS_PER_UNIT * reservation)));
            profiles.put(party, new GeniusScenario.Profile(entry.getKey(), nonlinear, reservation, discount));
        }
        String id = stem(domainFile);
        Negotiation negotiation = new Negotiation(id, id, parties, domain.issues(), List.of(), 0);
        return new GeniusScenario(
                name == null ? id : name, domainFile, new Table(negotiation, valuations, POINTS_PER_UNIT), profiles);
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        return name.toLowerCase().endsWith(".xml") ? name.substring(0, name.length() - 4) : name;
    }

    /** The domain's issues, and each issue's GENIUS index. */
    private record Domain(List<Issue> issues, Map<String, Issue> byIndex, String objectiveIndex) {}

    private static XmlElement objective(XmlElement root) {
        XmlElement space = root.name().equals("utility_space")
                ? root
                : root.child("utility_space").orElseThrow(() -> root.refusal("has no <utility_space>"));
        return space.child("objective").orElseThrow(() -> space.refusal("has no <objective>"));
    }

    private static Domain domain(XmlElement root) {
        XmlElement objective = objective(root);
        List<Issue> issues = new ArrayList<>();
        Map<String, Issue> byIndex = new LinkedHashMap<>();
        Set<String> names = new HashSet<>();
        for (XmlElement element : objective.children("issue")) {
            String index = element.required("index");
            String name = element.required("name");
            if (byIndex.containsKey(index)) throw element.refusal("a second issue with index " + index);
            if (!names.add(name)) throw element.refusal("a second issue named " + name);
            Issue issue = switch (type(element)) {
                case "discrete" -> {
                    List<Option> options = new ArrayList<>();
                    Set<String> values = new HashSet<>();
                    for (XmlElement item : element.children("item")) {
                        String value = item.required("value");
                        if (!values.add(value))
                            throw item.refusal("item " + value + " is listed twice in issue " + name);
                        options.add(new Option(value, value, BigDecimal.valueOf(options.size() + 1)));
                    }
                    if (options.isEmpty()) throw element.refusal("the discrete issue has no <item>");
                    yield new Issue(name, name, null, options);
                }
                case "integer" -> {
                    long lower = element.integer("lowerbound");
                    long upper = element.integer("upperbound");
                    try {
                        yield Issue.integers(name, name, null, lower, upper);
                    } catch (IllegalArgumentException e) {
                        throw element.refusal(e.getMessage());
                    }
                }
                case "real" -> {
                    element.number("lowerbound");
                    element.number("upperbound");
                    throw element.refusal(
                            "real issues (a continuum of values) cannot be solved by Orderly, which needs discrete or integer issues");
                }
                default ->
                    throw element.refusal(
                            "unknown issue type " + type(element) + " (GENIUS has discrete, integer and real)");
            };
            issues.add(issue);
            byIndex.put(index, issue);
        }
        if (issues.isEmpty()) throw objective.refusal("the domain has no <issue>");
        return new Domain(issues, byIndex, objective.attributes().getOrDefault("index", "0"));
    }

    private static String type(XmlElement issue) {
        for (String attribute : new String[] {"type", "etype", "vtype"}) {
            String type = issue.attributes().get(attribute);
            if (type != null && !type.isBlank()) return type.trim();
        }
        throw issue.refusal("has no type (attribute type, etype or vtype)");
    }

    private static Valuation linear(XmlElement root, String party, Domain domain) {
        XmlElement objective = objective(root);
        Map<String, XmlElement> profileIssues = new LinkedHashMap<>();
        for (XmlElement element : objective.children("issue")) {
            String index = element.required("index");
            Issue issue = domain.byIndex().get(index);
            if (issue == null) throw element.refusal("the domain has no issue with index " + index);
            String name = element.attribute("name").orElse(issue.id());
            if (!name.equals(issue.id()))
                throw element.refusal("the domain's issue " + index + " is named " + issue.id() + ", not " + name);
            if (profileIssues.put(index, element) != null)
                throw element.refusal("a second evaluation of issue " + index);
        }
        Map<String, Double> weights = new LinkedHashMap<>();
        for (XmlElement weight : objective.children("weight")) {
            String index = weight.required("index");
            double value = weight.number("value");
            if (!domain.byIndex().containsKey(index)) {
                // The root objective's own weight (Fitness profiles write <weight index="1" value="1.0"> for <objective
                // index="1">).
                if (index.equals(objective.attributes().get("index")) || index.equals(domain.objectiveIndex()))
                    continue;
                throw weight.refusal("refers to no issue: the domain has no issue with index " + index);
            }
            if (weights.put(index, value) != null) throw weight.refusal("a second weight for issue " + index);
        }
        Map<String, Map<String, Long>> values = new LinkedHashMap<>();
        for (var entry : domain.byIndex().entrySet()) {
            Issue issue = entry.getValue();
            XmlElement element = profileIssues.get(entry.getKey());
            if (element == null)
                throw objective.refusal(
                        "has no evaluation for issue " + issue.id() + " (index " + entry.getKey() + ")");
            Double weight = weights.get(entry.getKey());
            if (weight == null)
                throw objective.refusal("has no <weight> for issue " + issue.id() + " (index " + entry.getKey() + ")");
            Map<String, Double> evaluation =
                    issue.integer() ? integerEvaluation(element, issue) : discreteEvaluation(element, issue);
            Map<String, Long> points = new LinkedHashMap<>();
            evaluation.forEach((option, e) -> points.put(option, Math.round(POINTS_PER_UNIT * weight * e)));
            values.put(issue.id(), points);
        }
        return new Valuation(party, values, List.of(), 0);
    }

    private static Map<String, Double> discreteEvaluation(XmlElement element, Issue issue) {
        Map<String, Double> raw = new LinkedHashMap<>();
        for (XmlElement item : element.children("item")) {
            String value = item.required("value");
            if (issue.option(value).isEmpty())
                throw item.refusal("issue " + issue.id() + " of the domain has no item " + value);
            double evaluation = item.number("evaluation");
            if (evaluation < 0) throw item.refusal("evaluation " + evaluation + " is negative");
            if (raw.put(value, evaluation) != null) throw item.refusal("a second evaluation of item " + value);
        }
        for (Option option : issue.options()) {
            if (!raw.containsKey(option.id())) throw element.refusal("has no evaluation for item " + option.id());
        }
        double max =
                raw.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        Map<String, Double> normalised = new LinkedHashMap<>();
        raw.forEach((option, e) -> normalised.put(option, max == 0 ? 0 : e / max));
        return normalised;
    }

    private static Map<String, Double> integerEvaluation(XmlElement element, Issue issue) {
        XmlElement evaluator =
                element.child("evaluator").orElseThrow(() -> element.refusal("the integer issue has no <evaluator>"));
        String function = evaluator.attribute("ftype").orElse("linear");
        if (!function.equals("linear"))
            throw evaluator.refusal(
                    "evaluator ftype " + function + " is not supported (GENIUS integer issues use linear)");
        double slope = evaluator.number("slope");
        double offset = evaluator.number("offset");
        Map<String, Double> evaluation = new LinkedHashMap<>();
        long lower = issue.lowerBound();
        for (Option option : issue.options()) {
            long x = option.value().longValueExact();
            evaluation.put(option.id(), Math.max(0, Math.min(1, offset + slope * (x - lower))));
        }
        return evaluation;
    }

    private static Valuation nonlinear(XmlElement root, String party, Domain domain) {
        XmlElement objective = objective(root);
        XmlElement utility = objective
                .child("utility")
                .orElseThrow(() -> objective.refusal("the non-linear profile has no <utility>"));
        double max = utility.number("maxutility");
        if (!(max > 0)) throw utility.refusal("maxutility must be positive, was " + max);
        List<Valuation.Bundle> bundles = new ArrayList<>();
        for (XmlElement ufun : utility.children("ufun")) {
            String aggregation = ufun.attribute("aggregation").orElse("sum");
            if (!aggregation.equals("sum"))
                throw ufun.refusal("aggregation " + aggregation + " is not supported (the ANAC 2014 profiles use sum)");
            double ufunWeight =
                    ufun.attribute("weight").map(w -> ufun.number("weight", w)).orElse(1.0);
            for (XmlElement rectangle : ufun.children("hyperRectangle")) {
                if (!rectangle.children("EXCLUDES").isEmpty()) {
                    throw rectangle
                            .children("EXCLUDES")
                            .get(0)
                            .refusal("EXCLUDES bounds are not supported (the ANAC 2014 profiles use INCLUDES only)");
                }
                double u = rectangle.number("utility");
                double weight = rectangle
                        .attribute("weight")
                        .map(w -> rectangle.number("weight", w))
                        .orElse(1.0);
                List<Valuation.Condition> conditions = new ArrayList<>();
                for (XmlElement bound : rectangle.children("INCLUDES")) {
                    String index = bound.required("index");
                    Issue issue = domain.byIndex().get(index);
                    if (issue == null) throw bound.refusal("the domain has no issue with index " + index);
                    if (!issue.integer())
                        throw bound.refusal("issue " + issue.id()
                                + " is not an integer issue, so it cannot bound a hyper-rectangle");
                    long min = bound.integer("min");
                    long maxBound = bound.integer("max");
                    if (maxBound < min) throw bound.refusal("min " + min + " is above max " + maxBound);
                    conditions.add(new Valuation.Condition.Between(issue.id(), min, maxBound));
                }
                if (conditions.isEmpty()) throw rectangle.refusal("the hyper-rectangle has no <INCLUDES> bound");
                bundles.add(
                        new Valuation.Bundle(conditions, Math.round(POINTS_PER_UNIT * u * weight * ufunWeight / max)));
            }
        }
        if (bundles.isEmpty()) throw utility.refusal("the non-linear profile has no <hyperRectangle>");
        return new Valuation(party, Map.of(), bundles, 0);
    }
}
