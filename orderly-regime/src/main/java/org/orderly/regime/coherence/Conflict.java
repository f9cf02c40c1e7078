package org.orderly.regime.coherence;

import java.util.List;
import java.util.Objects;

/**
 * A clash between commitments and instruments that bind a party: what kind of rule it breaks, how grave it is, why in
 * words, and which instruments, commitments, parties and sources it involves.
 */
public record Conflict(String kind, Severity severity, String explanation, List<String> instruments, List<String> commitments,
                       List<String> parties, List<String> sources) {
    /** A conflict breaks a rule that binds; a risk may break one, depending on facts the registry does not hold. */
    public enum Severity { CONFLICT, RISK }

    public Conflict {
        Objects.requireNonNull(kind, "conflict kind");
        Objects.requireNonNull(severity, "conflict severity");
        Objects.requireNonNull(explanation, "conflict explanation");
        instruments = List.copyOf(instruments);
        commitments = List.copyOf(commitments);
        parties = List.copyOf(parties);
        sources = List.copyOf(sources);
    }
}
