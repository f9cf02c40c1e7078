package org.orderly.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The stream job's intake of an entry sent without its stay rule (issue 27 item 2): the same outcome as the API
 * ({@code CrossingsApiTest}) and {@code crossings import} ({@code CrossingsCommandTest}) give the same record.
 */
class CrossingMessagesTest {
    private final CrossingMessages messages = new CrossingMessages();

    private CrossingMessage read(String record) {
        return messages.read("crossings", 0, 17, record.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anEntryWithoutARuleGetsTheRulebooksRuleOrIsReportedNamingTheRecordAndTheRuleField() {
        CrossingMessage british = read("r1,entry,2025-01-10T09:00:00Z,DEU,FRA-T1,R1,GBR");
        assertThat(british.malformed()).isNull();
        assertThat(british.crossing().rule()).isEqualTo("90/180");
        CrossingMessage afghan = read("r2,entry,2025-01-10T09:00:00Z,DEU,FRA-T1,R2,AFG");
        assertThat(afghan.crossing()).isNull();
        assertThat(afghan.malformed().message())
                .isEqualTo("topic crossings partition 0 offset 17 column 10 (rule): rule is missing, and the rulebook "
                        + "sets no stay limit for AFG nationals entering DEU on 2025-01-10 (visa required): give the "
                        + "rule, e.g. the visa's terms as visa:FROM..UNTIL:ENTRIES:DAYS/180");
    }
}
