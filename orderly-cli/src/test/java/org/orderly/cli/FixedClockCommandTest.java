package org.orderly.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The command line's one clock (issue 27 item 5): a command run on a fixed clock sweeps the ledger and answers "today"
 * on that clock's day, not the system's.
 */
class FixedClockCommandTest {
    @RegisterExtension
    static final FreshHome HOME = new FreshHome("orderly-clock-test");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static Clock at(String instant) {
        return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    }

    @Test
    void theLedgerIsSweptAndTodayAnsweredOnTheCommandLinesClock() throws IOException {
        // Entered on 1 January 2023 under 90/180 and never left: within the limit on 1 February, past it (from 1 April)
        // on any later day, the system's today included.
        Path file = Files.writeString(HOME.path().resolve("stay.csv"), """
                id,direction,at,state,crossing_point,document_number,issuing_state,rule
                c1,entry,2023-01-01T10:00:00Z,DEU,FRA-T1,C1,USA,90/180
                """);
        CommandRun february =
                CommandRun.on(at("2023-02-01T12:00:00Z"), "crossings", "import", "--json", file.toString());
        assertThat(february.status()).as(february.err()).isZero();
        assertThat(JSON.readTree(february.out()).get("openOverstayAlerts").asInt())
                .as(february.out())
                .isZero();
        CommandRun may = CommandRun.on(at("2023-05-01T12:00:00Z"), "crossings", "import", "--json", file.toString());
        assertThat(JSON.readTree(may.out()).get("openOverstayAlerts").asInt())
                .as(may.out())
                .isEqualTo(1);

        CommandRun travel =
                CommandRun.on(at("2019-03-10T23:59:59Z"), "travel", "--json", "--passport", "GBR", "--to", "DEU");
        assertThat(travel.status()).as(travel.err()).isZero();
        JsonNode answer = JSON.readTree(travel.out());
        assertThat(answer.get("date").asString()).as(travel.out()).isEqualTo("2019-03-10");
    }
}
