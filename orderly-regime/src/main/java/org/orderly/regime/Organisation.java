package org.orderly.regime;

import java.util.Objects;

/** An international organisation or forum that takes part in the regime (IOM, UNHCR, ICAO, the EU…). */
public record Organisation(String id, String name, String mandate, Source source) implements Party {
    public Organisation {
        Objects.requireNonNull(id, "organisation id");
        Objects.requireNonNull(name, "organisation name");
        Objects.requireNonNull(source, "organisation source");
        mandate = mandate == null ? "" : mandate;
    }

    @Override
    public PartyKind kind() {
        return PartyKind.ORGANISATION;
    }
}
