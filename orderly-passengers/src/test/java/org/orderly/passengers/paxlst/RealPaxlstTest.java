package org.orderly.passengers.paxlst;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.orderly.passengers.ManifestReader;
import org.orderly.passengers.RealMessages;
import org.orderly.passengers.manifest.Flight;
import org.orderly.passengers.manifest.Manifest;
import org.orderly.passengers.manifest.MessageType;
import org.orderly.passengers.manifest.Role;
import org.orderly.passengers.manifest.TravelDocument;
import org.orderly.passengers.manifest.Traveller;

/** The real PAXLST files, unmodified: what each says, and the mess each has, as warnings. */
class RealPaxlstTest {

    @Test
    void crewListWithoutUnaOnOneLine() {
        Manifest m = ManifestReader.read(RealMessages.file("apis/Test1.txt"), java.time.LocalDate.of(2026, 12, 1));
        assertThat(m.type()).isEqualTo(MessageType.PAXLST);
        assertThat(m.version()).isEqualTo("D:02B");
        assertThat(m.flights())
                .containsExactly(new Flight(
                        "UA",
                        "0989",
                        null,
                        "FRA",
                        "IAD",
                        LocalDate.of(2017, 1, 27),
                        LocalTime.of(17, 25),
                        LocalDate.of(2017, 1, 28),
                        LocalTime.of(7, 10)));
        assertThat(m.travellers()).hasSize(8).allMatch(t -> t.role() == Role.CREW);
        Traveller first = m.travellers().get(0);
        assertThat(first.surname()).isEqualTo("Steur");
        assertThat(first.givenNames()).isEqualTo("Andrea Pat");
        assertThat(first.birthDate()).isEqualTo(LocalDate.of(1978, 7, 6));
        assertThat(first.sex()).isEqualTo("F");
        assertThat(first.nationality()).isEqualTo("GBR");
        assertThat(first.birthPlace()).isEqualTo("Hartford USA");
        assertThat(first.documents())
                .containsExactly(new TravelDocument(
                        "P", "123456789", "GBR", LocalDate.of(2061, 2, 18), null, null, null, "DOC"));
        // CNT+41+8 writes the count as a second element rather than a component: read all the same.
        assertThat(m.counts()).anySatisfy(c -> {
            assertThat(c.segment()).isEqualTo("CNT+41");
            assertThat(c.matches()).isTrue();
        });
        assertThat(m.warnings()).singleElement().asString().contains("UNT").contains("152");
    }

    @Test
    void passengerListOfCrLfSeparatedBlocksAndAWrongCount() {
        Manifest m = ManifestReader.read(RealMessages.file("apis/Test3.txt"), java.time.LocalDate.of(2026, 12, 1));
        assertThat(m.travellers()).hasSize(260).allMatch(t -> t.role() == Role.PASSENGER);
        assertThat(m.travellers().get(0).surname()).isEqualTo("Kuchel");
        assertThat(m.travellers().get(259).surname()).isEqualTo("Pfaffelhuber");
        assertThat(m.travellers().get(259).documents().get(0).number()).isEqualTo("12345678");
        assertThat(m.sender()).isEqualTo("DELTAMATIC");
        assertThat(m.warnings()).anySatisfy(w -> assertThat(w.message()).contains("206 crew members; 0 were read"));
    }

    @Test
    void asteriskElementsDollarTerminatorsOneSegmentPerCrLfLine() {
        Manifest m = ManifestReader.read(RealMessages.file("apis/airline2.edi"), java.time.LocalDate.of(2026, 12, 1));
        assertThat(m.flights()).singleElement().satisfies(f -> {
            assertThat(f.carrier()).isEqualTo("TN");
            assertThat(f.number()).isEqualTo("506");
            assertThat(f.origin()).isEqualTo("BRE");
            assertThat(f.destination()).isEqualTo("YEU");
        });
        assertThat(m.travellers())
                .hasSize(10)
                .extracting(Traveller::surname)
                .containsExactly(
                        "BETTON",
                        "TRIBBLE",
                        "RIDER",
                        "COOLEY",
                        "YOUNG",
                        "ELLIOTT",
                        "WHITLOCK",
                        "WESLEY",
                        "STEWART",
                        "LOWE");
        assertThat(m.travellers().get(0).bookingReference()).isEqualTo("QXGYLO");
        assertThat(m.travellers().get(0).givenNames()).isEqualTo("DAVID");
        assertThat(m.warnings()).anySatisfy(w -> assertThat(w.message()).contains("136 passengers; 10 were read"));
    }

    @Test
    void threeLegsLeadingSpacesAndTrailingText() {
        Manifest m = ManifestReader.read(
                RealMessages.file("apis/multiple_flight_leg_apis.txt"), java.time.LocalDate.of(2026, 12, 1));
        assertThat(m.version()).isEqualTo("D:05B");
        assertThat(m.flights())
                .extracting(Flight::describe)
                .containsExactly(
                        "QQ877 MIA→IAD 2008-07-10 15:00",
                        "QQ827 IAD→JFK 2008-08-10 18:30",
                        "QQ827 JFK→CDG 2008-08-10 20:00");
        assertThat(m.travellers()).extracting(Traveller::fullName).containsExactly("TODD BARRETT", "KRISTIN LANG");
        assertThat(m.travellers().get(1).residence()).isEqualTo("ESP");
        assertThat(m.travellers().get(1).embarkation()).isEqualTo("MIA");
        assertThat(m.travellers().get(1).debarkation()).isEqualTo("CDG");
        assertThat(m.counts()).allMatch(c -> c.matches());
        assertThat(m.warnings()).singleElement().asString().contains("after the interchange trailer");
    }
}
