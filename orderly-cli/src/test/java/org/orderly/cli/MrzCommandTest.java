package org.orderly.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.orderly.travel.document.mrz.CheckDigit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class MrzCommandTest {
    private static final String LINE1 = pad("P<NLDDE<BRUIJN<<WILLEKE<LISELOTTE", 44);
    private static final String LINE2 = td3Line2("SPECI2014", "NLD", "650310", "F", "340309", "999999990");

    /** Line 2 of a TD3 zone with every check digit computed by the project's own {@link CheckDigit}. */
    static String td3Line2(
            String number, String nationality, String birth, String sex, String expiry, String optional) {
        String documentPart = pad(number, 9) + CheckDigit.of(pad(number, 9));
        String birthPart = birth + CheckDigit.of(birth);
        String expiryPart = expiry + CheckDigit.of(expiry);
        String optionalPart = pad(optional, 14) + CheckDigit.of(pad(optional, 14));
        char composite = CheckDigit.of(documentPart + birthPart + expiryPart + optionalPart);
        return documentPart + nationality + birthPart + sex + expiryPart + optionalPart + composite;
    }

    static String pad(String text, int width) {
        return text + "<".repeat(width - text.length());
    }

    @Test
    void readsAValidPassportZoneWithEveryCheckPassing() {
        CommandRun run = CommandRun.of("mrz", "--on", "2026-01-15", LINE1, LINE2);
        assertThat(run.status()).isZero();
        assertThat(run.out())
                .contains("primary identifier: DE BRUIJN")
                .contains("document number: SPECI2014")
                .contains("valid: true")
                .contains("check composite: passed")
                .doesNotContain("FAILED");
    }

    @Test
    void corruptedDigitFailsItsCheckButTheZoneIsStillRead() {
        char[] corrupted = LINE2.toCharArray();
        corrupted[14] = corrupted[14] == '9' ? '8' : (char) (corrupted[14] + 1); // a digit of the birth date
        CommandRun run = CommandRun.of("mrz", "--on", "2026-01-15", LINE1, new String(corrupted));
        assertThat(run.status()).isZero();
        assertThat(run.out())
                .contains("valid: false")
                .contains("check birthDate: FAILED")
                .contains("line 2 column 20");
    }

    @Test
    void jsonIsOneDocumentWithValidAndEachCheck() {
        CommandRun run = CommandRun.of("mrz", "--json", "--on", "2026-01-15", LINE1, LINE2);
        JsonNode document = JsonMapper.builder().build().readTree(run.out());
        assertThat(document.get("valid").asBoolean()).isTrue();
        assertThat(document.get("nationality").asString()).isEqualTo("NLD");
        assertThat(document.get("birthDate").asString()).isEqualTo("1965-03-10");
        assertThat(document.get("checks").size()).isEqualTo(5);
    }

    @Test
    void linesMayComeOnStandardInput() {
        CommandRun run = CommandRun.withInput(LINE1 + "\n" + LINE2 + "\n", "mrz", "--on", "2026-01-15");
        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("valid: true");
    }

    @Test
    void repairOptionRepairsAnOcrConfusionTheCheckDigitsConfirm() {
        String misread = LINE2.substring(0, 13) + "65O310" + LINE2.substring(19); // letter O for the digit 0
        CommandRun strict = CommandRun.of("mrz", "--on", "2026-01-15", LINE1, misread);
        CommandRun repaired = CommandRun.of("mrz", "--repair", "--on", "2026-01-15", LINE1, misread);
        assertThat(strict.out()).contains("valid: false");
        assertThat(repaired.out()).contains("valid: true").contains("repaired line 2 column 16: O -> 0");
    }

    @Test
    void tooShortLineIsRefusedWithItsLineAndColumn() {
        CommandRun run = CommandRun.of("mrz", LINE1, LINE2.substring(0, 40));
        assertThat(run.status()).isNotZero();
        assertThat(run.out()).isEmpty();
        assertThat(run.err())
                .contains("the zone cannot be read")
                .contains("line 2")
                .contains("column");
    }
}
