package org.orderly.regime;

/**
 * Nationals of beneficiaries may enter, reside and (if {@code rightToWork}) work in grantors. A commitment that is not
 * {@code extended} records that the instrument did not yet extend free movement between these states at all (such as
 * the EU-Swiss Agreement before its Protocol for a group of new member states applied): between them it takes precedence
 * over the instrument's general rule, and no free movement applies.
 */
public record FreeMovement(String instrumentId, Scope scope, Term term, boolean rightToWork, boolean extended, Source source)
        implements Commitment {

    public FreeMovement {
        Checks.common(instrumentId, scope, term, source);
        if (!extended && rightToWork) throw new IllegalArgumentException("free movement not yet extended cannot carry a right to work");
        if (!extended && !(scope instanceof Scope.Directed)) {
            throw new IllegalArgumentException("free movement not yet extended names the states it does not reach: give grantors and beneficiaries");
        }
    }

    /** Free movement that applies between the states it names. */
    public FreeMovement(String instrumentId, Scope scope, Term term, boolean rightToWork, Source source) {
        this(instrumentId, scope, term, rightToWork, true, source);
    }

    @Override
    public Kind kind() {
        return Kind.FREE_MOVEMENT;
    }

    @Override
    public String describe() {
        if (!extended) return "no free movement yet: the instrument does not yet extend to these states";
        return rightToWork ? "free movement with the right to reside and work" : "free movement of persons";
    }
}
