package org.orderly.screening.compare;

/**
 * The weights, similarities and adjustments of name matching, in one place: the comparator scores with them and the
 * candidate index bounds scores with them, so that changing one here changes both and exactness cannot break silently.
 */
public final class MatchRules {
    /** How much a name part counts in a score: a word, an initial, a particle (al, bin, van…). */
    public static final double WORD_WEIGHT = 1.0;
    public static final double INITIAL_WEIGHT = 0.4;
    public static final double PARTICLE_WEIGHT = 0.15;
    /** Similarity of an initial and a word starting with it. */
    public static final double INITIAL_SIMILARITY = 0.85;
    /** Similarity of two spellings with the same transliteration-variant key. */
    public static final double VARIANT_SIMILARITY = 0.97;
    /** Factor on the similarity of two parts written as one (abdul rahman / abdulrahman). */
    public static final double COMPOUND_SIMILARITY = 0.97;
    /** Similarity of a given name and its hypocorism ({@link GivenNameVariants}). */
    public static final double HYPOCORISM_SIMILARITY = 0.9;
    /** Share of the shorter name's coverage in the score (0 = symmetric only), once it has this many words. */
    public static final double COVERAGE_SHARE = 0.5;
    public static final int COVERAGE_MIN_WORDS = 2;
    /** Birth-date adjustments: same full date, same year, years 1–2 apart, 3–5 apart, further. */
    public static final double SAME_BIRTH_DATE = 0.05;
    public static final double SAME_BIRTH_YEAR = 0.02;
    public static final double NEAR_BIRTH_YEAR = -0.02;
    public static final double BIRTH_YEARS_APART = -0.06;
    public static final double FAR_BIRTH_YEAR = -0.12;
    /** Birth years further apart than this cost the most. */
    public static final int NEAR_YEARS = 5;
    /** Nationality adjustments: the same, different. */
    public static final double SAME_NATIONALITY = 0.02;
    public static final double OTHER_NATIONALITY = -0.04;

    private MatchRules() {
    }
}
