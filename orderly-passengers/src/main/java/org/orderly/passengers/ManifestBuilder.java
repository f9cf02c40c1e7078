package org.orderly.passengers;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.orderly.passengers.edifact.Warning;
import org.orderly.passengers.manifest.Booking;
import org.orderly.passengers.manifest.Count;
import org.orderly.passengers.manifest.Flight;
import org.orderly.passengers.manifest.Manifest;
import org.orderly.passengers.manifest.MessageType;
import org.orderly.passengers.manifest.Traveller;

/** Gathers what the messages of one interchange say, for {@link ManifestReader}. */
public final class ManifestBuilder {
    private final LocalDate referenceDate;
    private final List<Flight> flights = new ArrayList<>();
    private final List<Traveller> travellers = new ArrayList<>();
    private final List<Booking> bookings = new ArrayList<>();
    private final List<Count> counts = new ArrayList<>();
    private final List<Warning> warnings = new ArrayList<>();
    private int nextTraveller = 1;

    ManifestBuilder(LocalDate referenceDate) {
        this.referenceDate = referenceDate;
    }

    /** The interchange's date (from UNB), which places two-digit years in their century. */
    public LocalDate referenceDate() {
        return referenceDate;
    }

    /** A new traveller id, unique within the manifest. */
    public String nextTravellerId() {
        return "T" + nextTraveller++;
    }

    public void flight(Flight flight) {
        if (!flights.contains(flight)) flights.add(flight);
    }

    public void traveller(Traveller traveller) {
        travellers.add(traveller);
    }

    public void booking(Booking booking) {
        bookings.add(booking);
    }

    public void count(Count count, Warning ifDifferent) {
        counts.add(count);
        if (!count.matches()) warnings.add(ifDifferent);
    }

    public void warn(Warning warning) {
        warnings.add(warning);
    }

    List<Warning> warnings() {
        return warnings;
    }

    Manifest build(
            MessageType type,
            String version,
            String sender,
            String recipient,
            String reference,
            List<String> messageReferences,
            int segments,
            List<Warning> allWarnings) {
        return new Manifest(
                type,
                version,
                sender,
                recipient,
                reference,
                messageReferences,
                flights,
                travellers,
                bookings,
                counts,
                segments,
                allWarnings);
    }
}
