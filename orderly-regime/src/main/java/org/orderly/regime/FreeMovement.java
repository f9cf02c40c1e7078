package org.orderly.regime;

/** Nationals of beneficiaries may enter, reside and (if {@code rightToWork}) work in grantors. */
public record FreeMovement(String instrumentId, Scope scope, Term term, boolean rightToWork, Source source)
        implements Commitment {

    public FreeMovement {
        Checks.common(instrumentId, scope, term, source);
    }

    @Override
    public Kind kind() {
        return Kind.FREE_MOVEMENT;
    }

    @Override
    public String describe() {
        return rightToWork ? "free movement with the right to reside and work" : "free movement of persons";
    }
}
