package org.orderly.passengers.assessment;

/** A risk rule that cannot be read; the message names the line and column. */
public final class RiskRuleException extends RuntimeException {
    @java.io.Serial
    private static final long serialVersionUID = 1L;

    public RiskRuleException(String message) {
        super(message);
    }
}
