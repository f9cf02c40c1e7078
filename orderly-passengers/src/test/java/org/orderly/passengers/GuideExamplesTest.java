package org.orderly.passengers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.orderly.passengers.manifest.Booking;
import org.orderly.passengers.manifest.Manifest;
import org.orderly.passengers.manifest.TravelDocument;
import org.orderly.passengers.manifest.Traveller;

/**
 * Messages written to the shape of the published guides' examples (PAXLST: the WCO/IATA/ICAO API
 * guidelines and the carriers' implementation guides; PNRGOV: the PNRGOV message implementation guide),
 * with the names, numbers and dates made up.
 */
public class GuideExamplesTest {

    public static byte[] resource(String name) {
        try (InputStream in = GuideExamplesTest.class.getResourceAsStream("/messages/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void paxlstExampleGivesItsTwoPassengers() {
        Manifest m = ManifestReader.read(resource("paxlst-guide-example.edi"), java.time.LocalDate.of(2026, 12, 1));
        assertThat(m.warnings()).isEmpty();
        assertThat(m.flights())
                .singleElement()
                .satisfies(f -> assertThat(f.describe()).isEqualTo("UA123 YVR→JFK 2007-04-29 12:30"));
        assertThat(m.travellers()).extracting(Traveller::fullName).containsExactly("JOHN WAYNE DOE", "MARY O'BRIEN");
        Traveller doe = m.travellers().get(0);
        assertThat(doe.birthDate()).isEqualTo(LocalDate.of(1957, 1, 21));
        assertThat(doe.nationality()).isEqualTo("CAN");
        assertThat(doe.bookingReference()).isEqualTo("ABC123");
        assertThat(doe.documents())
                .containsExactly(new TravelDocument(
                        "P", "MB140241", "CAN", LocalDate.of(2008, 10, 21), null, null, null, "DOC"));
        assertThat(m.counts()).allMatch(c -> c.matches()).hasSize(2);
    }

    @Test
    void pnrgovExampleCountsTheInfantNotTheGroupNameNorTheRepeatedAndHistoricTifs() {
        Manifest m = ManifestReader.read(resource("pnrgov-guide-example.edi"), java.time.LocalDate.of(2026, 12, 1));
        assertThat(m.warnings()).isEmpty();
        assertThat(m.travellers())
                .extracting(Traveller::fullName)
                .containsExactly("JANE MRS GREEN", "LEO GREEN", "TOM MR BLACK", "ANNA MS WHITE");
        Traveller leo = m.travellers().get(1);
        assertThat(leo.infant()).isTrue();
        assertThat(leo.sex()).isEqualTo("M");
        assertThat(leo.accompanying()).isEqualTo(m.travellers().get(0).id());
        assertThat(leo.birthDate()).isEqualTo(LocalDate.of(2012, 3, 5));
        assertThat(m.bookings()).extracting(Booking::recordLocator).containsExactly("ABC123", "DEF456");
        Booking first = m.bookings().get(0);
        assertThat(first.payments())
                .singleElement()
                .satisfies(p -> assertThat(p.maskedAccount()).isEqualTo("XXXXXXXXXXXX1111"));
        assertThat(first.tickets()).containsExactly("1252345678901");
        Traveller anna = m.travellers().get(3);
        assertThat(anna.documents())
                .extracting(TravelDocument::source, TravelDocument::number)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("SSR DOCS", "C01X00T47"),
                        org.assertj.core.groups.Tuple.tuple("SSR DOCO", "VIS12345"));
    }

    @Test
    void anInfantOnlyInAnInftRequestIsStillATraveller() {
        String message = new String(resource("pnrgov-guide-example.edi"), java.nio.charset.StandardCharsets.US_ASCII)
                .replace(
                        "TIF+GREEN:I+LEO:IN:2'\nSSR+DOCS:HK:1:XX:::::/P/FRA/99ZZ00011/FRA/05MAR12/MI/05MAR17/GREEN/LEO+::2'\n",
                        "")
                .replace("UNT+34+1'", "UNT+32+1'");
        Manifest m = ManifestReader.read(
                message.getBytes(java.nio.charset.StandardCharsets.US_ASCII), java.time.LocalDate.of(2026, 12, 1));
        assertThat(m.warnings()).isEmpty();
        Traveller leo = m.travellers().get(1);
        assertThat(leo.fullName()).isEqualTo("LEO GREEN");
        assertThat(leo.infant()).isTrue();
        assertThat(leo.birthDate()).isEqualTo(LocalDate.of(2012, 3, 5));
    }
}
