package org.orderly.screening.index;

import org.orderly.screening.compare.MatchRules;
import org.orderly.screening.compare.NameComparator;

/**
 * Upper bounds of the comparator's name score that the index computes without aligning: from the summed best
 * contributions of a listed name's tokens, and for a name that matches none of the query's words read so far. Public
 * so that other candidate generators bound names by the same code (the Lucene baseline of orderly-bench does).
 */
public final class ScoreBound {
    private ScoreBound() {}

    /**
     * An upper bound of the comparator's name score from the summed best contributions of the listed tokens: the
     * symmetric share, and its mean with the shorter side's coverage.
     */
    public static double bound(
            double matched,
            double matchedQuery,
            double matchedName,
            double queryWeight,
            double nameWeight,
            int queryWords,
            int nameWords,
            int queryParts,
            int nameParts) {
        // Each token of either name takes part in one unit at most: the matched weight cannot exceed what each side
        // can match, however many listed tokens are linked to the same query word (Han syllables one edit apart).
        double capped =
                Math.min(matched, Math.min(matchedQuery, queryWeight) + Math.min(matchedName, nameWeight + 1e-4));
        double symmetric = Math.min(1, capped / (queryWeight + nameWeight));
        double coverage;
        // Weights are sums of 1, 0.4 and 0.15 (the name's stored as a float): closer than this they are equal, and
        // either side may be the one the comparator takes as shorter.
        if (Math.abs(queryWeight - nameWeight) < 1e-3) {
            if (queryWords < MatchRules.COVERAGE_MIN_WORDS && nameWords < MatchRules.COVERAGE_MIN_WORDS) {
                return symmetric;
            }
            coverage = Math.max(matchedQuery, matchedName) / Math.min(queryWeight, nameWeight);
        } else if (queryWeight < nameWeight) {
            if (queryWords < MatchRules.COVERAGE_MIN_WORDS) {
                return symmetric; // the comparator credits the shorter name's coverage only if it has two words
            }
            coverage = matchedQuery / queryWeight;
        } else {
            if (nameWords < MatchRules.COVERAGE_MIN_WORDS) {
                return symmetric;
            }
            coverage = matchedName / nameWeight;
        }
        coverage = Math.min(1, coverage);
        double share = Math.abs(queryParts - nameParts) >= 2 ? share(coverage) : MatchRules.COVERAGE_SHARE;
        return Math.max(symmetric, symmetric + share * (coverage - symmetric));
    }

    /**
     * The comparator's coverage share for a shorter side whose coverage is at most {@code coverage}: the larger share
     * needs every token of that side aligned with similarity {@link MatchRules#ORDERED_MIN_SIMILARITY} or more, so a
     * coverage below that rules it out (as does a longer side with fewer than two parts more, which callers check:
     * parts are the tokens other than particles).
     */
    static double share(double coverage) {
        return coverage >= MatchRules.ORDERED_MIN_SIMILARITY - 1e-9
                ? MatchRules.ORDERED_COVERAGE_SHARE
                : MatchRules.COVERAGE_SHARE;
    }

    /**
     * How many of the query's rarest words must be read for names with {@code cls} posted tokens (words and initials;
     * 4 stands for four or more): the fewest such that a name matching none of them one to one cannot reach
     * {@code need}, however its tokens are weighted and whatever the query's other words, initials and particles match
     * perfectly. (Names reached through parts written as one are read apart, whatever their class, but for two query
     * words against two listed ones, each linked one to one: that unit weighs as those two units, which this counts.)
     */
    public static int wordsToRead(
            int queryWords, int initials, int particles, double queryWeight, int cls, double need) {
        int to = cls == 4 ? NameComparator.MAX_TOKENS : cls;
        for (int read = 0; read < queryWords; read++) {
            boolean reachable = false;
            for (int posted = cls; posted <= to && !reachable; posted++) {
                reachable =
                        unreadBound(queryWords - read, queryWords, initials, particles, queryWeight, posted) >= need;
            }
            if (!reachable) {
                return read;
            }
        }
        return queryWords;
    }

    /**
     * The best score of a name with {@code posted} words or initials when only {@code words} of the query's words (and
     * its initials and particles) can match, each token with one of the other side: matched partners weigh 1, unmatched
     * ones 0.4 (an initial), and the name has as many particles as the query, all matched.
     */
    static double unreadBound(int words, int queryWords, int initials, int particles, double queryWeight, int posted) {
        int matched = Math.min(words + initials, posted);
        double matchedQuery = MatchRules.WORD_WEIGHT * Math.min(matched, words)
                + MatchRules.INITIAL_WEIGHT * Math.max(0, matched - words)
                + MatchRules.PARTICLE_WEIGHT * particles;
        double nameWeight = MatchRules.WORD_WEIGHT * matched
                + MatchRules.INITIAL_WEIGHT * (posted - matched)
                + MatchRules.PARTICLE_WEIGHT * particles;
        double matchedName = MatchRules.WORD_WEIGHT * matched + MatchRules.PARTICLE_WEIGHT * particles;
        double symmetric = Math.min(1, (matchedQuery + matchedName) / (queryWeight + nameWeight));
        double coverage = Math.min(1, Math.max(matchedQuery / queryWeight, matchedName / nameWeight));
        // The larger share needs every part of the shorter name aligned and the longer two parts longer: a query that
        // is the shorter cannot have an unread word, a listed name that is the shorter must be matched whole.
        int queryParts = queryWords + initials;
        boolean ordered =
                queryParts >= posted + 2 && matched == posted || posted >= queryParts + 2 && words == queryWords;
        double share = ordered ? share(coverage) : MatchRules.COVERAGE_SHARE;
        return Math.max(symmetric, symmetric + share * (coverage - symmetric));
    }
}
