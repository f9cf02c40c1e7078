package org.orderly.passengers.manifest;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * One flight leg: marketing carrier and flight number, operating carrier when another, airports (IATA
 * codes), and local dates and times as the message gives them (any may be null when absent).
 */
public record Flight(
        String carrier,
        String number,
        String operatingCarrier,
        String origin,
        String destination,
        LocalDate departureDate,
        LocalTime departureTime,
        LocalDate arrivalDate,
        LocalTime arrivalTime) {

    /** {@code DL324 LHR→JFK 2010-12-12 09:15}, for text output. */
    public String describe() {
        return (carrier == null ? "" : carrier) + (number == null ? "" : number)
                + (operatingCarrier == null ? "" : " (operated by " + operatingCarrier + ")")
                + " " + (origin == null ? "?" : origin) + "→" + (destination == null ? "?" : destination)
                + (departureDate == null ? "" : " " + departureDate)
                + (departureTime == null ? "" : " " + departureTime);
    }
}
