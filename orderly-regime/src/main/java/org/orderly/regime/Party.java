package org.orderly.regime;

/** An actor in the regime: a state, an international organisation or a consultative process. */
public sealed interface Party extends java.io.Serializable permits State, Organisation, Process {
    /** Stable identifier: ISO 3166-1 alpha-3 for states, an upper-case acronym otherwise. */
    String id();

    String name();

    Source source();

    PartyKind kind();

    enum PartyKind {
        STATE,
        ORGANISATION,
        PROCESS
    }
}
