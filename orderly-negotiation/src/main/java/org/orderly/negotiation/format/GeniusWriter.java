package org.orderly.negotiation.format;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.orderly.negotiation.Issue;
import org.orderly.negotiation.Option;
import org.orderly.negotiation.Table;
import org.orderly.negotiation.Valuation;

/**
 * Writes a negotiation as a GENIUS scenario (a domain and one profile per party) that
 * {@link GeniusReader} and the GENIUS tools read, so researchers can take it to their own agents.
 *
 * <p>Every party's utility u (points) is written as (u − its lowest possible utility) / S with one
 * scale S for all parties (the largest range, at least the table's points per unit, so that a
 * GENIUS scenario read and written again keeps its points), and its reservation the same way: a positive affine
 * change common to all, so the joint, Nash and max-min optima are the same deals. Without bundles
 * the profiles are linear (per issue: evaluation = value − the issue's lowest value, weight = that
 * range / S, so weights need not sum to 1). With bundles every profile is non-linear: the domain's
 * issues become integer issues (a discrete issue's options counted from 0, their ids listed in the
 * issue's {@code description}), each option value and each bundle is a hyper-rectangle with its
 * points as utility, and {@code maxutility} = S. Norms and the margin have no place in GENIUS and
 * are not written.
 */
public final class GeniusWriter {
    private GeniusWriter() {}

