package org.orderly.monitoring;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Where a computed value came from: a file (named with its SHA-256, so the same bytes can be found again), a set of
 * records, or an import run, and the date the input describes.
 */
public record Provenance(String kind, String reference, String sha256, LocalDate asOf) {

    public Provenance {
        Objects.requireNonNull(kind, "provenance kind");
        Objects.requireNonNull(reference, "provenance reference");
        sha256 = sha256 == null ? "" : sha256;
    }

    /** A file read as published. */
    public static Provenance file(String name, String sha256, LocalDate asOf) {
        return new Provenance("file", name, sha256, asOf);
    }

    /** Records of Orderly's own registry or operations. */
    public static Provenance records(String what, LocalDate asOf) {
        return new Provenance("records", what, "", asOf);
    }

    @Override
    public String toString() {
        return (kind.equals("records") ? "" : kind + " ")
                + reference
                + (sha256.isEmpty() ? "" : " (sha256 " + sha256.substring(0, Math.min(12, sha256.length())) + "…)")
                + (asOf == null ? "" : " as of " + asOf);
    }
}
