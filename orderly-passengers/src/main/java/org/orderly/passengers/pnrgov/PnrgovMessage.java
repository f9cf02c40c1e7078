package org.orderly.passengers.pnrgov;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.orderly.passengers.ManifestBuilder;
import org.orderly.passengers.MessageBody;
import org.orderly.passengers.edifact.EdifactDates;
import org.orderly.passengers.edifact.EdifactDates.Century;
import org.orderly.passengers.edifact.Segment;
import org.orderly.passengers.edifact.Values;
import org.orderly.passengers.manifest.Booking;
import org.orderly.passengers.manifest.Count;
import org.orderly.passengers.manifest.Flight;
import org.orderly.passengers.manifest.Role;
import org.orderly.passengers.manifest.TravelDocument;
import org.orderly.passengers.manifest.Traveller;

/**
 * The body of one PNRGOV message (versions 11.1 to 15.1, read tolerantly): the flight (TVL) and the
 * number of records (EQN), then each passenger name record (SRC) with its locator (RCI), travellers
 * (TIF with SSR DOCS, DOCO, DOCA, INFT, tickets, payments, contacts), itinerary (TVL), check-in (TRI)
 * and history (ABI, LTS). A traveller is counted once per record: a TIF repeated under a flight leg or
 * in the history names a traveller already listed; a group name is not a traveller; an infant is.
 */
public final class PnrgovMessage implements MessageBody {
    private enum Section {
        TRAVELLERS,
        ITINERARY,
        CHECK_IN,
        HISTORY,
        AUXILIARY,
        SPLIT
    }

    private final ManifestBuilder builder;
    private BookingDraft booking;
    private int bookings;
    private Segment declaredBookings;

    public PnrgovMessage(ManifestBuilder builder) {
        this.builder = builder;
    }

    @Override
    public void segment(Segment s) {
        if (s.tag().equals("SRC")) {
            closeBooking();
            booking = new BookingDraft(s.number());
            return;
        }
        if (booking == null) {
            header(s);
            return;
        }
        booking.segment(s);
    }

    private void header(Segment s) {
        switch (s.tag()) {
            case "TVL" -> {
                Flight flight = flight(s);
                if (flight != null) builder.flight(flight);
            }
            case "EQN" -> declaredBookings = s;
            default -> {
                // MSG, ORG, DAT: who sends and why; nothing the manifest keeps.
            }
        }
    }

    @Override
    public void end(Segment trailer) {
        closeBooking();
        if (declaredBookings != null) {
            String value = declaredBookings.value(1, 0).strip();
            if (Values.isCount(value)) {
                int declared = Integer.parseInt(value);
                builder.count(
                        new Count("bookings", "EQN", declared, bookings),
                        declaredBookings.warning("the message counts " + declared + " passenger name records; "
                                + bookings + " were read"));
            }
        }
    }

    private void closeBooking() {
        if (booking == null) return;
        booking.close();
        bookings++;
        booking = null;
    }

    /** A TVL as a flight leg; null when it names no airports (the operating flight of a code-share, or a non-air segment). */
    private Flight flight(Segment s) {
        String origin = Values.orNull(s.value(2, 0));
        String destination = Values.orNull(s.value(3, 0));
        if (origin == null && destination == null) return null;
        LocalDate departureDate = null, arrivalDate = null;
        LocalTime departureTime = null, arrivalTime = null;
        // Date and time components are read by their shape: carriers leave some out (e.g. 120518:1220:1505).
        for (int c = 0; c < Math.min(4, s.components(1)); c++) {
            String v = s.value(1, c).strip();
            if (v.length() == 6) {
                LocalDate d = EdifactDates.dayMonthYear(v, Century.NEAR, builder.referenceDate());
                if (departureDate == null && departureTime == null) departureDate = d;
                else arrivalDate = d;
            } else if (v.length() == 4) {
                LocalTime t = EdifactDates.hourMinute(v);
                if (departureTime == null && arrivalDate == null) departureTime = t;
                else arrivalTime = t;
            }
        }
        String carrier = Values.orNull(s.value(4, 0));
        String operating = Values.orNull(s.value(4, 1));
        if (Objects.equals(operating, carrier)) operating = null;
        return new Flight(
                carrier,
                Values.orNull(s.value(5, 0)),
                operating,
                origin,
                destination,
                departureDate,
                departureTime,
                arrivalDate,
                arrivalTime);
    }

