package org.orderly.passengers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.orderly.passengers.manifest.Booking;
import org.orderly.passengers.manifest.Manifest;
import org.orderly.passengers.manifest.MessageType;
import org.orderly.passengers.manifest.Traveller;

/** Every real file in both folders, whatever files are added later: read, each traveller once, ids consistent. */
class EveryRealFileTest {

    @Test
    void everyRealFileIsReadWithTravellersOnceEach() {
        List<Path> files = RealMessages.all();
        assertThat(files).hasSizeGreaterThanOrEqualTo(17);
        for (Path file : files) {
            Manifest m = ManifestReader.read(file, java.time.LocalDate.of(2026, 12, 1));
            assertThat(m.travellers()).as(file.toString()).isNotEmpty();
            assertThat(m.flights()).as(file.toString()).isNotEmpty();
            Set<String> ids = new HashSet<>();
            for (Traveller t : m.travellers()) {
                assertThat(ids.add(t.id())).as(file + " " + t.id()).isTrue();
                assertThat(t.surname()).as(file + " " + t.id()).isNotBlank();
            }
            boolean pnr = file.getParent().getFileName().toString().equals("pnr");
            assertThat(m.type()).as(file.toString()).isEqualTo(pnr ? MessageType.PNRGOV : MessageType.PAXLST);
            if (pnr) {
                Set<String> inBookings = new HashSet<>();
                for (Booking b : m.bookings()) {
                    assertThat(b.recordLocator()).as(file.toString()).isNotBlank();
                    for (String id : b.travellers())
                        assertThat(inBookings.add(id)).as(file + " " + id).isTrue();
                }
                assertThat(inBookings).as(file.toString()).isEqualTo(ids);
                // No booking lists the same person twice.
                for (Booking b : m.bookings()) {
                    List<String> people = m.travellers().stream()
                            .filter(t -> b.travellers().contains(t.id()))
                            .map(t -> t.surname() + "/" + t.givenNames() + "/" + t.infant())
                            .toList();
                    assertThat(new HashSet<>(people))
                            .as(file + " " + b.recordLocator())
                            .hasSize(people.size());
                }
            }
        }
    }
}
