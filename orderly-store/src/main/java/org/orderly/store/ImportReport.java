package org.orderly.store;

/** What an import did: rows read from the file, rows written, and whether the same content was already in place. */
public record ImportReport(
        String kind,
        String subject,
        String file,
        String sha256,
        int rowsRead,
        int rowsWritten,
        boolean unchanged,
        long millis) {}
