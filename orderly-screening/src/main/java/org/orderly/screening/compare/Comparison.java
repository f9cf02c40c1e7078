package org.orderly.screening.compare;

import java.util.List;

/**
 * The explained result of comparing two persons or names: the score in [0,1], the decision against the threshold, the
 * token correspondences and the parts left unmatched, and how birth date and nationality moved the name score.
 */
public record Comparison(
        double score,
        boolean match,
        double threshold,
        double nameScore,
        List<TokenMatch> matches,
        List<String> unmatchedLeft,
        List<String> unmatchedRight,
        double birthDateAdjustment,
        double nationalityAdjustment,
        String explanation) {
    public Comparison {
        matches = List.copyOf(matches);
        unmatchedLeft = List.copyOf(unmatchedLeft);
        unmatchedRight = List.copyOf(unmatchedRight);
    }
}
