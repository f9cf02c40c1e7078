package org.orderly.regime;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The kind-specific terms of a commitment as flat text pairs ({@code stay_days=90}), the one
 * encoding that reference files, the database and the API share. Lists are separated by {@code |}.
 */
public final class CommitmentTerms {
    private CommitmentTerms() {}

    /**
     * The terms of a commitment, in a stable key order. A switch over the kind with no default: a new kind fails to compile
     * here (Java 17 cannot check a pattern switch over the sealed type; it does check an enum switch expression).
     */
    public static Map<String, String> of(Commitment commitment) {
        Map<String, String> terms = new LinkedHashMap<>();
        switch (commitment.kind()) {
            case VISA_WAIVER -> {
                VisaWaiver v = (VisaWaiver) commitment;
                terms.put("stay_days", Integer.toString(v.stayDays()));
                terms.put("window_days", Integer.toString(v.windowDays()));
                terms.put("purposes", names(v.purposes()));
            }
            case VISA_OBLIGATION -> terms.put("purposes", names(((VisaObligation) commitment).purposes()));
            case FREE_MOVEMENT -> {
                FreeMovement f = (FreeMovement) commitment;
                terms.put("right_to_work", Boolean.toString(f.rightToWork()));
                if (!f.extended()) terms.put("extended", "false");
                if (f.stayDays() != null) terms.put("stay_days", Integer.toString(f.stayDays()));
            }
            case LEGAL_CHANNEL -> {
                LegalChannel l = (LegalChannel) commitment;
                terms.put("channel", l.id());
                terms.put("title", l.title());
                terms.put("purpose", l.purpose().name());
                if (!l.occupations().isEmpty()) terms.put("occupations", join(l.occupations()));
                terms.put("decision", l.decision());
                terms.put("apply_at", l.applyAt());
                terms.put("verified", Boolean.toString(l.verified()));
                if (!l.facts().facts().isEmpty()) terms.put("facts", l.facts().write());
                if (!l.unequalTreatment().isEmpty()) terms.put("unequal_treatment", names(l.unequalTreatment()));
            }
            case READMISSION -> {
                Readmission r = (Readmission) commitment;
                terms.put("answer_deadline_days", Integer.toString(r.answerDeadlineDays()));
                terms.put("third_country_nationals", Boolean.toString(r.thirdCountryNationals()));
            }
            case DOCUMENT_STANDARD -> {
                DocumentStandard d = (DocumentStandard) commitment;
                terms.put("standard", d.standard());
                terms.put("from_year", Integer.toString(d.fromYear()));
            }
            case DATA_SHARING -> {
                DataSharing d = (DataSharing) commitment;
                terms.put("dataset", d.dataset());
                terms.put("purposes", join(d.purposes()));
                terms.put("fields", join(d.fields()));
                terms.put("retention_days", Integer.toString(d.retentionDays()));
            }
            case RIGHTS_FLOOR -> {
                RightsFloor r = (RightsFloor) commitment;
                terms.put("rights", join(r.rights()));
                terms.put("non_derogable", Boolean.toString(r.nonDerogable()));
            }
            case REMITTANCE_COST ->
                terms.put(
                        "target_percent",
                        ((RemittanceCost) commitment).targetPercent().toPlainString());
            case COMMON_FRONTIER -> {
                // A common frontier has no terms beyond its parties and dates.
            }
        }
        return terms;
    }

    /**
     * Builds a commitment from its kind and terms.
     *
     * @throws IllegalArgumentException naming the missing or malformed term
     */
    public static Commitment toCommitment(
            Commitment.Kind kind,
            String instrumentId,
            Scope scope,
            Term term,
            Map<String, String> terms,
            Source source) {
        Reader t = new Reader(kind, terms);
        Commitment commitment = switch (kind) {
            case VISA_WAIVER ->
                new VisaWaiver(
                        instrumentId,
                        scope,
                        term,
                        t.integer("stay_days"),
                        t.integer("window_days"),
                        t.choices("purposes", Purpose.class),
                        source);
            case VISA_OBLIGATION ->
                new VisaObligation(instrumentId, scope, term, t.choices("purposes", Purpose.class), source);
            case FREE_MOVEMENT ->
                new FreeMovement(
                        instrumentId,
                        scope,
                        term,
                        t.bool("right_to_work"),
                        !terms.containsKey("extended") || terms.get("extended").isBlank() || t.bool("extended"),
                        t.optionalInteger("stay_days"),
                        source);
            case LEGAL_CHANNEL -> ChannelTerms.build(instrumentId, scope, term, terms, source);
            case READMISSION ->
                new Readmission(
                        instrumentId,
                        scope,
                        term,
                        t.integer("answer_deadline_days"),
                        t.optionalBool("third_country_nationals"),
                        source);
            case DOCUMENT_STANDARD ->
                new DocumentStandard(instrumentId, scope, term, t.text("standard"), t.integer("from_year"), source);
            case DATA_SHARING ->
                new DataSharing(
                        instrumentId,
                        scope,
                        term,
                        t.text("dataset"),
                        t.list("purposes"),
                        t.list("fields"),
                        t.integer("retention_days"),
                        source);
            case RIGHTS_FLOOR ->
                new RightsFloor(instrumentId, scope, term, t.list("rights"), t.bool("non_derogable"), source);
            case REMITTANCE_COST -> new RemittanceCost(instrumentId, scope, term, t.decimal("target_percent"), source);
            case COMMON_FRONTIER -> new CommonFrontier(instrumentId, scope, term, source);
        };
        Set<String> known = new java.util.HashSet<>(of(commitment).keySet());
        if (commitment instanceof FreeMovement) known.add("extended");
        if (commitment instanceof LegalChannel) known.addAll(ChannelTerms.TERMS);
        t.rejectUnknown(known);
        return commitment;
    }

