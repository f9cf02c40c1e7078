package org.orderly.negotiation;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.orderly.regime.Commitment;
import org.orderly.regime.CommitmentTerms;

/**
 * What commitment an issue produces once an option is chosen: its kind, who grants it to whom,
 * and the fixed attributes (sector, standard, dataset, purposes, fields, rights, window days…);
 * the chosen option supplies the one varying parameter.
 */
public record CommitmentTemplate(
        Commitment.Kind kind, Set<String> grantors, Set<String> beneficiaries, Map<String, String> attributes) {
    public CommitmentTemplate {
        Objects.requireNonNull(kind, "commitment template kind");
        if (grantors == null || grantors.isEmpty())
            throw new IllegalArgumentException("a commitment template needs a grantor");
        if (beneficiaries == null || beneficiaries.isEmpty())
            throw new IllegalArgumentException("a commitment template needs a beneficiary");
        grantors = Set.copyOf(grantors);
        beneficiaries = Set.copyOf(beneficiaries);
        attributes = attributes == null ? Map.of() : Map.copyOf(new TreeMap<>(attributes));
    }

    /** An attribute's value, or the fallback when the template does not set it. */
    public String attribute(String name, String fallback) {
        return attributes.getOrDefault(name, fallback);
    }

    /**
     * The commitment's terms in the registry's one encoding ({@link CommitmentTerms}) once {@code option} is chosen: the
     * option's value is the kind's one varying term (stay days, quota, deadline, year, retention days, percent), the
     * template's attributes the fixed ones (lists written with commas here, with {@code |} there). Fails for "none".
     */
    public Map<String, String> terms(Option option) {
        if (option.isNone()) throw new IllegalArgumentException("option " + option.id() + " makes no commitment");
        Map<String, String> terms = new LinkedHashMap<>();
        switch (kind) {
            case VISA_WAIVER -> {
                terms.put("stay_days", whole(option));
                terms.put("window_days", attribute("windowDays", "180"));
                terms.put("purposes", list(attribute("purposes", "")));
            }
            case LEGAL_CHANNEL -> {
                // The channel's fixed terms as the template names them; the option's value is its annual quota.
                CHANNEL_TERMS.forEach((attribute, term) -> {
                    String value = attribute(attribute, "");
                    if (!value.isBlank()) terms.put(term, attribute.equals("occupations") ? list(value) : value);
                });
                terms.put("annual_quota", whole(option));
            }
            case READMISSION -> {
                terms.put("answer_deadline_days", whole(option));
                terms.put("third_country_nationals", attribute("thirdCountryNationals", "false"));
            }
            case DOCUMENT_STANDARD -> {
                terms.put("standard", attribute("standard", "ICAO Doc 9303 eMRTD"));
                terms.put("from_year", whole(option));
            }
            case DATA_SHARING -> {
                terms.put("dataset", attribute("dataset", "API"));
                terms.put("purposes", list(attribute("purposes", "border control")));
                terms.put("fields", list(attribute("fields", "")));
                terms.put("retention_days", whole(option));
            }
            case RIGHTS_FLOOR -> {
                terms.put("rights", list(attribute("rights", "")));
                terms.put("non_derogable", attribute("nonDerogable", "false"));
            }
            case REMITTANCE_COST -> terms.put("target_percent", option.value().toPlainString());
            case FREE_MOVEMENT, COMMON_FRONTIER, VISA_OBLIGATION ->
                throw new IllegalArgumentException(kind + " is not a negotiable commitment kind");
        }
        return terms;
    }

    /** A legal channel's template attributes and the terms they become ({@link CommitmentTerms}). */
    private static final Map<String, String> CHANNEL_TERMS = new java.util.LinkedHashMap<>();

    static {
        CHANNEL_TERMS.put("channel", "channel");
        CHANNEL_TERMS.put("title", "title");
        CHANNEL_TERMS.put("purpose", "purpose");
        CHANNEL_TERMS.put("sector", "sector");
        CHANNEL_TERMS.put("occupations", "occupations");
        CHANNEL_TERMS.put("procedure", "procedure");
        CHANNEL_TERMS.put("decision", "decision");
        CHANNEL_TERMS.put("applyAt", "apply_at");
    }

    private static String whole(Option option) {
        return Integer.toString(option.value().intValueExact());
    }

    private static String list(String commaSeparated) {
        return String.join(
                "|",
                Arrays.stream(commaSeparated.split(","))
                        .map(String::trim)
                        .filter(s -> !s.isEmpty())
                        .toList());
    }

    /** Every state named by the template, as grantor or beneficiary. */
    public Set<String> states() {
        var all = new java.util.TreeSet<>(grantors);
        all.addAll(beneficiaries);
        return all;
    }
}
