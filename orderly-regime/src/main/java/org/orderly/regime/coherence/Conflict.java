package org.orderly.regime.coherence;

import java.util.List;
import java.util.Objects;
import org.orderly.regime.Source;

/**
 * A clash between commitments and instruments that bind a party: which rule it breaks ({@code kind}), how grave it is, why
 * in words, and which instruments, commitments, parties and sources it involves (the rule's own source among them).
 */
public record Conflict(
        String kind,
        Severity severity,
        String explanation,
        List<String> instruments,
        List<CommitmentRef> commitments,
        List<String> parties,
        List<Source> sources) {
    /** A conflict breaks a rule that binds; a risk may break one, depending on facts the registry does not hold. */
    public enum Severity {
        CONFLICT,
        RISK
    }

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
