package org.orderly.cli;

import java.util.Optional;
import org.orderly.regime.Registry;
import org.orderly.store.RegistrySnapshot;

/**
 * The registry for a command that only reads it: the snapshot beside the embedded database ({@link RegistrySnapshot},
 * what the database last held, discarded by every write), so that such a command starts neither PostgreSQL nor Spring;
 * without one (first use, after a write, an external database), read from the database, which writes the snapshot for
 * the next command.
 */
final class LocalRegistry {
    private LocalRegistry() {}

    static Registry read() {
        Optional<RegistrySnapshot.Read> kept =
                RegistrySnapshot.forSettings(LocalRegime.settings()).read();
        if (kept.isPresent()) return kept.get().registry();
        try (LocalRegime regime = LocalRegime.open()) {
            return regime.store().loadIntoSnapshot();
        }
    }
}
