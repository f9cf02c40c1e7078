package org.orderly.passengers.assessment;

/**
 * One reason for an officer to look at a traveller before arrival, with its explanation: a document
 * problem, a watchlist or lost-document hit, a travel requirement not met, or an analyst's risk rule.
 * {@code score} is the name-match score for a watchlist hit, null otherwise; {@code reference} names
 * the list entry, the rule or the instrument behind the finding.
 */
public record Finding(Kind kind, String reference, Double score, String explanation) {

    public enum Kind {
        DOCUMENT,
        WATCHLIST,
        LOST_DOCUMENT,
        TRAVEL_REQUIREMENT,
        RISK_RULE
    }
}