    /** One passenger name record being read. */
    private final class BookingDraft {
        final int segment;
        Section section = Section.TRAVELLERS;
        String locator, carrier;
        LocalDate created;
        final List<String> otherLocators = new ArrayList<>();
        final List<TravellerDraft> travellers = new ArrayList<>();
        final List<Flight> itinerary = new ArrayList<>();
        final List<String> tickets = new ArrayList<>();
        final List<Booking.Payment> payments = new ArrayList<>();
        final List<Booking.Contact> contacts = new ArrayList<>();
        final List<String> splits = new ArrayList<>();
        final List<Mention> documents = new ArrayList<>();
        final List<Mention> infants = new ArrayList<>();
        TravellerDraft current;
        boolean inGroup;

        BookingDraft(int segment) {
            this.segment = segment;
        }

        void segment(Segment s) {
            switch (s.tag()) {
                case "RCI" -> reservation(s);
                case "EQN" -> section = Section.SPLIT;
                case "TIF" -> traveller(s);
                case "SSR" -> {
                    if (section != Section.HISTORY) request(s);
                }
                case "TKT" -> {
                    String number = Values.orNull(s.value(1, 0));
                    if (number != null && section != Section.HISTORY && !tickets.contains(number)) tickets.add(number);
                }
                case "FOP" -> {
                    if (section != Section.HISTORY) {
                        payments.add(new Booking.Payment(
                                Values.orNull(s.value(1, 0)),
                                Values.orNull(s.value(1, 3)),
                                Values.orNull(s.value(1, 2)),
                                mask(s.value(1, 4))));
                    }
                }
                case "ADD" -> {
                    if (section != Section.HISTORY) {
                        List<String> parts = new ArrayList<>();
                        for (int c = 1; c < s.components(2); c++)
                            if (!s.value(2, c).isBlank())
                                parts.add(s.value(2, c).strip());
                        if (!parts.isEmpty())
                            contacts.add(
                                    new Booking.Contact("ADD " + s.value(2, 0).strip(), String.join(", ", parts)));
                    }
                }
                case "IFT" -> {
                    String text = s.value(2).strip();
                    if (section != Section.HISTORY && s.value(1, 1).strip().equals("28") && text.startsWith("CTC")) {
                        contacts.add(new Booking.Contact("IFT 4:28", text));
                    }
                }
                case "TVL" -> {
                    if (section == Section.HISTORY) return;
                    if (section == Section.AUXILIARY) {
                        section = Section.ITINERARY;
                        return;
                    }
                    Flight leg = flight(s);
                    if (leg != null && !itinerary.contains(leg)) itinerary.add(leg);
                    section = Section.ITINERARY;
                    current = null;
                }
                case "MSG" -> {
                    if (!s.value(1, 1).strip().equals("22") && section != Section.HISTORY) section = Section.AUXILIARY;
                }
                case "TRI" -> {
                    if (section != Section.HISTORY) section = Section.CHECK_IN;
                }
                case "ABI" -> section = Section.HISTORY;
                default -> {
                    // DAT, ORG, EBD, FTI, REF, FAR, MON, PTK, TXD, RPI, APD, SSD, TBD, SAC, LTS…: not kept.
                }
            }
        }

        private void reservation(Segment s) {
            if (locator == null) {
                carrier = Values.orNull(s.value(1, 0));
                locator = Values.orNull(s.value(1, 1));
                // The creation date is the fourth component; some carriers leave out the empty third.
                created = EdifactDates.dayMonthYear(s.value(1, 3), Century.PAST, builder.referenceDate());
                if (created == null)
                    created = EdifactDates.dayMonthYear(s.value(1, 2), Century.PAST, builder.referenceDate());
                for (int e = 2; e < s.elements(); e++) {
                    String other = Values.orNull(s.value(e, 1));
                    if (other != null) otherLocators.add(Values.orNull(s.value(e, 0)) + "/" + other);
                }
                if (locator == null) builder.warn(s.warning("the reservation control has no record locator"));
            } else if (section == Section.SPLIT) {
                String split = Values.orNull(s.value(1, 1));
                if (split != null && !split.equals(locator) && !splits.contains(split)) splits.add(split);
            }
        }

        private void traveller(Segment s) {
            if (section == Section.HISTORY) return;
            String surname = Values.orNull(s.value(1, 0));
            String qualifier = s.value(1, 1).strip();
            String given = Values.orNull(s.value(2, 0));
            String type = s.value(2, 1).strip();
            String reference = Values.orNull(s.value(2, 2));
            boolean withInfant = !s.value(2, 3).isBlank();
            if (qualifier.equals("G") || type.equals("G")) {
                // A group name (the name under which a group books) is not a person.
                inGroup = true;
                current = null;
                return;
            }
            inGroup = false;
            TravellerDraft known = find(reference, surname, given);
            if (section == Section.ITINERARY || section == Section.CHECK_IN) {
                if (known == null)
                    builder.warn(s.warning(
                            "a traveller under a flight leg who is not among the record's travellers; added"));
                else return;
            } else if (known != null && Objects.equals(known.surname, surname) && Objects.equals(known.given, given)) {
                current = known;
                return;
            }
            current = new TravellerDraft(
                    s.number(), surname, given, reference, type.equals("IN") || type.equals("INF"), withInfant);
            travellers.add(current);
            section = Section.TRAVELLERS;
        }

