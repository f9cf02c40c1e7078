package org.orderly.passengers.assessment;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.orderly.passengers.assessment.RiskRule.Criterion;
import org.orderly.passengers.assessment.RiskRule.Operator;
import org.orderly.passengers.manifest.Booking;
import org.orderly.passengers.manifest.Manifest;
import org.orderly.passengers.manifest.TravelDocument;
import org.orderly.passengers.manifest.Traveller;

/**
 * Risk rules as an analyst writes them, one per line:
 * <pre>
 * minor-alone: age &lt; 16 and booking.travellers = 1   # a minor booked alone
 * cash-one-way: booking.payment in CA and booking.legs = 1
 * </pre>
 * Criteria are joined by {@code and}; operators are {@code =}, {@code !=}, {@code in}, {@code not in}
 * (comma-separated values), {@code <}, {@code >} (numbers) and {@code is missing}, {@code is present}.
 * Blank lines and lines starting with {@code #} are ignored. {@link #FIELDS} lists the fields.
 */
public final class RiskRules {
    public static final Set<String> FIELDS = Set.of(
            "nationality",
            "sex",
            "age",
            "role",
            "infant",
            "in_transit",
            "residence",
            "embarkation",
            "debarkation",
            "document.type",
            "document.issuing_state",
            "document.number",
            "documents",
            "booking.carrier",
            "booking.payment",
            "booking.travellers",
            "booking.legs",
            "flight.origin",
            "flight.destination",
            "flight.carrier");

    private RiskRules() {}

