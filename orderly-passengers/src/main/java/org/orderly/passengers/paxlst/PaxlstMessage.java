package org.orderly.passengers.paxlst;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.orderly.passengers.ManifestBuilder;
import org.orderly.passengers.MessageBody;
import org.orderly.passengers.edifact.EdifactDates;
import org.orderly.passengers.edifact.EdifactDates.Century;
import org.orderly.passengers.edifact.Segment;
import org.orderly.passengers.edifact.Values;
import org.orderly.passengers.manifest.Count;
import org.orderly.passengers.manifest.Flight;
import org.orderly.passengers.manifest.Role;
import org.orderly.passengers.manifest.TravelDocument;
import org.orderly.passengers.manifest.Traveller;

/**
 * The body of one PAXLST message (D02B to D05B and the carriers' variants): flight legs (TDT with
 * LOC 125/87/92 and DTM 189/232), then each passenger or crew member (NAD FL, FM, DDT, DDU) with ATT,
 * DTM 329, LOC, NAT, RFF and travel documents (DOC with DTM 36/182 and LOC 91), then CNT 42
 * (passengers) and 41 (crew) checked against what was read.
 */
public final class PaxlstMessage implements MessageBody {
    private static final Pattern DESIGNATOR = Pattern.compile("([A-Z0-9]{2}[A-Z]?)\\s*([0-9]{1,5}[A-Z]?)");

    private final ManifestBuilder builder;
    private FlightDraft flight;
    private TravellerDraft traveller;
    private DocumentDraft document;
    private int passengers;
    private int crew;
    private final List<Segment> countSegments = new ArrayList<>();

    public PaxlstMessage(ManifestBuilder builder) {
        this.builder = builder;
    }

    @Override
    public void segment(Segment s) {
        switch (s.tag()) {
            case "TDT" -> {
                closeTraveller();
                closeFlight();
                flight = new FlightDraft(s);
            }
            case "NAD" -> {
                closeTraveller();
                closeFlight();
                String qualifier = s.value(1).strip();
                switch (qualifier) {
                    case "FL" -> traveller = new TravellerDraft(s, Role.PASSENGER, false);
                    case "DDT" -> traveller = new TravellerDraft(s, Role.PASSENGER, true);
                    case "FM" -> traveller = new TravellerDraft(s, Role.CREW, false);
                    case "DDU" -> traveller = new TravellerDraft(s, Role.CREW, true);
                    case "MS" -> {
                        // The party reporting the manifest: not a traveller.
                    }
                    default ->
                        builder.warn(s.warning(
                                "party qualifier '" + qualifier + "' is not a passenger or crew member; skipped"));
                }
            }
            case "ATT" -> {
                if (traveller != null && s.value(1).strip().equals("2")) traveller.sex = Values.orNull(s.value(3, 0));
            }
            case "NAT" -> {
                if (traveller != null) traveller.nationality = Values.orNull(s.value(2, 0));
            }
            case "RFF" -> {
                if (traveller != null && s.value(1, 0).strip().equals("AVF"))
                    traveller.bookingReference = Values.orNull(s.value(1, 1));
            }
            case "DOC" -> {
                if (traveller == null) {
                    builder.warn(s.warning("a travel document outside any traveller; skipped"));
                } else {
                    document = new DocumentDraft(Values.orNull(s.value(1, 0)), Values.orNull(s.value(2, 0)));
                    traveller.documents.add(document);
                }
            }
            case "DTM" -> date(s);
            case "LOC" -> place(s);
            case "CNT" -> {
                closeTraveller();
                countSegments.add(s);
            }
            default -> {
                // BGM, RFF of the message, COM, GEI, FTX, EMP, QTY…: nothing the manifest keeps.
            }
        }
    }

    private void date(Segment s) {
        String qualifier = s.value(1, 0).strip();
        String value = s.value(1, 1).strip();
        String format = s.value(1, 2).strip();
        if (traveller == null) {
            if (flight == null) return;
            if (qualifier.equals("189") || qualifier.equals("232")) {
                LocalDate date = null;
                LocalTime time = null;
                if (value.length() == 10 || value.length() == 12) {
                    int dateLength = value.length() - 4;
                    date = EdifactDates.yearMonthDay(
                            value.substring(0, dateLength), Century.NEAR, builder.referenceDate());
                    time = EdifactDates.hourMinute(value.substring(dateLength));
                } else {
                    date = EdifactDates.yearMonthDay(value, Century.NEAR, builder.referenceDate());
                }
                if (date == null) {
                    builder.warn(s.warning("'" + value + "' is not a date and time (format "
                            + (format.isEmpty() ? "201" : format) + ")"));
                } else if (qualifier.equals("189")) {
                    flight.departureDate = date;
                    flight.departureTime = time;
                } else {
                    flight.arrivalDate = date;
                    flight.arrivalTime = time;
                }
            }
            return;
        }
        switch (qualifier) {
            case "329" -> {
                traveller.birthDate = EdifactDates.yearMonthDay(value, Century.PAST, builder.referenceDate());
                if (traveller.birthDate == null)
                    builder.warn(s.warning("birth date '" + value + "' is not a date YYMMDD"));
            }
            case "36", "182" -> {
                if (document == null) {
                    builder.warn(s.warning("a document date without a document (DOC); skipped"));
                    return;
                }
                LocalDate date = EdifactDates.yearMonthDay(
                        value, qualifier.equals("36") ? Century.NEAR : Century.PAST, builder.referenceDate());
                if (date == null) builder.warn(s.warning("document date '" + value + "' is not a date YYMMDD"));
                if (qualifier.equals("36")) document.expiry = date;
                else document.issued = date;
            }
            default -> {}
        }
    }

