package org.orderly.monitoring;

import java.util.List;
import java.util.Objects;

/**
 * What an indicator measures, held as data: its id, its name, the unit of its values, the commitment or target it is
 * held against (empty when none), how it is computed, the sources it reads, and what its subjects are: states (one value
 * for every state), legal channels, or corridors ({@code DEU→MAR}).
 */
public record Indicator(
        String id,
        String name,
        String measures,
        String unit,
        String heldAgainst,
        String computation,
        List<String> sources,
        Subjects subjects) {

    /** What an indicator's values are about. */
    public enum Subjects {
        STATES,
        CHANNELS,
        CORRIDORS
    }

    /** An indicator with a value for every state. */
    public Indicator(
            String id,
            String name,
            String measures,
            String unit,
            String heldAgainst,
            String computation,
            List<String> sources) {
        this(id, name, measures, unit, heldAgainst, computation, sources, Subjects.STATES);
    }

    public Indicator {
        Objects.requireNonNull(id, "indicator id");
        Objects.requireNonNull(name, "indicator name");
        Objects.requireNonNull(measures, "indicator measures");
        Objects.requireNonNull(unit, "indicator unit");
        heldAgainst = heldAgainst == null ? "" : heldAgainst;
        Objects.requireNonNull(computation, "indicator computation");
        sources = List.copyOf(sources);
        Objects.requireNonNull(subjects, "indicator subjects");
        if (!id.matches("[a-z][a-z0-9-]*"))
            throw new IllegalArgumentException("indicator id '" + id + "' must be lower-case words joined by '-'");
    }
}
