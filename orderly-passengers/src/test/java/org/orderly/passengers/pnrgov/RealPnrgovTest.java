package org.orderly.passengers.pnrgov;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.orderly.passengers.ManifestReader;
import org.orderly.passengers.RealMessages;
import org.orderly.passengers.manifest.Booking;
import org.orderly.passengers.manifest.Flight;
import org.orderly.passengers.manifest.Manifest;
import org.orderly.passengers.manifest.MessageType;
import org.orderly.passengers.manifest.TravelDocument;
import org.orderly.passengers.manifest.Traveller;

/** The real PNRGOV files, unmodified: travellers once each per booking, infants, groups, code-shares, splits. */
class RealPnrgovTest {

    private static Manifest read(String file) {
        return ManifestReader.read(RealMessages.file("pnr/" + file), java.time.LocalDate.of(2026, 12, 1));
    }

    private static List<String> names(Manifest m) {
        return m.travellers().stream()
                .map(t -> t.surname() + "/" + t.givenNames())
                .toList();
    }

    @Test
    void twoRecordsWithLinesWrappedInsideSegmentsAndHistory() {
        Manifest m = read("2_pnrs_basic.edi");
        assertThat(m.type()).isEqualTo(MessageType.PNRGOV);
        assertThat(m.version()).isEqualTo("10.1");
        assertThat(m.flights()).extracting(Flight::describe).containsExactly("DL324 LHR→JFK 2010-12-12 09:15");
        // TIFs under flight legs (TRI) and in the history (ABI, including the deleted name WAYNE/JONMR) add nobody.
        assertThat(names(m)).containsExactly("SMITHJR/JOHNMR", "JONES/WILLIAMMR", "WAYNE/JOHNMR", "COOPER/GARYMR");
        assertThat(m.bookings()).extracting(Booking::recordLocator).containsExactly("MFN4TI", "23456");
        Booking first = m.bookings().get(0);
        assertThat(first.travellers()).containsExactly("T1", "T2");
        assertThat(first.splitLocators()).containsExactly("ABCDEF");
        assertThat(first.itinerary())
                .extracting(Flight::describe)
                .containsExactly("DL324 LHR→JFK 2010-12-12 09:15", "DL330 JFK→YVR 2010-12-12 22:00");
        assertThat(first.payments())
                .allSatisfy(p -> assertThat(p.maskedAccount()).isEqualTo("XXXXXXXX1186"));
        Traveller smith = m.travellers().get(0);
        // The DOCS wraps "SMITHJ" / "R" over two lines: read as one name again.
        assertThat(smith.documents())
                .containsExactly(new TravelDocument(
                        "P",
                        "123456789",
                        "GBR",
                        LocalDate.of(2019, 8, 23),
                        null,
                        "SMITHJR",
                        "MRJONATHON ROBERT",
                        "SSR DOCS"));
        assertThat(smith.birthDate()).isEqualTo(LocalDate.of(1964, 7, 12));
        assertThat(smith.bookingReference()).isEqualTo("MFN4TI");
        assertThat(m.travellers().get(1).documents()).isEmpty(); // its DOCS has no document number
        assertThat(m.travellers().get(1).nationality()).isEqualTo("GBR");
    }

    @Test
    void aGroupNameIsNotATraveller() {
        Manifest m = read("3_pnrs.edi");
        assertThat(m.bookings()).extracting(Booking::recordLocator).containsExactly("W9TEND", "D1RGHI", "GBFKSK");
        assertThat(m.travellers()).hasSize(13).noneMatch(t -> "ACME TEAM PARTY".equals(t.surname()));
        Booking group = m.bookings().get(2);
        assertThat(group.travellers()).hasSize(9);
        Traveller infant =
                m.travellers().stream().filter(Traveller::infant).findFirst().orElseThrow();
        assertThat(infant.surname()).isEqualTo("DYE");
        Traveller mother = m.travellers().stream()
                .filter(t -> t.id().equals(infant.accompanying()))
                .findFirst()
                .orElseThrow();
        assertThat(mother.givenNames()).isEqualTo("KAYLAMS");
        assertThat(m.bookings().get(1).links())
                .containsExactly(new Booking.Link(infant.id(), mother.id(), "infant travelling with"));
        assertThat(m.counts()).allMatch(c -> c.matches());
    }

