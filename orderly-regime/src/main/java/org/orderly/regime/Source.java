package org.orderly.regime;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Where a fact came from: a citable title, a reference (URL, treaty registration number or
 * file and line) and the date on which the fact was true according to that source.
 */
public record Source(String title, String reference, LocalDate asOf) {
    public Source {
        Objects.requireNonNull(title, "source title");
        Objects.requireNonNull(asOf, "source as-of date");
        if (title.isBlank()) throw new IllegalArgumentException("source title is blank");
        reference = reference == null ? "" : reference;
    }
}