    /** Writes {@code <id>-domain.xml} and {@code <party>.xml} per party into the folder; returns the files written. */
    public static List<Path> write(Table table, Path folder) {
        List<Issue> issues = table.negotiation().issues();
        boolean nonlinear = table.valuations().values().stream()
                .anyMatch(v -> !v.bundles().isEmpty()
                        || issues.stream().anyMatch(i -> i.integer() && !linearInTheNumber(v, i)));
        // At least one source unit: a GENIUS scenario (10⁶ points per unit) is written back on its own scale, point for
        // point.
        long scale = table.pointsPerUnit();
        long[] lowest = new long[table.negotiation().parties().size()];
        int p = 0;
        for (String party : table.negotiation().parties()) {
            Valuation valuation = table.valuation(party);
            long low = 0;
            long high = 0;
            for (Issue issue : issues) {
                low += lowestValue(valuation, issue);
                high += highestValue(valuation, issue);
            }
            for (Valuation.Bundle bundle : valuation.bundles()) {
                low += Math.min(0, bundle.value());
                high += Math.max(0, bundle.value());
            }
            lowest[p++] = low;
            scale = Math.max(scale, high - low);
        }
        List<Path> written = new ArrayList<>();
        try {
            Files.createDirectories(folder);
            Path domain = folder.resolve(table.negotiation().id() + "-domain.xml");
            Files.writeString(domain, domain(table, nonlinear), StandardCharsets.UTF_8);
            written.add(domain);
            p = 0;
            for (String party : table.negotiation().parties()) {
                Path profile = folder.resolve(party + ".xml");
                String text = nonlinear
                        ? nonlinearProfile(table, party, lowest[p], scale)
                        : linearProfile(table, party, lowest[p], scale);
                Files.writeString(profile, text, StandardCharsets.UTF_8);
                written.add(profile);
                p++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the GENIUS scenario into " + folder, e);
        }
        return written;
    }

    private static String domain(Table table, boolean nonlinear) {
        Xml xml = new Xml();
        List<Issue> issues = table.negotiation().issues();
        xml.start("negotiation_template");
        xml.start("utility_space", "number_of_issues", issues.size());
        objective(xml, table);
        for (int i = 0; i < issues.size(); i++) issue(xml, issues.get(i), i + 1, nonlinear, false);
        return xml.end().end().end().finish();
    }

    private static void objective(Xml xml, Table table) {
        xml.start(
                "objective",
                "index",
                0,
                "name",
                table.negotiation().title(),
                "type",
                "objective",
                "etype",
                "objective");
    }

    /** An issue element; with {@code close} the element is closed at once (non-linear profiles repeat the issues without content). */
    private static void issue(Xml xml, Issue issue, int index, boolean nonlinear, boolean close) {
        if (issue.integer() || nonlinear) {
            long lower = issue.integer() ? issue.lowerBound() : 0;
            long upper = issue.integer() ? issue.upperBound() : issue.options().size() - 1;
            List<Object> attributes = integerIssue(issue, index, lower, upper);
            if (!issue.integer()) {
                attributes.add("description");
                attributes.add(String.join(
                        " | ", issue.options().stream().map(Option::id).toList()));
            }
            xml.empty("issue", attributes.toArray());
            return;
        }
        xml.start(
                "issue",
                "index",
                index,
                "name",
                issue.id(),
                "type",
                "discrete",
                "etype",
                "discrete",
                "vtype",
                "discrete");
        if (!close) {
            for (int o = 0; o < issue.options().size(); o++)
                xml.empty(
                        "item", "index", o + 1, "value", issue.options().get(o).id());
        }
        xml.end();
    }

    private static String linearProfile(Table table, String party, long lowest, long scale) {
        Valuation valuation = table.valuation(party);
        List<Issue> issues = table.negotiation().issues();
        Xml xml = new Xml();
        xml.start("utility_space");
        objective(xml, table);
        for (int i = 0; i < issues.size(); i++) {
            Issue issue = issues.get(i);
            long min = lowestValue(valuation, issue);
            long max = highestValue(valuation, issue);
            if (issue.integer()) {
                long first = valuation.value(issue.id(), issue.options().get(0).id());
                long step = issue.options().size() > 1
                        ? valuation.value(issue.id(), issue.options().get(1).id()) - first
                        : 0;
                long range = Math.max(1, max - min);
                xml.start(
                        "issue",
                        integerIssue(issue, i + 1, issue.lowerBound(), issue.upperBound())
                                .toArray());
                xml.empty(
                        "evaluator",
                        "ftype",
                        "linear",
                        "offset",
                        number((double) (first - min) / range),
                        "slope",
                        number((double) step / range));
                xml.end();
                continue;
            }
            xml.start(
                    "issue",
                    "index",
                    i + 1,
                    "name",
                    issue.id(),
                    "type",
                    "discrete",
                    "etype",
                    "discrete",
                    "vtype",
                    "discrete");
            for (int o = 0; o < issue.options().size(); o++) {
                Option option = issue.options().get(o);
                xml.empty(
                        "item",
                        "index",
                        o + 1,
                        "value",
                        option.id(),
                        "evaluation",
                        valuation.value(issue.id(), option.id()) - min);
            }
            xml.end();
        }
        // The weights follow the issues inside the objective, as GENIUS writes them.
        for (int i = 0; i < issues.size(); i++) {
            Issue issue = issues.get(i);
            long min = lowestValue(valuation, issue);
            long max = highestValue(valuation, issue);
            xml.empty("weight", "index", i + 1, "value", number((double) (max - min) / scale));
        }
        xml.end();
        reservation(xml, valuation, lowest, scale);
        return xml.end().finish();
    }

    private static String nonlinearProfile(Table table, String party, long lowest, long scale) {
        Valuation valuation = table.valuation(party);
        List<Issue> issues = table.negotiation().issues();
        Xml xml = new Xml();
        xml.start("utility_space", "type", "nonlinear");
        objective(xml, table);
        for (int i = 0; i < issues.size(); i++) issue(xml, issues.get(i), i + 1, true, true);
        xml.start("utility", "maxutility", scale);
        xml.start("ufun", "type", "PlainUfun", "weight", 1, "aggregation", "sum");
        // The lowest possible utility is subtracted once: each issue's lowest value from its options, negative bundles
        // kept as written.
        for (int i = 0; i < issues.size(); i++) {
            Issue issue = issues.get(i);
            long min = lowestValue(valuation, issue);
            for (int o = 0; o < issue.options().size(); o++) {
                long value = valuation.value(issue.id(), issue.options().get(o).id()) - min;
                if (value == 0) continue;
                long position = position(issue, o);
                xml.start("hyperRectangle", "utility", value);
                xml.empty("INCLUDES", "index", i + 1, "min", position, "max", position);
                xml.end();
            }
        }
        for (Valuation.Bundle bundle : valuation.bundles()) {
            for (List<long[]> box : boxes(table, bundle)) {
                xml.start("hyperRectangle", "utility", bundle.value());
                for (long[] bound : box) xml.empty("INCLUDES", "index", bound[0], "min", bound[1], "max", bound[2]);
                xml.end();
            }
        }
        xml.end().end().end();
        long negative = valuation.bundles().stream()
                .mapToLong(b -> Math.min(0, b.value()))
                .sum();
        reservation(xml, valuation, lowest - negative, scale);
        return xml.end().finish();
    }

    /** The attributes of an integer issue element, name and value in turn (a list, so that a caller may add to it). */
    private static List<Object> integerIssue(Issue issue, int index, long lower, long upper) {
        return new ArrayList<>(List.of(
                "index",
                index,
                "name",
                issue.id(),
                "type",
                "integer",
                "etype",
                "integer",
                "vtype",
                "integer",
                "lowerbound",
                lower,
                "upperbound",
                upper));
    }

    /** A party's lowest value among an issue's options (0 for an issue without options). */
    private static long lowestValue(Valuation valuation, Issue issue) {
        return issue.options().stream()
                .mapToLong(o -> valuation.value(issue.id(), o.id()))
                .min()
                .orElse(0);
    }

    /** A party's highest value among an issue's options (0 for an issue without options). */
    private static long highestValue(Valuation valuation, Issue issue) {
        return issue.options().stream()
                .mapToLong(o -> valuation.value(issue.id(), o.id()))
                .max()
                .orElse(0);
    }

    /** Whether a party's values on an integer issue are linear in the number (GENIUS integer evaluators are linear). */
    private static boolean linearInTheNumber(Valuation valuation, Issue issue) {
        List<Option> options = issue.options();
        long first = valuation.value(issue.id(), options.get(0).id());
        long step =
                options.size() > 1 ? valuation.value(issue.id(), options.get(1).id()) - first : 0;
        for (int o = 0; o < options.size(); o++)
            if (valuation.value(issue.id(), options.get(o).id()) != first + step * o) return false;
        return true;
    }

    /** An option's number in the written domain: its value for integer issues, its position from 0 otherwise. */
    private static long position(Issue issue, int option) {
        return issue.integer() ? issue.lowerBound() + option : option;
    }

    /**
     * A bundle as disjoint boxes {issue index, min, max}…: each condition's admitted options split into
     * runs of consecutive numbers, one box per combination of runs (a deal lies in at most one).
     */
    private static List<List<long[]>> boxes(Table table, Valuation.Bundle bundle) {
        List<Issue> issues = table.negotiation().issues();
        List<List<long[]>> boxes = new ArrayList<>();
        boxes.add(new ArrayList<>());
        for (Valuation.Condition condition : bundle.conditions()) {
            int index = 0;
            while (!issues.get(index).id().equals(condition.issue())) index++;
            Issue issue = issues.get(index);
            List<long[]> runs = new ArrayList<>();
            long[] run = null;
            for (int o = 0; o < issue.options().size(); o++) {
                if (condition.admits(issue.options().get(o))) {
                    long position = position(issue, o);
                    if (run != null && run[2] == position - 1) run[2] = position;
                    else runs.add(run = new long[] {index + 1, position, position});
                } else {
                    run = null;
                }
            }
            List<List<long[]>> next = new ArrayList<>();
            for (List<long[]> box : boxes) {
                for (long[] r : runs) {
                    List<long[]> extended = new ArrayList<>(box);
                    extended.add(r);
                    next.add(extended);
                }
            }
            boxes = next;
        }
        return boxes;
    }

    private static void reservation(Xml xml, Valuation valuation, long lowest, long scale) {
        xml.empty("reservation", "value", number((double) (valuation.reservation() - lowest) / scale));
    }

    private static String number(double value) {
        return Double.toString(value);
    }

    /**
     * An XML document written through StAX, which escapes every text and attribute, indented two spaces a level for people
     * who open the file; attributes are given as name, value pairs.
     */
    private static final class Xml {
        private final java.io.StringWriter text = new java.io.StringWriter();
        private final XMLStreamWriter out;
        private int depth;

        Xml() {
            try {
                out = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
                out.writeStartDocument("UTF-8", "1.0");
            } catch (XMLStreamException e) {
                throw new IllegalStateException("cannot start an XML document", e);
            }
        }

        Xml start(String name, Object... attributes) {
            return element(name, false, attributes);
        }

        Xml empty(String name, Object... attributes) {
            return element(name, true, attributes);
        }

        private Xml element(String name, boolean empty, Object... attributes) {
            try {
                out.writeCharacters("\n" + "  ".repeat(depth));
                if (empty) out.writeEmptyElement(name);
                else out.writeStartElement(name);
                for (int a = 0; a < attributes.length; a += 2)
                    out.writeAttribute((String) attributes[a], String.valueOf(attributes[a + 1]));
            } catch (XMLStreamException e) {
                throw new IllegalStateException("cannot write the XML element " + name, e);
            }
            if (!empty) depth++;
            return this;
        }

        Xml end() {
            try {
                depth--;
                out.writeCharacters("\n" + "  ".repeat(depth));
                out.writeEndElement();
            } catch (XMLStreamException e) {
                throw new IllegalStateException("cannot end an XML element", e);
            }
            return this;
        }

        String finish() {
            try {
                out.writeCharacters("\n");
                out.writeEndDocument();
                out.close();
            } catch (XMLStreamException e) {
                throw new IllegalStateException("cannot end the XML document", e);
            }
            return text.toString();
        }
    }
}
