package org.orderly.screening.compare;

/**
 * How often each name part occurs on the screened lists, so that a score can weigh a part by how distinctive it is:
 * a rare surname found with a given name is evidence, "Mohammad" and "Ahmad" found together much less.
 * {@link #NONE} knows no list and takes every part for distinctive (two names compared on their own).
 */
@FunctionalInterface
public interface PartFrequencies {
    /** No list: every part counts as distinctive. */
    PartFrequencies NONE = word -> 0;

    /** A part on at least this share of the listed names is common... */
    double COMMON_SHARE = 0.005;
    /** ...once it is on at least this many of them (a short list says little about what is common). */
    int COMMON_MIN_NAMES = 20;

    /** How many listed names carry this part (normalised spelling), 0 when none does. */
    int names(String word);

    /** Whether this part is common on a list of {@code listed} names. */
    default boolean common(String word, int listed) {
        int names = names(word);
        return names >= COMMON_MIN_NAMES && names >= COMMON_SHARE * listed;
    }
}