    private void place(Segment s) {
        String qualifier = s.value(1, 0).strip();
        String place = Values.orNull(s.value(2, 0));
        if (traveller == null) {
            if (flight == null) return;
            switch (qualifier) {
                case "125" -> flight.origin = place;
                case "87" -> flight.destination = place;
                case "92" -> {
                    if (flight.origin == null) flight.origin = place;
                    else flight.destination = place;
                }
                default -> {}
            }
            return;
        }
        switch (qualifier) {
            case "174" -> traveller.residence = place;
            case "178" -> traveller.embarkation = place;
            case "179" -> traveller.debarkation = place;
            case "180" -> traveller.birthPlace = place != null ? place : Values.orNull(s.value(2, 3));
            case "91" -> {
                if (document != null) document.issuingState = place;
            }
            default -> {}
        }
    }

    private void closeFlight() {
        if (flight == null) return;
        String carrier = flight.carrier;
        String number = flight.journey;
        if (number != null) {
            Matcher m = DESIGNATOR.matcher(number);
            if (carrier != null && number.startsWith(carrier) && number.length() > carrier.length()) {
                number = number.substring(carrier.length()).strip();
            } else if (carrier == null && m.matches()) {
                carrier = m.group(1);
                number = m.group(2);
            }
        }
        builder.flight(new Flight(
                carrier,
                number,
                null,
                flight.origin,
                flight.destination,
                flight.departureDate,
                flight.departureTime,
                flight.arrivalDate,
                flight.arrivalTime));
        flight = null;
    }

    private void closeTraveller() {
        if (traveller == null) return;
        TravellerDraft t = traveller;
        List<TravelDocument> documents = new ArrayList<>();
        for (DocumentDraft d : t.documents) {
            documents.add(new TravelDocument(d.type, d.number, d.issuingState, d.expiry, d.issued, null, null, "DOC"));
        }
        if (t.role == Role.PASSENGER) passengers++;
        else crew++;
        builder.traveller(new Traveller(
                builder.nextTravellerId(),
                t.role,
                t.inTransit,
                false,
                t.surname,
                t.givenNames,
                t.birthDate,
                t.sex,
                t.nationality,
                t.residence,
                t.birthPlace,
                t.embarkation,
                t.debarkation,
                documents,
                t.bookingReference,
                null,
                t.segment));
        traveller = null;
        document = null;
    }

    @Override
    public void end(Segment trailer) {
        closeTraveller();
        closeFlight();
        for (Segment s : countSegments) {
            String qualifier = s.value(1, 0).strip();
            String value =
                    s.components(1) > 1 ? s.value(1, 1).strip() : s.value(2, 0).strip();
            if (!(qualifier.equals("41") || qualifier.equals("42"))) continue;
            if (!Values.isCount(value)) {
                builder.warn(s.warning("count '" + value + "' is not a number"));
                continue;
            }
            int declared = Integer.parseInt(value);
            boolean crewCount = qualifier.equals("41");
            int read = crewCount ? crew : passengers;
            builder.count(
                    new Count(crewCount ? "crew" : "passengers", "CNT+" + qualifier, declared, read),
                    s.warning("the message counts " + declared + (crewCount ? " crew members" : " passengers") + "; "
                            + read + " were read"));
        }
    }

    private static final class FlightDraft {
        final String journey;
        final String carrier;
        String origin, destination;
        LocalDate departureDate, arrivalDate;
        LocalTime departureTime, arrivalTime;

        FlightDraft(Segment s) {
            journey = Values.orNull(s.value(2, 0));
            carrier = Values.orNull(s.value(5, 0));
        }
    }

    private static final class TravellerDraft {
        final Role role;
        final boolean inTransit;
        final String surname;
        final String givenNames;
        final int segment;
        LocalDate birthDate;
        String sex, nationality, residence, birthPlace, embarkation, debarkation, bookingReference;
        final List<DocumentDraft> documents = new ArrayList<>();

        TravellerDraft(Segment s, Role role, boolean inTransit) {
            this.role = role;
            this.inTransit = inTransit;
            this.surname = Values.orNull(s.value(4, 0));
            List<String> given = new ArrayList<>();
            for (int c = 1; c < s.components(4); c++)
                if (!s.value(4, c).isBlank()) given.add(s.value(4, c).strip());
            this.givenNames = given.isEmpty() ? null : String.join(" ", given);
            this.segment = s.number();
        }
    }

    private static final class DocumentDraft {
        final String type;
        final String number;
        String issuingState;
        LocalDate expiry, issued;

        DocumentDraft(String type, String number) {
            this.type = type;
            this.number = number;
        }
    }
}
