package org.orderly.negotiation.format;

import org.orderly.negotiation.Issue;
import org.orderly.negotiation.Negotiation;
import org.orderly.negotiation.Option;
import org.orderly.negotiation.Table;
import org.orderly.negotiation.Valuation;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXParseException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the classic GENIUS format: a domain ({@code <negotiation_template>} with discrete issues
 * and items) and one linear additive utility profile per party (weights, item evaluations and a
 * reservation value). Utility = Σ weightᵢ · evalᵢ(item) / max evalᵢ, held as whole points of
 * 10⁻⁶ ({@link #POINTS_PER_UNIT}), so each option's value is rounded to the nearest 10⁻⁶.
 */
public final class GeniusReader {
    public static final long POINTS_PER_UNIT = 1_000_000;
    private static final double WEIGHT_TOLERANCE = 1e-6;

    private GeniusReader() {
    }

    /** The negotiation of the domain file with one party per profile, named after the profile's file name. */
    public static Table read(Path domainFile, List<Path> profileFiles) {
        if (profileFiles.size() < 2) {
            throw new NegotiationFormatException(domainFile.toString(), "profiles", "at least two profiles are needed, got " + profileFiles.size());
        }
        List<Issue> issues = domain(domainFile);
        Map<String, Valuation> valuations = new LinkedHashMap<>();
        List<String> parties = new ArrayList<>();
        for (Path profile : profileFiles) {
            String party = stem(profile);
            while (valuations.containsKey(party)) party = party + "'";
            parties.add(party);
            valuations.put(party, profile(profile, party, issues));
        }
        Negotiation negotiation = new Negotiation(stem(domainFile), stem(domainFile), parties, issues, List.of(), 0);
        return new Table(negotiation, valuations, POINTS_PER_UNIT);
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".xml") ? name.substring(0, name.length() - 4) : name;
    }

    static List<Issue> domain(Path file) {
        String name = file.toString();
        Element root = parse(file).getDocumentElement();
        if (!root.getTagName().equals("negotiation_template") && !root.getTagName().equals("utility_space")) {
            throw new NegotiationFormatException(name, "<" + root.getTagName() + ">", "expected <negotiation_template> as the root element");
        }
        Element objective = objective(root, name);
        List<Issue> issues = new ArrayList<>();
        for (Element issue : children(objective, "issue")) {
            String where = describe(issue);
            String issueName = required(issue, "name", name, where);
            String type = issue.getAttribute("type").isEmpty() ? issue.getAttribute("etype") : issue.getAttribute("type");
            if (!type.isEmpty() && !type.equals("discrete")) {
                throw new NegotiationFormatException(name, where, "only discrete issues are supported, this one is " + type);
            }
            List<Option> options = new ArrayList<>();
            for (Element item : children(issue, "item")) {
                String value = required(item, "value", name, where + " " + describe(item));
                String index = item.getAttribute("index");
                options.add(new Option(value, value, index.isEmpty() ? BigDecimal.valueOf(options.size() + 1) : new BigDecimal(index)));
            }
            if (options.isEmpty()) throw new NegotiationFormatException(name, where, "the issue has no <item>");
            try {
                issues.add(new Issue(issueName, issueName, null, options));
            } catch (IllegalArgumentException e) {
                throw new NegotiationFormatException(name, where, e.getMessage(), e);
            }
        }
        if (issues.isEmpty()) throw new NegotiationFormatException(name, "<objective>", "the domain has no <issue>");
        return issues;
    }

    static Valuation profile(Path file, String party, List<Issue> issues) {
        String name = file.toString();
        Element root = parse(file).getDocumentElement();
        if (!root.getTagName().equals("utility_space")) {
            throw new NegotiationFormatException(name, "<" + root.getTagName() + ">", "expected <utility_space> as the root element of a profile");
        }
        Element objective = objective(root, name);
        Map<String, Issue> byName = new LinkedHashMap<>();
        issues.forEach(i -> byName.put(i.id(), i));
        Map<String, Map<String, Double>> evaluations = new LinkedHashMap<>();
        Map<String, String> issueByIndex = new HashMap<>();
        for (Element issue : children(objective, "issue")) {
            String where = describe(issue);
            String issueName = required(issue, "name", name, where);
            Issue domainIssue = byName.get(issueName);
            if (domainIssue == null) throw new NegotiationFormatException(name, where, "names issue " + issueName + ", which the domain does not have");
            issueByIndex.put(issue.getAttribute("index"), issueName);
            Map<String, Double> items = new LinkedHashMap<>();
            for (Element item : children(issue, "item")) {
                String itemWhere = where + " " + describe(item);
                String value = required(item, "value", name, itemWhere);
                if (domainIssue.option(value).isEmpty()) throw new NegotiationFormatException(name, itemWhere, "names item " + value + ", which issue " + issueName + " does not have");
                double evaluation = number(required(item, "evaluation", name, itemWhere), name, itemWhere + " evaluation");
                if (evaluation < 0) throw new NegotiationFormatException(name, itemWhere, "evaluation must not be negative, was " + evaluation);
                items.put(value, evaluation);
            }
            for (Option option : domainIssue.options()) {
                if (!items.containsKey(option.id())) throw new NegotiationFormatException(name, where, "has no evaluation for item " + option.id());
            }
            if (items.values().stream().allMatch(v -> v == 0)) throw new NegotiationFormatException(name, where, "every evaluation is 0, so the issue cannot be normalised");
            evaluations.put(issueName, items);
        }
        for (Issue issue : issues) {
            if (!evaluations.containsKey(issue.id())) throw new NegotiationFormatException(name, "<objective>", "has no evaluations for issue " + issue.id());
        }
        Map<String, Double> weights = new LinkedHashMap<>();
        for (Element weight : children(objective, "weight")) {
            String where = describe(weight);
            String issueName = issueByIndex.get(required(weight, "number", name, where));
            if (issueName == null) throw new NegotiationFormatException(name, where, "refers to no <issue> of this profile (no issue has index " + weight.getAttribute("number") + ")");
            weights.put(issueName, number(required(weight, "value", name, where), name, where + " value"));
        }
        for (Issue issue : issues) {
            if (!weights.containsKey(issue.id())) throw new NegotiationFormatException(name, "<objective>", "has no <weight> for issue " + issue.id());
        }
        double sum = weights.values().stream().mapToDouble(Double::doubleValue).sum();
        if (Math.abs(sum - 1) > WEIGHT_TOLERANCE) {
            throw new NegotiationFormatException(name, "<objective> <weight> elements", "weights sum to " + sum + ", not 1 (tolerance " + WEIGHT_TOLERANCE + ")");
        }
        Map<String, Map<String, Long>> values = new LinkedHashMap<>();
        for (var e : evaluations.entrySet()) {
            double max = e.getValue().values().stream().mapToDouble(Double::doubleValue).max().orElse(1);
            Map<String, Long> points = new LinkedHashMap<>();
            double w = weights.get(e.getKey());
            e.getValue().forEach((item, evaluation) -> points.put(item, Math.round(POINTS_PER_UNIT * w * evaluation / max)));
            values.put(e.getKey(), points);
        }
        double reservation = 0;
        List<Element> reservations = children(root, "reservation");
        if (!reservations.isEmpty()) reservation = number(required(reservations.get(0), "value", name, "<reservation>"), name, "<reservation> value");
        return new Valuation(party, values, List.of(), Math.round(POINTS_PER_UNIT * reservation));
    }

    private static Element objective(Element root, String name) {
        List<Element> spaces = root.getTagName().equals("utility_space") ? List.of(root) : children(root, "utility_space");
        if (spaces.isEmpty()) throw new NegotiationFormatException(name, "<" + root.getTagName() + ">", "has no <utility_space>");
        List<Element> objectives = children(spaces.get(0), "objective");
        if (objectives.isEmpty()) throw new NegotiationFormatException(name, "<utility_space>", "has no <objective>");
        return objectives.get(0);
    }

    private static Document parse(Path file) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setExpandEntityReferences(false);
            return factory.newDocumentBuilder().parse(file.toFile());
        } catch (SAXParseException e) {
            throw new NegotiationFormatException(file.toString(), "line " + e.getLineNumber() + ", column " + e.getColumnNumber(), e.getMessage(), e);
        } catch (Exception e) {
            throw new NegotiationFormatException(file.toString(), "file", "cannot be read: " + e.getMessage(), e);
        }
    }

    private static List<Element> children(Element parent, String tag) {
        List<Element> list = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(tag)) list.add(e);
        }
        return list;
    }

    private static String required(Element element, String attribute, String file, String where) {
        String value = element.getAttribute(attribute);
        if (value.isEmpty()) throw new NegotiationFormatException(file, where, "missing attribute " + attribute);
        return value;
    }

    private static double number(String text, String file, String where) {
        try {
            double value = Double.parseDouble(text);
            if (!Double.isFinite(value)) throw new NumberFormatException();
            return value;
        } catch (NumberFormatException e) {
            throw new NegotiationFormatException(file, where, "'" + text + "' is not a number");
        }
    }

    /** An element as it appears in the file, with its identifying attributes, e.g. {@code <issue name="Fruit" index="1">}. */
    private static String describe(Element element) {
        StringBuilder text = new StringBuilder("<").append(element.getTagName());
        for (String attribute : new String[]{"name", "index", "number", "value"}) {
            if (element.hasAttribute(attribute)) text.append(' ').append(attribute).append("=\"").append(element.getAttribute(attribute)).append('"');
        }
        return text.append('>').toString();
    }
}
