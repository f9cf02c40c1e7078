package org.orderly.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Files ingested into a fresh database: stored once, recognised when sent again, kept aside when unreadable. */
class IngestCommandTest {
    @RegisterExtension
    static final FreshHome HOME = new FreshHome("orderly-ingest-test");

    @Test
    void storesOnceRecognisesTheSameFileAndKeepsAsideWhatCannotBeRead() throws IOException {
        Path message = Files.writeString(
                HOME.path().resolve("flight.edi"),
                "UNB+UNOA:4+XX+DE+260110:0900+1'UNH+1+PAXLST:D:05B:UN:IATA'"
                        + "TDT+20+XX100+++XX'LOC+125+CDG'LOC+87+FRA'NAD+FL+++BERG:ANNA'DTM+329:700101'NAT+2+SWE'CNT+42:1'UNT+9+1'UNZ+1+1'");
        Path broken = Files.writeString(HOME.path().resolve("broken.edi"), "hello");
        CommandRun first = CommandRun.of("passengers", "ingest", "--destination", "DEU", message.toString());
        assertThat(first.status()).as(first.err()).isZero();
        assertThat(first.out()).contains("flight.edi: stored").contains("1 travellers");
        CommandRun again =
                CommandRun.of("passengers", "ingest", "--destination", "DEU", message.toString(), broken.toString());
        assertThat(again.status()).isEqualTo(2);
        assertThat(again.out())
                .contains("flight.edi: already stored")
                .contains("broken.edi: kept aside")
                .contains("not an EDIFACT interchange");
        CommandRun audit = CommandRun.of("audit", "verify");
        assertThat(audit.status()).isZero();
        // The stored message and the one kept aside, each audited as the API audits them.
        assertThat(audit.out()).contains("intact: 2 entries");
    }
}
