package org.orderly.lab.model;

/**
 * One regressor of the bilateral model for a corridor (origin o → destination d) over a five-year step ending in year t.
 * The model is E[stock_t] = exp(Σ β·term), so a coefficient is a semi-elasticity: a policy switch multiplies the
 * expected stock by exp(β).
 */
public enum Term {
    INTERCEPT("intercept", "1", false),
    NETWORK("network", "ln(1 + stock at t−5): the diaspora already there", false),
    NEW_CORRIDOR("new corridor", "1 when the stock at t−5 was nil", false),
    ORIGIN_POPULATION("origin population", "ln population of the origin at t−5", false),
    DESTINATION_POPULATION("destination population", "ln population of the destination at t−5", false),
    REFUGEE_SHARE("refugee share", "refugees and asylum seekers from o in d (UNHCR) / stock, at t−5, at most 1", false),
    VISA_LIFTED(
            "visa lifted",
            "1 when the travel answer for o's passport at d required a visa (or refused entry) on 1 July of t−5 "
                    + "and does not on 1 July of t",
            true),
    VISA_IMPOSED(
            "visa imposed",
            "1 when the travel answer required no visa on 1 July of t−5 and requires one on 1 July of t",
            true),
    FREE_MOVEMENT_OPENED(
            "free movement opened",
            "1 when free movement (with or without the right to work) is in force from d to "
                    + "o's nationals on 1 July of t and none was on 1 July of t−5: an accession, or a deal",
            true),
    WORK_RESTRICTIONS_LIFTED(
            "work restrictions lifted",
            "1 when free movement without the right to work on 1 July of t−5 has become "
                    + "free movement with it by 1 July of t (the end of a transitional limit)",
            true),
    FREE_MOVEMENT("free movement", "1 when free movement with the right to work is in force on 1 July of t", true),
    FREE_MOVEMENT_WITHOUT_WORK(
            "free movement without work",
            "1 when free movement is in force without yet the right to work " + "(transitional limits)",
            true),
    POLICY_NOT_RECORDED(
            "policy not recorded",
            "1 when the registry holds no rule for the pair (an area it does not list, or no visa data)",
            true),
    MOMENTUM("corridor momentum", "ln(1 + stock at t−5) − ln(1 + stock at t−10)", false),
    DESTINATION_MOMENTUM("destination momentum", "log growth of d's immigrant stock from t−10 to t−5", false),
    ORIGIN_MOMENTUM("origin momentum", "log growth of o's emigrant stock from t−10 to t−5", false);

    private final String label;
    private final String definition;
    private final boolean policy;

    Term(String label, String definition, boolean policy) {
        this.label = label;
        this.definition = definition;
        this.policy = policy;
    }

    public String label() {
        return label;
    }

    /** How the term is computed, in words. */
    public String definition() {
        return definition;
    }

    /** Whether the term is read from the registry's rules (a deal may change it). */
    public boolean policy() {
        return policy;
    }
}