    @Test
    void anInfantWithAnAdultWhoseTifGroupCarriesBothDocuments() {
        Manifest m = read("adult_and_infant.edi");
        assertThat(names(m)).containsExactly("TESTSURNAMEONE/TESTNAMEONE MRS", "TESTSURNAMETWO/TESTNAMETWO");
        Traveller adult = m.travellers().get(0), infant = m.travellers().get(1);
        assertThat(infant.infant()).isTrue();
        assertThat(infant.accompanying()).isEqualTo(adult.id());
        assertThat(infant.birthDate()).isEqualTo(LocalDate.of(2011, 8, 10));
        assertThat(infant.documents()).extracting(TravelDocument::number).containsExactly("AO234000");
        assertThat(adult.documents()).extracting(TravelDocument::number).containsExactly("52263000");
        assertThat(adult.nationality()).isEqualTo("CO"); // as the carrier wrote it (alpha-2)
    }

    @Test
    void codeShareWithAShortAdviceAndReleasedAsterisks() {
        Manifest m = read("codeshare.edi");
        assertThat(names(m)).containsExactly("PARK/SEJOONMR", "KIM/KONG CHUN MRS");
        assertThat(m.bookings().get(0).otherLocators()).containsExactly("KE/EDP2RW");
        assertThat(m.bookings().get(0).itinerary()).singleElement().satisfies(f -> {
            assertThat(f.carrier()).isEqualTo("KE");
            assertThat(f.operatingCarrier()).isEqualTo("SQ");
        });
        assertThat(m.warnings()).first().asString().contains("segment 1 (UNA)").contains("5 characters");
    }

    @Test
    void anInfantWithItsOwnTifAndAnAdviceWithACurlyApostrophe() {
        Manifest m = read("infant.edi");
        assertThat(names(m)).containsExactly("BELT/ISABELLE MRS", "BELT/SOPHY");
        Traveller infant = m.travellers().get(1);
        assertThat(infant.infant()).isTrue();
        assertThat(infant.birthDate()).isEqualTo(LocalDate.of(2012, 9, 20));
        assertThat(infant.documents()).extracting(TravelDocument::number).containsExactly("512731999");
        assertThat(m.travellers().get(0).documents())
                .extracting(TravelDocument::number)
                .containsExactly("509229987");
        assertThat(m.warnings()).anySatisfy(w -> assertThat(w.message()).contains("U+2019"));
    }

    @Test
    void multipleLegsWithRepeatedCheckInTifs() {
        Manifest m = read("multiple_flight_leg_pnr.txt");
        assertThat(names(m)).containsExactly("CHENNAPRAGADA/STACYMR", "NUTTALL/PETERMR");
        assertThat(m.bookings()).singleElement().satisfies(b -> {
            assertThat(b.itinerary()).hasSize(4);
            assertThat(b.created()).isEqualTo(LocalDate.of(2018, 3, 11));
        });
        assertThat(m.warnings()).anySatisfy(w -> assertThat(w.toString()).startsWith("segment 6 (EQN)"));
    }

    @Test
    void threeRecordsWithoutHistory() {
        Manifest m = read("no_pnr_history.edi");
        assertThat(names(m))
                .containsExactly("JACKS/JAMES", "CARRERA/MARCUSMR", "DORON/NINA MS", "LENDROT/CHARLOTTE MS");
        assertThat(m.travellers().get(0).birthDate()).isEqualTo(LocalDate.of(1966, 4, 21));
        assertThat(m.travellers().get(0).documents()).isEmpty();
        assertThat(m.bookings()).extracting(Booking::recordLocator).containsExactly("3MZVP2", "33O6DK", "35K2IO");
    }

    @Test
    void theSingleRecordFiles() {
        assertThat(names(read("pnr1.txt"))).containsExactly("SMITHJR/JOHNMR", "JONES/WILLIAMMR");
        assertThat(names(read("pnr2.txt"))).containsExactly("WAYNE/JOHNMR", "COOPER/GARYMR");
        assertThat(names(read("pnr3.txt"))).containsExactly("DOOLIN/PETER", "CHISOLM/MERLE", "WOO/FEN", "FENWICK/ABBY");
        assertThat(names(read("pnr4.txt"))).containsExactly("RAVAL/CHRISTOPHER");
        Manifest example = read("pnrMessageExample.txt");
        assertThat(names(example))
                .containsExactly(
                        "LOBB/MOLLYMRS",
                        "PHILIPPS/MATTHIASMR",
                        "BOLOGNA/BRANDONMR",
                        "EULENBERGER/LUCAMR",
                        "HABTE/LIYAMRS");
        assertThat(example.bookings().get(0).payments().get(0).maskedAccount()).isEqualTo("XXXXXXXXXXX9581");
    }

    @Test
    void aSplitRecord() {
        Manifest m = read("pnr_split.edi");
        assertThat(names(m))
                .containsExactly(
                        "TESTSURNAMEONE/TESTNAMEONE MRS",
                        "TESTSURNAMEONE/TESTNAMETWO MR",
                        "TESTSURNAMETHREE/TESTNAMETHREE MR");
        assertThat(m.bookings().get(1).splitLocators()).containsExactly("ZLMXXX");
    }
}
