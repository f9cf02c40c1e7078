package org.orderly.regime;

import java.util.Objects;

/**
 * A regional or global consultative process on migration (Budapest Process, Colombo Process…);
 * its members are recorded as {@link Participation}s with status MEMBER or OBSERVER.
 */
public record Process(String id, String name, String focus, Source source) implements Party {
    public Process {
        Objects.requireNonNull(id, "process id");
        Objects.requireNonNull(name, "process name");
        Objects.requireNonNull(source, "process source");
        focus = focus == null ? "" : focus;
    }

    @Override
    public PartyKind kind() {
        return PartyKind.PROCESS;
    }
}
