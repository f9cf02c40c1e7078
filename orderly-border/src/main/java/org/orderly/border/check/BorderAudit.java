package org.orderly.border.check;

/**
 * Where the border check reports each act on personal data (the server appends it to the hash-chained audit log);
 * what it is given names lists, counts and list entry ids, never the data screened.
 */
@FunctionalInterface
public interface BorderAudit {

    /** The acts the border check performs on personal data. */
    enum Act {
        SCREENING,
        BORDER_CHECK
    }

    void record(Act act, String lists, String detail);
}
