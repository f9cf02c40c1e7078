package org.orderly.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code orderly crossings import} into a fresh database: recorded once, overstays and unmatched crossings reported, bad files refused. */
class CrossingsCommandTest {
    @RegisterExtension
    static final FreshHome HOME = new FreshHome("orderly-crossings-test");

    @Test
    void importsOnceReportsTheOverstayAndTheExitWithoutEntryAndRefusesABadFileWhole() throws IOException {
        Path file = Files.writeString(HOME.path().resolve("crossings.csv"), """
                id,direction,at,state,crossing_point,document_number,issuing_state,nationality,rule
                e1,entry,2020-01-01T10:00:00Z,DEU,FRA-T1,P1,USA,USA,90/180
                x9,exit,2020-02-01T10:00:00Z,DEU,FRA-T1,P9,BRA,BRA,
                """);
        CommandRun first = CommandRun.of("crossings", "import", "--json", file.toString());
        assertThat(first.status()).as(first.err()).isZero();
        JsonNode report = JsonMapper.builder().build().readTree(first.out());
        assertThat(report.get("recorded").asInt()).isEqualTo(2);
        assertThat(report.get("openOverstayAlerts").asInt()).isEqualTo(1);
        assertThat(report.get("unmatchedCrossings").asInt()).isEqualTo(1);
        CommandRun again = CommandRun.of("crossings", "import", file.toString());
        assertThat(again.status()).as(again.err()).isZero();
        assertThat(again.out())
                .contains("0 crossings recorded, 2 already in the ledger")
                .contains("USA under 90/180: 1 raised, 1 open");

        Path bad = Files.writeString(HOME.path().resolve("bad.csv"), """
                id,direction,at,state,crossing_point,document_number,issuing_state,rule
                e2,entry,2020-03-01T10:00:00Z,DEU,FRA-T1,P2,USA,90/180
                x2,sideways,2020-03-02T10:00:00Z,DEU,FRA-T1,P2,USA,
                """);
        CommandRun refused = CommandRun.of("crossings", "import", bad.toString());
        assertThat(refused.status()).isNotZero();
        assertThat(refused.err())
                .contains("bad.csv")
                .contains("line 3")
                .contains("direction 'sideways' is not entry or exit");
        assertThat(CommandRun.of("crossings", "import", "--json", file.toString())
                        .out())
                .contains("\"crossingsInLedger\" : 2");

        // The same field rules as the API and the stream: a nationality that is no state, a document number no zone can
        // carry.
        Path unknown = Files.writeString(HOME.path().resolve("unknown.csv"), """
                id,direction,at,state,crossing_point,document_number,issuing_state,nationality,rule
                e3,entry,2020-03-01T10:00:00Z,DEU,FRA-T1,P3,USA,ATLANTIS,90/180
                """);
        CommandRun atlantis = CommandRun.of("crossings", "import", unknown.toString());
        assertThat(atlantis.status()).isNotZero();
        assertThat(atlantis.err())
                .contains("unknown.csv")
                .contains("line 2")
                .contains("nationality 'ATLANTIS' is neither a state in the registry");
        Path tooLong = Files.writeString(
                HOME.path().resolve("long.csv"),
                "id,direction,at,state,crossing_point,document_number,issuing_state\n"
                        + "x4,exit,2020-03-01T10:00:00Z,DEU,FRA-T1," + "9".repeat(5000) + ",USA\n");
        assertThat(CommandRun.of("crossings", "import", tooLong.toString()).err())
                .contains("line 2")
                .contains("document_number has 5000 characters");
        assertThat(CommandRun.of("crossings", "import", "--json", file.toString())
                        .out())
                .contains("\"crossingsInLedger\" : 2");
    }

    /**
     * An entry without its stay rule (issue 27 item 2): the file import gives it the rulebook's rule, as the API and the
     * stream job do ({@code CrossingsApiTest}, {@code CrossingMessagesTest}), and refuses the whole file, naming the
     * line and the rule column, where the rulebook sets no limit.
     */
    @Test
    void anEntryWithoutARuleGetsTheRulebooksRuleOrTheFileIsRefusedNamingLineAndField() throws IOException {
        Path file = Files.writeString(HOME.path().resolve("no-rule.csv"), """
                id,direction,at,state,crossing_point,document_number,issuing_state
                r1,entry,2025-01-10T09:00:00Z,DEU,FRA-T1,R1,GBR
                """);
        CommandRun british = CommandRun.of("crossings", "import", file.toString());
        assertThat(british.status()).as(british.err()).isZero();
        // Never left (a ledger swept long after 90 days): the alert names the rule the entry was recorded under.
        assertThat(british.out()).contains("1 crossings recorded").contains("GBR under 90/180: 1 raised, 1 open");
        Path afghan = Files.writeString(HOME.path().resolve("no-rule-afghan.csv"), """
                id,direction,at,state,crossing_point,document_number,issuing_state
                r2,entry,2025-01-10T09:00:00Z,DEU,FRA-T1,R2,AFG
                """);
        CommandRun refused = CommandRun.of("crossings", "import", afghan.toString());
        assertThat(refused.status()).isNotZero();
        assertThat(refused.err())
                .contains("no-rule-afghan.csv")
                .contains("line 2")
                .contains("(rule): rule is missing, and the rulebook sets no stay limit for AFG nationals entering DEU "
                        + "on 2025-01-10 (visa required): give the rule, e.g. the visa's terms as "
                        + "visa:FROM..UNTIL:ENTRIES:DAYS/180");
    }
}
