package org.orderly.monitoring;

import java.util.List;
import java.util.Objects;

/**
 * What an indicator measures, held as data: its id, its name, the unit of its values, the commitment or target it is
 * held against (empty when none), how it is computed and the sources it reads.
 */
public record Indicator(String id, String name, String measures, String unit, String heldAgainst, String computation,
        List<String> sources) {

    public Indicator {
        Objects.requireNonNull(id, "indicator id");
        Objects.requireNonNull(name, "indicator name");
        Objects.requireNonNull(measures, "indicator measures");
        Objects.requireNonNull(unit, "indicator unit");
        heldAgainst = heldAgainst == null ? "" : heldAgainst;
        Objects.requireNonNull(computation, "indicator computation");
        sources = List.copyOf(sources);
        if (!id.matches("[a-z][a-z0-9-]*")) throw new IllegalArgumentException("indicator id '" + id + "' must be lower-case words joined by '-'");
    }
}