    /** Reads rules; a line that cannot be read is refused with its line and column (and no rule is returned). */
    public static List<RiskRule> parse(String text, String source) {
        List<RiskRule> rules = new ArrayList<>();
        String[] lines = text.split("\\R", -1);
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n];
            String where = source + ":" + (n + 1);
            String body = line;
            String description = "";
            int hash = line.indexOf('#');
            if (hash >= 0) {
                description = line.substring(hash + 1).strip();
                body = line.substring(0, hash);
            }
            if (body.isBlank()) continue;
            int colon = body.indexOf(':');
            if (colon <= 0)
                throw new RiskRuleException(
                        where + ":1: a rule starts with its id and a colon, e.g. \"minor-alone: age < 16\"");
            String id = body.substring(0, colon).strip();
            if (rules.stream().anyMatch(r -> r.id().equals(id)))
                throw new RiskRuleException(where + ":1: rule id '" + id + "' is used twice");
            List<Criterion> criteria = new ArrayList<>();
            int column = colon + 2;
            for (String part : body.substring(colon + 1).split("(?i)\\band\\b", -1)) {
                criteria.add(criterion(part, where, column + leading(part)));
                column += part.length() + 3;
            }
            rules.add(new RiskRule(id, description, criteria));
        }
        return List.copyOf(rules);
    }

    private static int leading(String s) {
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
        return i;
    }

    private static Criterion criterion(String text, String where, int column) {
        String t = text.strip();
        if (t.isEmpty()) throw new RiskRuleException(where + ":" + column + ": a criterion is empty");
        String[] words = t.split("\\s+", 2);
        String field = words[0].toLowerCase(Locale.ROOT);
        if (!FIELDS.contains(field)) {
            throw new RiskRuleException(where + ":" + column + ": unknown field '" + words[0] + "'; fields: "
                    + String.join(", ", FIELDS.stream().sorted().toList()));
        }
        String rest = words.length > 1 ? words[1].strip() : "";
        String lower = rest.toLowerCase(Locale.ROOT);
        Operator operator;
        String value;
        if (lower.equals("is missing")) {
            operator = Operator.MISSING;
            value = "";
        } else if (lower.equals("is present")) {
            operator = Operator.PRESENT;
            value = "";
        } else if (lower.startsWith("not in ")) {
            operator = Operator.NOT_IN;
            value = rest.substring(7);
        } else if (lower.startsWith("in ")) {
            operator = Operator.IN;
            value = rest.substring(3);
        } else if (rest.startsWith("!=")) {
            operator = Operator.NOT_EQUALS;
            value = rest.substring(2);
        } else if (rest.startsWith("=")) {
            operator = Operator.EQUALS;
            value = rest.substring(1);
        } else if (rest.startsWith("<")) {
            operator = Operator.LESS_THAN;
            value = rest.substring(1);
        } else if (rest.startsWith(">")) {
            operator = Operator.GREATER_THAN;
            value = rest.substring(1);
        } else {
            throw new RiskRuleException(where + ":" + (column + words[0].length() + 1)
                    + ": expected an operator (=, !=, in, not in, <, >, is missing, is present) after '" + words[0]
                    + "'");
        }
        List<String> values = new ArrayList<>();
        for (String v : value.split(",")) if (!v.isBlank()) values.add(v.strip().toUpperCase(Locale.ROOT));
        boolean needsValue = operator != Operator.MISSING && operator != Operator.PRESENT;
        if (needsValue && values.isEmpty())
            throw new RiskRuleException(where + ":" + column + ": '" + t + "' needs a value");
        if ((operator == Operator.LESS_THAN || operator == Operator.GREATER_THAN)
                && (values.size() != 1 || !values.get(0).matches("-?\\d+"))) {
            throw new RiskRuleException(where + ":" + column + ": '" + t + "' compares with one whole number");
        }
        return new Criterion(field, operator, values);
    }

    /** The explanation when every criterion holds for the traveller; null when one does not. */
    public static String explain(RiskRule rule, Traveller traveller, Manifest manifest, LocalDate on) {
        List<String> parts = new ArrayList<>();
        for (Criterion c : rule.criteria()) {
            List<String> actual = values(c.field(), traveller, manifest, on);
            if (!holds(c, actual)) return null;
            parts.add(c.describe() + " (" + (actual.isEmpty() ? "missing" : String.join(",", actual)) + ")");
        }
        return "rule " + rule.id() + (rule.description().isEmpty() ? "" : " — " + rule.description()) + ": "
                + String.join(" and ", parts);
    }

    static boolean holds(Criterion c, List<String> actual) {
        return switch (c.operator()) {
            case MISSING -> actual.isEmpty();
            case PRESENT -> !actual.isEmpty();
            case EQUALS, IN -> actual.stream().anyMatch(c.values()::contains);
            case NOT_EQUALS, NOT_IN -> !actual.isEmpty() && actual.stream().noneMatch(c.values()::contains);
            case LESS_THAN, GREATER_THAN ->
                actual.stream().anyMatch(a -> {
                    if (!a.matches("-?\\d+")) return false;
                    long x = Long.parseLong(a), y = Long.parseLong(c.values().get(0));
                    return c.operator() == Operator.LESS_THAN ? x < y : x > y;
                });
        };
    }

    /** A traveller's values for a field, upper case; several for documents and flights; empty when missing. */
    static List<String> values(String field, Traveller t, Manifest m, LocalDate on) {
        Booking booking = m.bookings().stream()
                .filter(b -> b.travellers().contains(t.id()))
                .findFirst()
                .orElse(null);
        List<String> out = new ArrayList<>();
        switch (field) {
            case "nationality" -> add(out, t.nationality());
            case "sex" -> add(out, t.sex());
            case "age" -> {
                if (t.birthDate() != null)
                    out.add(Integer.toString(Period.between(t.birthDate(), on).getYears()));
            }
            case "role" -> out.add(t.role().name());
            case "infant" -> out.add(t.infant() ? "TRUE" : "FALSE");
            case "in_transit" -> out.add(t.inTransit() ? "TRUE" : "FALSE");
            case "residence" -> add(out, t.residence());
            case "embarkation" -> add(out, t.embarkation());
            case "debarkation" -> add(out, t.debarkation());
            case "document.type" -> t.documents().forEach(d -> add(out, d.type()));
            case "document.issuing_state" -> t.documents().forEach(d -> add(out, d.issuingState()));
            case "document.number" ->
                t.documents().stream().map(TravelDocument::number).forEach(n -> add(out, n));
            case "documents" -> out.add(Integer.toString(t.documents().size()));
            case "booking.carrier" -> add(out, booking == null ? null : booking.carrier());
            case "booking.payment" -> {
                if (booking != null) booking.payments().forEach(p -> add(out, p.type()));
            }
            case "booking.travellers" -> {
                if (booking != null)
                    out.add(Integer.toString(booking.travellers().size()));
            }
            case "booking.legs" -> {
                if (booking != null)
                    out.add(Integer.toString(booking.itinerary().size()));
            }
            case "flight.origin" -> m.flights().forEach(f -> add(out, f.origin()));
            case "flight.destination" -> m.flights().forEach(f -> add(out, f.destination()));
            case "flight.carrier" -> m.flights().forEach(f -> add(out, f.carrier()));
            default -> throw new IllegalArgumentException("unknown field " + field);
        }
        return out;
    }

    private static void add(List<String> out, String value) {
        if (value != null && !value.isBlank()) out.add(value.strip().toUpperCase(Locale.ROOT));
    }
}
