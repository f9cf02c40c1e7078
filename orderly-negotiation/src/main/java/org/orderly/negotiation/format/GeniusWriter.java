package org.orderly.negotiation.format;

import org.orderly.negotiation.Issue;
import org.orderly.negotiation.Option;
import org.orderly.negotiation.Table;
import org.orderly.negotiation.Valuation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
    private GeniusWriter() {
    }

    /** Writes {@code <id>-domain.xml} and {@code <party>.xml} per party into the folder; returns the files written. */
    public static List<Path> write(Table table, Path folder) {
        List<Issue> issues = table.negotiation().issues();
        boolean nonlinear = table.valuations().values().stream().anyMatch(v -> !v.bundles().isEmpty()
                || issues.stream().anyMatch(i -> i.integer() && !linearInTheNumber(v, i)));
        // At least one source unit: a GENIUS scenario (10⁶ points per unit) is written back on its own scale, point for point.
        long scale = table.pointsPerUnit();
        long[] lowest = new long[table.negotiation().parties().size()];
        int p = 0;
        for (String party : table.negotiation().parties()) {
            Valuation valuation = table.valuation(party);
            long low = 0;
            long high = 0;
            for (Issue issue : issues) {
                low += issue.options().stream().mapToLong(o -> valuation.value(issue.id(), o.id())).min().orElse(0);
                high += issue.options().stream().mapToLong(o -> valuation.value(issue.id(), o.id())).max().orElse(0);
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
                String text = nonlinear ? nonlinearProfile(table, party, lowest[p], scale) : linearProfile(table, party, lowest[p], scale);
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
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<negotiation_template>\n");
        List<Issue> issues = table.negotiation().issues();
        xml.append("<utility_space number_of_issues=\"").append(issues.size()).append("\">\n");
        xml.append("<objective index=\"0\" name=\"").append(escape(table.negotiation().title())).append("\" type=\"objective\" etype=\"objective\">\n");
        for (int i = 0; i < issues.size(); i++) xml.append(issue(issues.get(i), i + 1, nonlinear, false));
        xml.append("</objective>\n</utility_space>\n</negotiation_template>\n");
        return xml.toString();
    }

    /** An issue element; with {@code close} the element is closed at once (non-linear profiles repeat the issues without content). */
    private static String issue(Issue issue, int index, boolean nonlinear, boolean close) {
        StringBuilder xml = new StringBuilder("  <issue index=\"").append(index).append("\" name=\"").append(escape(issue.id())).append('"');
        if (issue.integer() || nonlinear) {
            long lower = issue.integer() ? issue.lowerBound() : 0;
            long upper = issue.integer() ? issue.upperBound() : issue.options().size() - 1;
            xml.append(" type=\"integer\" etype=\"integer\" vtype=\"integer\" lowerbound=\"").append(lower).append("\" upperbound=\"").append(upper).append('"');
            if (!issue.integer()) {
                xml.append(" description=\"").append(escape(String.join(" | ", issue.options().stream().map(Option::id).toList()))).append('"');
            }
            return xml.append("/>\n").toString();
        }
        xml.append(" type=\"discrete\" etype=\"discrete\" vtype=\"discrete\">\n");
        if (!close) {
            for (int o = 0; o < issue.options().size(); o++) {
                xml.append("    <item index=\"").append(o + 1).append("\" value=\"").append(escape(issue.options().get(o).id())).append("\"/>\n");
            }
        }
        return xml.append("  </issue>\n").toString();
    }

    private static String linearProfile(Table table, String party, long lowest, long scale) {
        Valuation valuation = table.valuation(party);
        List<Issue> issues = table.negotiation().issues();
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<utility_space>\n");
        xml.append("<objective index=\"0\" name=\"").append(escape(table.negotiation().title())).append("\" type=\"objective\" etype=\"objective\">\n");
        StringBuilder weights = new StringBuilder();
        for (int i = 0; i < issues.size(); i++) {
            Issue issue = issues.get(i);
            long min = issue.options().stream().mapToLong(o -> valuation.value(issue.id(), o.id())).min().orElse(0);
            long max = issue.options().stream().mapToLong(o -> valuation.value(issue.id(), o.id())).max().orElse(0);
            if (issue.integer()) {
                long first = valuation.value(issue.id(), issue.options().get(0).id());
                long step = issue.options().size() > 1 ? valuation.value(issue.id(), issue.options().get(1).id()) - first : 0;
                long range = Math.max(1, max - min);
                double offset = (double) (first - min) / range;
                double slope = (double) step / range;
                xml.append("  <issue index=\"").append(i + 1).append("\" name=\"").append(escape(issue.id()))
                        .append("\" type=\"integer\" etype=\"integer\" vtype=\"integer\" lowerbound=\"").append(issue.lowerBound())
                        .append("\" upperbound=\"").append(issue.upperBound()).append("\">\n    <evaluator ftype=\"linear\" offset=\"")
                        .append(number(offset)).append("\" slope=\"").append(number(slope)).append("\"/>\n  </issue>\n");
                weights.append("  <weight index=\"").append(i + 1).append("\" value=\"").append(number((double) (max - min) / scale)).append("\"/>\n");
                continue;
            }
            xml.append("  <issue index=\"").append(i + 1).append("\" name=\"").append(escape(issue.id())).append("\" type=\"discrete\" etype=\"discrete\" vtype=\"discrete\">\n");
            for (int o = 0; o < issue.options().size(); o++) {
                Option option = issue.options().get(o);
                xml.append("    <item index=\"").append(o + 1).append("\" value=\"").append(escape(option.id())).append("\" evaluation=\"")
                        .append(valuation.value(issue.id(), option.id()) - min).append("\"/>\n");
            }
            xml.append("  </issue>\n");
            weights.append("  <weight index=\"").append(i + 1).append("\" value=\"").append(number((double) (max - min) / scale)).append("\"/>\n");
        }
        xml.append(weights).append("</objective>\n");
        return xml.append(reservation(valuation, lowest, scale)).append("</utility_space>\n").toString();
    }

    private static String nonlinearProfile(Table table, String party, long lowest, long scale) {
        Valuation valuation = table.valuation(party);
        List<Issue> issues = table.negotiation().issues();
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<utility_space type=\"nonlinear\">\n");
        xml.append("<objective index=\"0\" name=\"").append(escape(table.negotiation().title())).append("\" type=\"objective\" etype=\"objective\">\n");
        for (int i = 0; i < issues.size(); i++) xml.append(issue(issues.get(i), i + 1, true, true));
        xml.append("  <utility maxutility=\"").append(scale).append("\">\n    <ufun type=\"PlainUfun\" weight=\"1\" aggregation=\"sum\">\n");
        // The lowest possible utility is subtracted once: each issue's lowest value from its options, negative bundles kept as written.
        for (int i = 0; i < issues.size(); i++) {
            Issue issue = issues.get(i);
            long min = issue.options().stream().mapToLong(o -> valuation.value(issue.id(), o.id())).min().orElse(0);
            for (int o = 0; o < issue.options().size(); o++) {
                long value = valuation.value(issue.id(), issue.options().get(o).id()) - min;
                if (value == 0) continue;
                long position = position(issue, o);
                xml.append("      <hyperRectangle utility=\"").append(value).append("\">\n        <INCLUDES index=\"").append(i + 1)
                        .append("\" min=\"").append(position).append("\" max=\"").append(position).append("\"/>\n      </hyperRectangle>\n");
            }
        }
        for (Valuation.Bundle bundle : valuation.bundles()) {
            for (List<long[]> box : boxes(table, bundle)) {
                xml.append("      <hyperRectangle utility=\"").append(bundle.value()).append("\">\n");
                for (long[] bound : box) {
                    xml.append("        <INCLUDES index=\"").append(bound[0]).append("\" min=\"").append(bound[1]).append("\" max=\"").append(bound[2]).append("\"/>\n");
                }
                xml.append("      </hyperRectangle>\n");
            }
        }
        xml.append("    </ufun>\n  </utility>\n</objective>\n");
        long negative = valuation.bundles().stream().mapToLong(b -> Math.min(0, b.value())).sum();
        return xml.append(reservation(valuation, lowest - negative, scale)).append("</utility_space>\n").toString();
    }

    /** Whether a party's values on an integer issue are linear in the number (GENIUS integer evaluators are linear). */
    private static boolean linearInTheNumber(Valuation valuation, Issue issue) {
        List<Option> options = issue.options();
        long first = valuation.value(issue.id(), options.get(0).id());
        long step = options.size() > 1 ? valuation.value(issue.id(), options.get(1).id()) - first : 0;
        for (int o = 0; o < options.size(); o++) if (valuation.value(issue.id(), options.get(o).id()) != first + step * o) return false;
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
                    else runs.add(run = new long[]{index + 1, position, position});
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

    private static String reservation(Valuation valuation, long lowest, long scale) {
        return "<reservation value=\"" + number((double) (valuation.reservation() - lowest) / scale) + "\"/>\n";
    }

    private static String number(double value) {
        return Double.toString(value);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
