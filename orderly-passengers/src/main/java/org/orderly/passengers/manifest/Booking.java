package org.orderly.passengers.manifest;

import java.time.LocalDate;
import java.util.List;

/**
 * One passenger name record of a PNRGOV message (an SRC group): its record locator and carrier, the
 * travellers (ids into the manifest's list), itinerary, tickets, payments (card numbers masked),
 * contact details, links between its travellers, and the locators of bookings split from it.
 */
public record Booking(
        String recordLocator,
        String carrier,
        List<String> otherLocators,
        LocalDate created,
        List<String> travellers,
        List<Flight> itinerary,
        List<String> tickets,
        List<Payment> payments,
        List<Contact> contacts,
        List<Link> links,
        List<String> splitLocators,
        int segment) {

    public Booking {
        otherLocators = List.copyOf(otherLocators);
        travellers = List.copyOf(travellers);
        itinerary = List.copyOf(itinerary);
        tickets = List.copyOf(tickets);
        payments = List.copyOf(payments);
        contacts = List.copyOf(contacts);
        links = List.copyOf(links);
        splitLocators = List.copyOf(splitLocators);
    }

    /** A form of payment: type (CC card, CA cash…), card vendor, amount, and the account with all but its last four characters masked. */
    public record Payment(String type, String vendor, String amount, String maskedAccount) {}

    /** Contact details as sent: the segment and qualifier they came in (e.g. {@code ADD 702}, {@code IFT 4:28}) and the text. */
    public record Contact(String kind, String text) {}

    /** A relation between two travellers of the booking, e.g. an infant travelling with an adult. */
    public record Link(String from, String to, String relation) {}
}