        private TravellerDraft find(String reference, String surname, String given) {
            if (reference != null) {
                for (TravellerDraft t : travellers) if (reference.equals(t.reference)) return t;
            }
            for (TravellerDraft t : travellers) {
                if (Objects.equals(squeeze(t.surname), squeeze(surname))
                        && Objects.equals(squeeze(t.given), squeeze(given))) return t;
            }
            return null;
        }

        private void request(Segment s) {
            String code = s.value(1, 0).strip().toUpperCase(Locale.ROOT);
            String text = s.value(1, 8);
            String reference = Values.orNull(s.value(2, 2));
            TravellerDraft owner = section == Section.TRAVELLERS && !inGroup ? current : null;
            switch (code) {
                case "DOCS" ->
                    documents.add(new Mention(
                            s, owner, reference, DocumentRequest.parse(text, builder.referenceDate()), null));
                case "DOCO" ->
                    documents.add(
                            new Mention(s, owner, reference, null, VisaRequest.parse(text, builder.referenceDate())));
                case "DOCA" -> {
                    if (!text.isBlank()) contacts.add(new Booking.Contact("SSR DOCA", text.strip()));
                }
                case "CTCE", "CTCM", "CTCH", "CTCB" -> {
                    if (!text.isBlank()) contacts.add(new Booking.Contact("SSR " + code, text.strip()));
                }
                case "INFT" ->
                    infants.add(
                            new Mention(s, owner, reference, InfantRequest.parse(text, builder.referenceDate()), null));
                default -> {}
            }
        }

        void close() {
            for (Mention m : documents) attach(m);
            for (Mention m : infants) {
                DocumentRequest infant = m.document;
                if (infant == null || !infant.named()) continue;
                if (match(travellers, infant, true) == null) {
                    TravellerDraft adult = adultFor(m);
                    TravellerDraft added = new TravellerDraft(
                            m.segment.number(), infant.surname(), infant.givenNames(), null, true, false);
                    added.birthDate = infant.birthDate();
                    added.accompanying = adult;
                    travellers.add(travellers.indexOf(adult) + 1, added);
                }
            }
            linkInfants();
            List<String> ids = new ArrayList<>();
            List<Booking.Link> links = new ArrayList<>();
            for (TravellerDraft t : travellers) t.id = builder.nextTravellerId();
            for (TravellerDraft t : travellers) {
                ids.add(t.id);
                if (t.accompanying != null)
                    links.add(new Booking.Link(t.id, t.accompanying.id, "infant travelling with"));
                builder.traveller(new Traveller(
                        t.id,
                        Role.PASSENGER,
                        false,
                        t.infant,
                        t.surname,
                        t.given,
                        t.birthDate,
                        t.sex,
                        t.nationality,
                        null,
                        null,
                        null,
                        null,
                        t.documents,
                        locator,
                        t.accompanying == null ? null : t.accompanying.id,
                        t.segment));
            }
            builder.booking(new Booking(
                    locator,
                    carrier,
                    otherLocators,
                    created,
                    ids,
                    itinerary,
                    tickets,
                    payments,
                    contacts,
                    links,
                    splits,
                    segment));
        }

        private void attach(Mention m) {
            if (m.visa != null) {
                TravellerDraft owner = m.owner != null ? m.owner : byReference(m.reference);
                if (owner == null && travellers.size() == 1) owner = travellers.get(0);
                if (owner == null) {
                    builder.warn(m.segment.warning("a visa (DOCO) that names no traveller of the record; not kept"));
                } else if (m.visa.number() != null
                        && owner.documents.stream()
                                .noneMatch(d -> m.visa.number().equals(d.number()))) {
                    owner.documents.add(new TravelDocument(
                            m.visa.type(), m.visa.number(), null, null, m.visa.issued(), null, null, "SSR DOCO"));
                }
                return;
            }
            DocumentRequest d = m.document;
            TravellerDraft t = d.named() ? match(travellers, d, d.infant()) : null;
            if (t == null && m.owner != null && m.owner.infant == d.infant()) t = m.owner;
            if (t == null) t = byReference(m.reference);
            if (t == null && d.infant()) {
                TravellerDraft adult = m.owner != null ? m.owner : travellers.isEmpty() ? null : travellers.get(0);
                t = new TravellerDraft(m.segment.number(), d.surname(), d.givenNames(), null, true, false);
                t.accompanying = adult;
                travellers.add(adult == null ? travellers.size() : travellers.indexOf(adult) + 1, t);
            }
            if (t == null && m.owner != null) t = m.owner;
            if (t == null && travellers.size() == 1) t = travellers.get(0);
            if (t == null) {
                builder.warn(
                        m.segment.warning("a travel document (DOCS) that names no traveller of the record; not kept"));
                return;
            }
            if (t.birthDate == null) t.birthDate = d.birthDate();
            if (t.sex == null) t.sex = d.sex();
            if (t.nationality == null) t.nationality = d.nationality();
            if (t.given == null) t.given = d.givenNames();
            if (d.number() != null
                    && t.documents.stream().noneMatch(x -> d.number().equals(x.number()))) {
                t.documents.add(new TravelDocument(
                        d.type(),
                        d.number(),
                        d.issuingState(),
                        d.expiry(),
                        null,
                        d.surname(),
                        d.givenNames(),
                        "SSR DOCS"));
            }
        }