    /**
     * Parses {@code key=value;key=value} text; a key given twice is an error. In a value, {@code \;} stands for a
     * semicolon and {@code \\} for a backslash (as {@link #format} writes them).
     */
    public static Map<String, String> parse(String text) {
        Map<String, String> terms = new LinkedHashMap<>();
        if (text == null || text.isBlank()) return terms;
        for (String pair : split(text)) {
            if (pair.isBlank()) continue;
            int eq = pair.indexOf('=');
            if (eq <= 0) throw new IllegalArgumentException("terms part '" + pair.trim() + "' must be key=value");
            String key = pair.substring(0, eq).trim();
            if (terms.put(key, pair.substring(eq + 1).trim()) != null) {
                throw new IllegalArgumentException("terms key '" + key + "' is given twice");
            }
        }
        return terms;
    }

    /** Formats terms as {@code key=value;key=value}, escaping semicolons and backslashes in values. */
    public static String format(Map<String, String> terms) {
        return terms.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue().replace("\\", "\\\\").replace(";", "\\;"))
                .collect(Collectors.joining(";"));
    }

    /** The pairs of {@code text}, split at semicolons that no backslash escapes, unescaped. */
    private static java.util.List<String> split(String text) {
        java.util.List<String> pairs = new java.util.ArrayList<>();
        StringBuilder pair = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length() && (text.charAt(i + 1) == ';' || text.charAt(i + 1) == '\\')) {
                pair.append(text.charAt(++i));
            } else if (c == ';') {
                pairs.add(pair.toString());
                pair.setLength(0);
            } else {
                pair.append(c);
            }
        }
        pairs.add(pair.toString());
        return pairs;
    }

    private static String names(Set<? extends Enum<?>> values) {
        return join(values.stream().map(Enum::name).collect(Collectors.toSet()));
    }

    private static String join(Set<String> values) {
        return String.join("|", new TreeSet<>(values));
    }

    private record Reader(Commitment.Kind kind, Map<String, String> terms) {
        String text(String key) {
            String value = terms.get(key);
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("terms lack " + key + " (needed for " + kind + ")");
            }
            return value;
        }

        int integer(String key) {
            String value = text(key);
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        kind + " term '" + key + "' must be a whole number, was '" + value + "'");
            }
        }

        BigDecimal decimal(String key) {
            String value = text(key);
            try {
                return new BigDecimal(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(kind + " term '" + key + "' must be a number, was '" + value + "'");
            }
        }

        boolean bool(String key) {
            String value = text(key);
            if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("yes")) return true;
            if (value.equalsIgnoreCase("false") || value.equalsIgnoreCase("no")) return false;
            throw new IllegalArgumentException(kind + " term '" + key + "' must be true or false, was '" + value + "'");
        }

        /** A whole number, or null when the term is absent or blank. */
        Integer optionalInteger(String key) {
            return terms.containsKey(key) && !terms.get(key).isBlank() ? integer(key) : null;
        }

        boolean optionalBool(String key) {
            return terms.containsKey(key) && !terms.get(key).isBlank() && bool(key);
        }

        Set<String> list(String key) {
            return Arrays.stream(text(key).split("\\|"))
                    .map(String::trim)
                    .filter(s -> !s.isEmpty())
                    .collect(Collectors.toCollection(TreeSet::new));
        }

        /** An optional list of an enum's names (empty when the term is absent or blank). */
        <E extends Enum<E>> Set<E> choices(String key, Class<E> type) {
            Set<E> chosen = EnumSet.noneOf(type);
            if (!terms.containsKey(key) || terms.get(key).isBlank()) return chosen;
            for (String name : list(key)) {
                try {
                    chosen.add(Enum.valueOf(type, name.toUpperCase(java.util.Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(kind + " term '" + key + "' has unknown value '" + name
                            + "' (known: " + Arrays.toString(type.getEnumConstants()) + ")");
                }
            }
            return chosen;
        }

        void rejectUnknown(Set<String> known) {
            for (String key : terms.keySet()) {
                if (!known.contains(key)) {
                    throw new IllegalArgumentException(
                            "terms key '" + key + "' is not one of " + kind + "'s keys " + known);
                }
            }
        }
    }
}
