package org.orderly.lab.data;

import java.util.Objects;

/**
 * A country or area as UN DESA names it, and what the name stands for: an area with an ISO 3166-1 alpha-3 code (a state
 * or a territory), an area the data code with no alpha-3 (the Channel Islands), or a regional aggregate (the Caribbean,
 * Melanesia), which is no state and is never counted as one.
 */
public record Area(String unName, String code, Kind kind) {

    /** What a UN name stands for. */
    public enum Kind {
        /** A state or territory with an ISO alpha-3 code: the unit the lab models. */
        CODED,
        /** An area the UN lists on its own but with no ISO alpha-3 code (the Channel Islands); kept out of the model. */
        UNCODED,
        /** A regional aggregate (a sum of other rows), never a state. */
        AGGREGATE
    }

    public Area {
        Objects.requireNonNull(unName, "UN name");
        Objects.requireNonNull(kind, "area kind");
        if ((kind == Kind.CODED) != (code != null))
            throw new IllegalArgumentException("only a coded area has a code: " + unName);
    }

    /**
     * A UN name as the files write it, without the footnote mark the totals file appends ({@code Australia*}) and
     * surrounding spaces, so that the same area has one key in every file.
     */
    public static String key(String unName) {
        String name = unName.strip();
        while (name.endsWith("*")) name = name.substring(0, name.length() - 1).strip();
        return name;
    }
}
