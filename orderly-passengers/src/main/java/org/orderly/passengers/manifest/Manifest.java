package org.orderly.passengers.manifest;

import java.util.List;
import org.orderly.passengers.edifact.Warning;

/**
 * What one PAXLST or PNRGOV interchange says: the message type and version, the sender, the flights,
 * every traveller once, the bookings (PNRGOV only), the counts the message declares beside those read,
 * and the warnings for whatever was tolerated.
 */
public record Manifest(
        MessageType type,
        String version,
        String sender,
        String recipient,
        String interchangeReference,
        List<String> messageReferences,
        List<Flight> flights,
        List<Traveller> travellers,
        List<Booking> bookings,
        List<Count> counts,
        int segments,
        List<Warning> warnings) {

    public Manifest {
        messageReferences = List.copyOf(messageReferences);
        flights = List.copyOf(flights);
        travellers = List.copyOf(travellers);
        bookings = List.copyOf(bookings);
        counts = List.copyOf(counts);
        warnings = List.copyOf(warnings);
    }

    public long passengers() {
        return travellers.stream().filter(t -> t.role() == Role.PASSENGER).count();
    }

    public long crew() {
        return travellers.stream().filter(t -> t.role() == Role.CREW).count();
    }

    public long infants() {
        return travellers.stream().filter(Traveller::infant).count();
    }
}
