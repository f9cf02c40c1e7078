package org.orderly.regime;

import java.util.Set;

/**
 * Grantors guarantee rights to migrants from beneficiaries (equal pay, social security, access to
 * justice…); {@code nonDerogable} rights such as non-refoulement can never be traded away.
 */
public record RightsFloor(
        String instrumentId, Scope scope, Term term, Set<String> rights, boolean nonDerogable, Source source)
        implements Commitment {

    public RightsFloor {
        Checks.common(instrumentId, scope, term, source);
        if (rights == null || rights.isEmpty())
            throw new IllegalArgumentException("a rights floor needs at least one right");
        rights = Set.copyOf(rights);
    }

    @Override
    public Kind kind() {
        return Kind.RIGHTS_FLOOR;
    }

    @Override
    public String describe() {
        return (nonDerogable ? "non-derogable rights: " : "rights guaranteed: ")
                + String.join(", ", rights.stream().sorted().toList());
    }
}
