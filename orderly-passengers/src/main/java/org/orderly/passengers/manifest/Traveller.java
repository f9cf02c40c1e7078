package org.orderly.passengers.manifest;

import java.time.LocalDate;
import java.util.List;

/**
 * One person on a manifest, once: a PAXLST passenger or crew member, or a PNRGOV traveller of one
 * booking (an infant included). Fields the message does not give are null. {@code id} is unique within
 * the manifest; {@code accompanying} is the id of the adult an infant travels with.
 */
public record Traveller(
        String id,
        Role role,
        boolean inTransit,
        boolean infant,
        String surname,
        String givenNames,
        LocalDate birthDate,
        String sex,
        String nationality,
        String residence,
        String birthPlace,
        String embarkation,
        String debarkation,
        List<TravelDocument> documents,
        String bookingReference,
        String accompanying,
        int segment) {

    public Traveller {
        documents = List.copyOf(documents);
    }

    /** Given names then surname, as a screener reads a name. */
    public String fullName() {
        return ((givenNames == null ? "" : givenNames) + " " + (surname == null ? "" : surname)).strip();
    }
}
