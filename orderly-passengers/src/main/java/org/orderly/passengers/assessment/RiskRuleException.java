package org.orderly.passengers.assessment;

/** A risk rule that cannot be read; the message names the line and column. */
public final class RiskRuleException extends RuntimeException {
    public RiskRuleException(String message) {
        super(message);
    }
}
