package org.orderly.regime;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.orderly.regime.channel.AllocationProcedure;
import org.orderly.regime.channel.ChannelFacts;
import org.orderly.regime.channel.ChannelPurpose;

/**
 * The terms of a {@link LegalChannel} for {@link CommitmentTerms#toCommitment}: the channel's own terms, its facts as
 * CSV text, and the short form a negotiation or a secretariat gives ({@code sector}, {@code annual_quota},
 * {@code procedure}), from which the rest is defaulted with the commitment's source.
 */
final class ChannelTerms {
    /** Every key a channel's terms may hold. */
    static final Set<String> TERMS = Set.of(
            "channel",
            "title",
            "purpose",
            "occupations",
            "decision",
            "apply_at",
            "verified",
            "facts",
            "sector",
            "annual_quota",
            "procedure",
            "unequal_treatment");

    private ChannelTerms() {}

    static LegalChannel build(String instrumentId, Scope scope, Term term, Map<String, String> terms, Source source) {
        String destination = scope.match(
                reciprocal -> "?",
                d -> d.grantors().size() == 1 ? d.grantors().iterator().next() : "?");
        ChannelPurpose purpose = choice("purpose", value(terms, "purpose", "WORK"), ChannelPurpose.class);
        String sector = value(terms, "sector", null);
        String id = value(
                terms,
                "channel",
                instrumentId + "_" + destination + (purpose == ChannelPurpose.WORK ? "" : "_" + purpose.name()));
        String title = value(
                terms,
                "title",
                purpose.name().charAt(0)
                        + purpose.name().substring(1).toLowerCase(Locale.ROOT).replace('_', ' ')
                        + (sector == null ? "" : " in " + sector) + " in " + destination + " under " + instrumentId);
        List<ChannelFacts.Fact> facts = new ArrayList<>();
        if (terms.containsKey("facts") && !terms.get("facts").isBlank()) {
            facts.addAll(ChannelFacts.read("terms facts", terms.get("facts")).facts());
        }
        String quota = value(terms, "annual_quota", null);
        if (quota != null && !quota.matches("[0-9]{1,9}")) {
            throw new IllegalArgumentException(
                    "LEGAL_CHANNEL term 'annual_quota' must be a whole number of places, was '" + quota + "'");
        }
        if (quota != null) {
            Map<String, String> parameters = new LinkedHashMap<>();
            parameters.put("places", quota);
            parameters.put(
                    "procedure",
                    choice("procedure", value(terms, "procedure", "FIRST_COME"), AllocationProcedure.class)
                            .name());
            facts.add(new ChannelFacts.Fact(ChannelFacts.Type.QUOTA, "GLOBAL", parameters, null, null, true, source));
        } else if (terms.containsKey("procedure")) {
            throw new IllegalArgumentException("LEGAL_CHANNEL term 'procedure' needs annual_quota");
        }
        Set<String> occupations = new java.util.TreeSet<>();
        String listed = value(terms, "occupations", null);
        if (listed != null)
            Arrays.stream(listed.split("\\|"))
                    .map(String::trim)
                    .filter(s -> !s.isEmpty())
                    .forEach(occupations::add);
        String verified = value(terms, "verified", "true");
        if (!verified.equals("true") && !verified.equals("false")) {
            throw new IllegalArgumentException(
                    "LEGAL_CHANNEL term 'verified' must be true or false, was '" + verified + "'");
        }
        ChannelFacts channelFacts;
        try {
            channelFacts = ChannelFacts.of(facts);
        } catch (ChannelFacts.InvalidFact e) {
            throw new IllegalArgumentException(
                    "LEGAL_CHANNEL facts, row " + (e.index() + 1) + ": " + e.getMessage(), e);
        }
        return new LegalChannel(
                instrumentId,
                scope,
                term,
                id,
                title,
                purpose,
                occupations,
                value(
                        terms,
                        "decision",
                        "The authorities of " + destination + " under its national law, within the terms of "
                                + instrumentId),
                value(
                        terms,
                        "apply_at",
                        "The embassy or consulate of " + destination + " in your country of residence"),
                Boolean.parseBoolean(verified),
                channelFacts,
                unequal(terms),
                source);
    }

    /** The matters the terms treat less favourably than nationals, as {@code SOCIAL_SECURITY|ACCOMMODATION}. */
    private static Set<TreatmentMatter> unequal(Map<String, String> terms) {
        Set<TreatmentMatter> matters = java.util.EnumSet.noneOf(TreatmentMatter.class);
        String listed = value(terms, "unequal_treatment", null);
        if (listed == null) return matters;
        for (String matter : listed.split("\\|")) {
            if (!matter.isBlank()) matters.add(choice("unequal_treatment", matter.strip(), TreatmentMatter.class));
        }
        return matters;
    }

    private static String value(Map<String, String> terms, String key, String fallback) {
        String v = terms.get(key);
        return v == null || v.isBlank() ? fallback : v.strip();
    }

    private static <E extends Enum<E>> E choice(String key, String value, Class<E> type) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("LEGAL_CHANNEL term '" + key + "' is '" + value + "', not one of "
                    + Arrays.toString(type.getEnumConstants()));
        }
    }
}
