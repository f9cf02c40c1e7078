package org.orderly.regime.coherence;

import java.util.List;
import java.util.Locale;

/**
 * The checker's answer as the command line, the API and the page give it: {@code {"conflicts": [...]}}, each conflict with
 * its kind, severity, explanation, instruments, commitments, parties and sources.
 */
public record CoherenceReport(List<Conflict> conflicts) {
    public CoherenceReport {
        conflicts = List.copyOf(conflicts);
    }

    /**
     * The conflicts of a severity ({@code conflict}, {@code risk}), a kind and involving a party; a blank filter keeps all.
     *
     * @throws IllegalArgumentException naming a severity or kind that does not exist
     */
    public CoherenceReport filter(String severity, String kind, String party) {
        Conflict.Severity wanted = null;
        if (severity != null && !severity.isBlank()) {
            try {
                wanted = Conflict.Severity.valueOf(severity.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("severity '" + severity + "' is not one of conflict, risk");
            }
        }
        if (kind != null
                && !kind.isBlank()
                && CoherenceRules.STANDARD.rules().stream()
                        .noneMatch(r -> r.kind().equalsIgnoreCase(kind.strip()))) {
            throw new IllegalArgumentException("kind '" + kind + "' is not one of "
                    + CoherenceRules.STANDARD.rules().stream()
                            .map(CoherenceRules.Rule::kind)
                            .toList());
        }
        Conflict.Severity severityWanted = wanted;
        String code = party == null ? "" : party.strip().toUpperCase(Locale.ROOT);
        return new CoherenceReport(conflicts.stream()
                .filter(c -> severityWanted == null || c.severity() == severityWanted)
                .filter(c -> kind == null || kind.isBlank() || c.kind().equalsIgnoreCase(kind.strip()))
                .filter(c -> code.isEmpty() || c.parties().contains(code))
                .toList());
    }
}