        private TravellerDraft byReference(String reference) {
            if (reference == null) return null;
            for (TravellerDraft t : travellers) if (reference.equals(t.reference)) return t;
            return null;
        }

        private TravellerDraft adultFor(Mention m) {
            if (m.owner != null && !m.owner.infant) return m.owner;
            TravellerDraft byRef = byReference(m.reference);
            if (byRef != null) return byRef;
            for (TravellerDraft t : travellers) if (t.withInfant) return t;
            return travellers.isEmpty() ? null : travellers.get(0);
        }

        /** Each infant travels with the adult flagged as accompanied by one, else the traveller before it. */
        private void linkInfants() {
            for (int i = 0; i < travellers.size(); i++) {
                TravellerDraft t = travellers.get(i);
                if (!t.infant || t.accompanying != null) continue;
                TravellerDraft adult = null;
                for (TravellerDraft a : travellers)
                    if (a.withInfant && !a.infant && !carries(a)) adult = adult == null ? a : adult;
                if (adult == null) {
                    for (int j = i - 1; j >= 0 && adult == null; j--)
                        if (!travellers.get(j).infant) adult = travellers.get(j);
                }
                t.accompanying = adult;
            }
        }

        private boolean carries(TravellerDraft adult) {
            for (TravellerDraft t : travellers) if (t.accompanying == adult) return true;
            return false;
        }
    }

    /** The traveller a named document or infant request belongs to: same surname, then same given names. */
    static TravellerDraft match(List<TravellerDraft> travellers, DocumentRequest d, boolean infant) {
        TravellerDraft bySurname = null;
        int surnames = 0;
        for (TravellerDraft t : travellers) {
            if (t.infant != infant || !Objects.equals(squeeze(t.surname), squeeze(d.surname()))) continue;
            surnames++;
            if (bySurname == null) bySurname = t;
            if (givenAgree(t.given, d.givenNames())) return t;
        }
        return surnames == 1 ? bySurname : null;
    }

    private static boolean givenAgree(String a, String b) {
        String x = squeeze(a), y = squeeze(b);
        if (x == null || y == null || x.isEmpty() || y.isEmpty()) return false;
        int n = Math.min(3, Math.min(x.length(), y.length()));
        return x.startsWith(y.substring(0, n)) || y.startsWith(x.substring(0, n));
    }

    /** Upper case letters only: carriers wrap lines inside names and glue titles to them. */
    static String squeeze(String name) {
        if (name == null) return null;
        StringBuilder b = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = Character.toUpperCase(name.charAt(i));
            if (Character.isLetter(c)) b.append(c);
        }
        return b.toString();
    }

    /** All but the last four characters of a card number masked, whatever the carrier already masked. */
    static String mask(String account) {
        String a = Values.orNull(account);
        if (a == null) return null;
        int keep = Math.min(4, a.length());
        return "X".repeat(a.length() - keep) + a.substring(a.length() - keep);
    }

    /** A DOCS, DOCO or INFT request and where it stood: the TIF group it followed and the traveller reference it names. */
    private record Mention(
            Segment segment, TravellerDraft owner, String reference, DocumentRequest document, VisaRequest visa) {}

    static final class TravellerDraft {
        final int segment;
        final String surname;
        String given;
        final String reference;
        final boolean infant;
        final boolean withInfant;
        LocalDate birthDate;
        String sex, nationality, id;
        TravellerDraft accompanying;
        final List<TravelDocument> documents = new ArrayList<>();

        TravellerDraft(
                int segment, String surname, String given, String reference, boolean infant, boolean withInfant) {
            this.segment = segment;
            this.surname = surname;
            this.given = given;
            this.reference = reference;
            this.infant = infant;
            this.withInfant = withInfant;
        }
    }
}
