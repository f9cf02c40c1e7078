package org.orderly.passengers.manifest;

/** A count the message declares (CNT, EQN, UNT) beside what was read; {@code matches} when they agree. */
public record Count(String what, String segment, int declared, int read) {
    public boolean matches() {
        return declared == read;
    }
}
