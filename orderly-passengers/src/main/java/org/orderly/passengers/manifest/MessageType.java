package org.orderly.passengers.manifest;

/** The two passenger messages: advance passenger information and passenger name records. */
public enum MessageType {
    /** UN/EDIFACT PAXLST: advance passenger information (API), passengers and crew of a flight. */
    PAXLST,
    /** PNRGOV: passenger name records (reservations) pushed to governments. */
    PNRGOV
}
