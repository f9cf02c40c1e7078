package org.orderly.negotiation.procedure;

/** A member's answer to a proposal: under consensus a rejection is an objection; an abstention decides nothing. */
public enum Answer {
    ACCEPT,
    REJECT,
    ABSTAIN
}
