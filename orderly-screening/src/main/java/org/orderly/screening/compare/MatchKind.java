package org.orderly.screening.compare;

/** How two name tokens were found to correspond, from strongest to weakest evidence. */
public enum MatchKind {
    /** Same normalised spelling. */
    EXACT,
    /** Same spelling once transliteration variants are folded (Mohamad/Muhammad, Yousef/Yusuf). */
    VARIANT,
    /** Same consonant skeleton and similar vowels (Mohammed/Muhammad). */
    SKELETON,
    /** Same Double Metaphone code (sounds alike). */
    PHONETIC,
    /** Close spelling by Jaro-Winkler (typing or OCR error, transposed letters). */
    TYPO,
    /** An initial standing for a name that starts with it. */
    INITIAL,
    /** One name part written as two, or two as one (Abdul Rahman/Abdulrahman). */
    COMPOUND,
    /** A given name and its hypocorism from a public list (William/Bill). */
    HYPOCORISM,
    /** One name in two grammatical forms (Ivanov/Ivanova, Kowalski/Kowalska, Petrauskas/Petrauskiene). */
    INFLECTION,
    /** One name in two romanisation systems (Wade-Giles and Pinyin, McCune-Reischauer and Revised Romanization). */
    ROMANISATION,
    /**
     * Two Pinyin words, one the other's Wade-Giles form (Chang for Zhang): one name only when one of the two names has
     * a word that reads only as Wade-Giles.
     */
    ROMANISATION_IF_WADE_GILES,
    /** Two letters wrong in a word of six or seven letters, accepted only when the other parts agree exactly. */
    TWO_LETTERS,
    /**
     * One Korean syllable in the two romanisation systems (Kim / Gim, Yong / Yeong): one syllable is shared by many
     * names, so it counts only when every part of both names is aligned one to one.
     */
    KOREAN_SYLLABLE
}
