package org.orderly.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The registry commands against a real embedded PostgreSQL in a fresh ORDERLY_HOME (given as
 * -Dorderly.home), as a user runs them: text, one JSON document with --json, clear errors.
 */
class RegistryCommandsTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @RegisterExtension
    static final FreshHome HOME = new FreshHome("orderly-cli-test");

    private static Path file(String name, String content) throws IOException {
        return Files.writeString(HOME.path().resolve(name), content);
    }

    @Test
    void aFileGivenByMistakeIsRefusedWithoutPrintingItsFirstLine() throws IOException {
        Path shadow = file(
                "shadow",
                "root:$6$Jx9Qm1.pLkS$abcdefghijklmnopqrstuvwxyz0123456789:19000:0:99999:7:::\nbin:*:19000:0:99999:7:::\n");
        CommandRun refused = CommandRun.of("import", "visa-matrix", shadow.toString(), "--as-of", "2025-01-12");
        assertThat(refused.status()).isNotZero();
        assertThat(refused.err())
                .contains("shadow line 1")
                .contains("Passport")
                .doesNotContain("root")
                .doesNotContain("Jx9Qm1");
    }

    @Test
    void importsAMatrixThenAnswersTravelQuestionsInTextAndJson() throws IOException {
        Path matrix = file(
                "matrix.csv",
                "Passport,Destination,Requirement\nMAR,JPN,visa required\nJPN,MAR,90\nFRA,DEU,visa free\n");
        CommandRun imported = CommandRun.of("import", "visa-matrix", matrix.toString(), "--as-of", "2025-01-12");
        assertThat(imported.status()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("imported 3 rows of 3");

        CommandRun text = CommandRun.of("travel", "--passport", "jpn", "--to", "MAR", "--on", "2026-11-23");
        assertThat(text.status()).isZero();
        assertThat(text.out())
                .contains("Japan passport → Morocco")
                .contains("visa free, up to 90 days")
                .contains("matrix.csv line 3");

        CommandRun json = CommandRun.of("travel", "--passport", "FRA", "--to", "DEU", "--json");
        assertThat(json.status()).isZero();
        JsonNode answer = JSON.readTree(json.out());
        assertThat(answer.get("category").asString()).isEqualTo("FREE_MOVEMENT");
        assertThat(answer.get("instrumentId").asString()).isEqualTo("EU_FREE_MOVEMENT");
        assertThat(answer.get("overridesUnilateral").asBoolean()).isTrue();
    }

    @Test
    void acceptsNamesAndAliasesAndSaysWhoDecidesAndWhereToApply() {
        CommandRun text = CommandRun.of("travel", "--passport", "Nigeria", "--to", "de", "--on", "2026-11-23");
        assertThat(text.status()).as(text.err()).isZero();
        assertThat(text.out())
                .contains("Nigeria passport → Germany")
                .contains("who decides: A Schengen short-stay visa")
                .contains("https://eur-lex.europa.eu/eli/reg/2009/810/oj")
                .contains("where to apply: The consulate")
                .contains("permalink: /travel?passport=NGA&destination=DEU&date=2026-11-23&purpose=tourism");
        CommandRun json = CommandRun.of("travel", "--passport", "Ivory Coast", "--to", "UK", "--json");
        assertThat(json.status()).as(json.err()).isZero();
        JsonNode answer = JSON.readTree(json.out());
        assertThat(answer.get("passport").asString()).isEqualTo("CIV");
        assertThat(answer.get("destination").asString()).isEqualTo("GBR");
        assertThat(answer.get("authority").get("applyAt").asString()).contains("United Kingdom");
    }

    @Test
    void refusesAnAsOfDateOutsideTheDatesTheApiAcceptsWithTheSameWords() throws IOException {
        Path matrix = file("dated.csv", "Passport,Destination,Requirement\nMAR,JPN,visa required\n");
        for (String date : List.of("9999-12-31", "1799-12-31")) {
            CommandRun run = CommandRun.of("import", "visa-matrix", matrix.toString(), "--as-of", date);
            assertThat(run.status()).as(date).isEqualTo(1);
            assertThat(run.err())
                    .isEqualTo("orderly: as-of date " + date
                            + " is outside the dates Orderly accepts (1800-01-01 to 2199-12-31)\n");
            assertThat(run.out()).isEmpty();
        }
        Path status =
                file("dated-status.csv", "iso2,state party,year ratification or accession,signatory\nFR,1,2021,0\n");
        CommandRun treaty = CommandRun.of(
                "import", "treaty-status", "--instrument", "ICMW", status.toString(), "--as-of", "2200-01-01");
        assertThat(treaty.status()).isEqualTo(1);
        assertThat(treaty.err()).contains("as-of date 2200-01-01 is outside the dates Orderly accepts");
    }

    @Test
    void refusesAMalformedMatrixWithItsLineAndAnErrorStatus() throws IOException {
        Path matrix = file("broken.csv", "Passport,Destination,Requirement\nMAR,JPN,visa required\nJPN,MAR,ninety\n");
        CommandRun run = CommandRun.of("import", "visa-matrix", matrix.toString());
        assertThat(run.status()).isNotZero();
        assertThat(run.err()).contains("broken.csv line 3").contains("ninety").contains("nothing was imported");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void unknownCodesAreAnErrorOnStandardError() {
        CommandRun run = CommandRun.of("travel", "--passport", "ZZZ", "--to", "DEU", "--json");
        assertThat(run.status()).isNotZero();
        assertThat(run.err()).contains("passport 'ZZZ'");
        CommandRun misspelled = CommandRun.of("travel", "--passport", "Nigera", "--to", "DEU");
        assertThat(misspelled.status()).isNotZero();
        assertThat(misspelled.err()).contains("did you mean").contains("Nigeria (NGA)");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void listsPartiesAndInstrumentsAsOneJsonDocument() {
        CommandRun parties = CommandRun.of("parties", "--kind", "STATE", "--json");
        assertThat(parties.status()).isZero();
        assertThat(JSON.readTree(parties.out()).size()).isGreaterThanOrEqualTo(195);
        CommandRun instruments = CommandRun.of("instruments", "--json");
        assertThat(instruments.status()).isZero();
        assertThat(instruments.out()).contains("\"REFUGEE_1951\"").contains("\"SCHENGEN\"");
    }

    @Test
    void verifiesTheAuditLog() {
        CommandRun run = CommandRun.of("audit", "verify", "--json");
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(JSON.readTree(run.out()).get("intact").asBoolean()).isTrue();
    }

    @Test
    void importsTreatyStatusForANamedInstrument() throws IOException {
        Path status = file(
                "icmw.csv",
                "iso2,member,state party,year ratification or accession,signatory,no action,status,note\n"
                        + "MA,Morocco,1,1993,0,0,state party,\nTP,Timor-Leste,1,2004,0,0,state party,\nDE,Germany,0,,0,1,no action,\n");
        CommandRun run = CommandRun.of("import", "treaty-status", "--instrument", "ICMW", status.toString(), "--json");
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(JSON.readTree(run.out()).get("rowsWritten").asInt())
                .as("Morocco and Timor-Leste (TP is TL today)")
                .isEqualTo(2);
        CommandRun unknown = CommandRun.of("import", "treaty-status", "--instrument", "NO_SUCH", status.toString());
        assertThat(unknown.status()).isNotZero();
        assertThat(unknown.err()).contains("no instrument 'NO_SUCH'");
    }
}
