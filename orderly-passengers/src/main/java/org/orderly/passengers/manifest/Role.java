package org.orderly.passengers.manifest;

/** Whether a traveller is carried (a passenger) or works aboard (crew). */
public enum Role {
    PASSENGER,
    CREW
}
