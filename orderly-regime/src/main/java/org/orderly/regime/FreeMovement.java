package org.orderly.regime;

/**
 * Nationals of beneficiaries may enter, reside and (if {@code rightToWork}) work in grantors. A commitment that is not
 * {@code extended} records that the instrument did not yet extend free movement between these states at all (such as
 * the EU-Swiss Agreement before its Protocol for a group of new member states applied): between them it takes precedence
 * over the instrument's general rule, and no free movement applies. {@code stayDays}, when the instrument fixes it, is how
 * long a visit without any permission may last (ECOWAS's first phase: 90 days); null where free movement has no such limit.
 */
public record FreeMovement(
        String instrumentId,
        Scope scope,
        Term term,
        boolean rightToWork,
        boolean extended,
        Integer stayDays,
        Source source)
        implements Commitment {

    public FreeMovement {
        Checks.common(instrumentId, scope, term, source);
        if (stayDays != null && stayDays <= 0)
            throw new IllegalArgumentException("free movement stay limit must be positive, was " + stayDays);
        if (stayDays != null && !extended)
            throw new IllegalArgumentException("free movement not yet extended has no stay limit");
        if (!extended && rightToWork)
            throw new IllegalArgumentException("free movement not yet extended cannot carry a right to work");
        if (!extended && scope.isReciprocal()) {
            throw new IllegalArgumentException(
                    "free movement not yet extended names the states it does not reach: give grantors and beneficiaries");
        }
    }

    /** Free movement that applies between the states it names. */
    public FreeMovement(String instrumentId, Scope scope, Term term, boolean rightToWork, Source source) {
        this(instrumentId, scope, term, rightToWork, true, null, source);
    }

    /** Free movement, or its absence where not yet {@code extended}, with no limit on the length of a visit. */
    public FreeMovement(
            String instrumentId, Scope scope, Term term, boolean rightToWork, boolean extended, Source source) {
        this(instrumentId, scope, term, rightToWork, extended, null, source);
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
