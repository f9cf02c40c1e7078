package org.orderly.store;

import org.orderly.store.audit.AuditStore;

/** The audit store of a test database, with its key and checkpoints in the database's home. */
final class AuditStores {
    private AuditStores() {}

    static AuditStore of(OrderlyDatabase database) {
        return AuditStore.open(database.dataSource(), database.home().resolve("audit"), java.time.Clock.systemUTC());
    }
}
