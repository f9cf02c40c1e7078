package org.orderly.regime;

/**
 * A matter in which a migrant worker lawfully in a state is owed treatment no less favourable than its nationals: the list
 * of ILO Convention No. 97, art. 6(1), and the further ones of ILO Convention No. 143, art. 10. A labour channel names
 * those its terms treat less favourably ({@link LegalChannel#unequalTreatment()}).
 */
public enum TreatmentMatter {
    REMUNERATION("remuneration and conditions of work"),
    TRADE_UNION("membership of trade unions and the benefits of collective bargaining"),
    ACCOMMODATION("accommodation"),
    SOCIAL_SECURITY("social security"),
    EMPLOYMENT_TAXES("employment taxes, dues or contributions"),
    LEGAL_PROCEEDINGS("legal proceedings"),
    EMPLOYMENT("access to employment and occupation"),
    CULTURAL_RIGHTS("cultural rights"),
    FREEDOMS("individual and collective freedoms");

    private final String words;

    TreatmentMatter(String words) {
        this.words = words;
    }

    /** The matter in plain words. */
    public String words() {
        return words;
    }
}
