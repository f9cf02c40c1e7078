package org.orderly.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code orderly crossings import} of a stay not counted followed by a short stay, in a database of its own. */
class CrossingsNotCountedCommandTest {
    @RegisterExtension
    static final FreshHome HOME = new FreshHome("orderly-crossings-not-counted-test");

    @Test
    void aStayUnderFreeMovementFollowedByAShortStayRaisesNoAlert() throws IOException {
        // Issue 27 item 2: 1 January to 20 May is 141 days, 81 of them under free movement; only the 81 short-stay days
        // count.
        Path file = Files.writeString(HOME.path().resolve("free-movement.csv"), """
                id,direction,at,state,crossing_point,document_number,issuing_state,nationality,rule
                fm1,entry,2020-01-01T10:00:00Z,DEU,FRA-T1,F1,USA,USA,not-counted:free_movement
                fm2,exit,2020-03-01T08:00:00Z,DEU,FRA-T1,F1,USA,USA,
                fm3,entry,2020-03-01T12:00:00Z,DEU,FRA-T1,F1,USA,USA,90/180
                fm4,exit,2020-05-20T12:00:00Z,DEU,FRA-T1,F1,USA,USA,
                """);
        CommandRun run = CommandRun.of("crossings", "import", "--json", file.toString());
        assertThat(run.status()).as(run.err()).isZero();
        JsonNode report = JsonMapper.builder().build().readTree(run.out());
        assertThat(report.get("recorded").asInt()).isEqualTo(4);
        assertThat(report.get("openOverstayAlerts").asInt()).isZero();
        assertThat(report.get("alertCounts").size()).as(report.toString()).isZero();
    }
}
