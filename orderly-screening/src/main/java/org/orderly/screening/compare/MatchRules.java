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
    /** Similarity of one name in two romanisation systems ({@link Romanisations}). */
    public static final double ROMANISATION_SIMILARITY = 0.92;
    /** The same for a single Korean syllable in the two systems (Kim / Gim): one syllable is shared by many names. */
    public static final double KOREAN_SYLLABLE_SIMILARITY = 0.88;
    /**
     * Similarity of two words of six (seven) letters or more two letters apart, which the comparator counts only when
     * every other part of both names agrees exactly ({@link MatchKind#TWO_LETTERS}).
     */
    public static final double TWO_LETTERS_SIX = 0.74;

    public static final double TWO_LETTERS_SEVEN = 0.78;
    /** Shortest word (the shorter of the two) in which two letters may be wrong. */
    public static final int TWO_LETTERS_MIN_LENGTH = 6;
    /** Similarity of two grammatical forms of one name ({@link InflectedForms}). */
    public static final double INFLECTION_SIMILARITY = 0.94;
    /**
     * Share of the shorter name's coverage when every part of the shorter name is found, in order, in the longer one
     * (first with first, last with last, each with similarity at least {@link #ORDERED_MIN_SIMILARITY}) and the longer
     * has at least two words more: a two-part query against a listed name with patronymics or tribal names between
     * given name and surname.
     */
    public static final double ORDERED_COVERAGE_SHARE = 0.75;

    public static final double ORDERED_MIN_SIMILARITY = 0.9;
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

    private MatchRules() {}
}
