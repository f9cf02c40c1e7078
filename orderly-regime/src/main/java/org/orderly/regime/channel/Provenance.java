package org.orderly.regime.channel;

import java.util.Objects;
import org.orderly.regime.Source;

/**
 * Where one fact of a channel comes from, and whether Orderly vouches for it: an unverified fact (a figure we could not
 * trace to the instrument, article and year) is shown as unverified everywhere, never as certain.
 */
public record Provenance(Source source, boolean verified) implements java.io.Serializable {
    public Provenance {
        Objects.requireNonNull(source, "fact source");
    }
}
