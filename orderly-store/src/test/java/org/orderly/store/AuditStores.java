package org.orderly.store;

import org.orderly.store.audit.AuditStore;

/** The audit store of a test database. */
final class AuditStores {
    private AuditStores() {
    }

    static AuditStore of(OrderlyDatabase database) {
        return new AuditStore(database.dataSource());
    }
}
