package org.orderly.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code orderly channels find | define | allocate} on a fresh home, the finder over the real ESCO files. */
class ChannelsCommandTest {
    @RegisterExtension
    static final FreshHome HOME = new FreshHome("orderly-channels-test");

    @Test
    void theFinderAnswersANurseFromNigeriaInTheIssuesJsonShape() {
        Path esco = Path.of(System.getProperty("orderly.shared.data", "../shared/data")).resolve("occupations");
        assumeTrue(Files.isDirectory(esco), "../shared/data/occupations is absent: skipping the finder on the real ESCO files");
        System.setProperty("orderly.occupations", esco.toString());
        try {
            CommandRun run = CommandRun.of("channels", "find", "--passport", "NGA", "--destination", "DEU", "--occupation", "nurse",
                    "--salary", "52000", "--currency", "EUR", "--qualification", "bachelor", "--language", "de:B1", "--age", "29",
                    "--date", "2026-06-01", "--json");
            assertThat(run.status()).as(run.err()).isZero();
            JsonNode answer = JsonMapper.builder().build().readTree(run.out());
            assertThat(answer.get("occupation").get("isco").asString()).isEqualTo("2221");
            JsonNode blueCard = answer.get("channels").valueStream().filter(c -> c.get("id").asString().equals("BLUE_CARD_DEU")).findFirst().orElseThrow();
            assertThat(blueCard.get("verdict").asString()).isEqualTo("could be eligible");
            assertThat(blueCard.get("instrument").asString()).isEqualTo("EU_BLUE_CARD_DIRECTIVE");
            assertThat(blueCard.get("asOf").asString()).isNotBlank();
            CommandRun text = CommandRun.of("channels", "find", "--passport", "Nigeria", "--destination", "Germany", "--date", "2026-06-01");
            assertThat(text.status()).as(text.err()).isZero();
            assertThat(text.out()).contains("EU Blue Card: highly qualified employment in Germany [BLUE_CARD_DEU] — could be eligible")
                    .contains("unknown   job offer").contains("[unverified]");
        } finally {
            System.clearProperty("orderly.occupations");
        }
    }

    @Test
    void badInputIsRefusedWithWhatAndWhere() {
        CommandRun salary = CommandRun.of("channels", "find", "--passport", "NGA", "--salary", "-5", "--currency", "EUR");
        assertThat(salary.status()).isEqualTo(1);
        assertThat(salary.err().strip()).isEqualTo("orderly: salary '-5' must not be negative");
        CommandRun level = CommandRun.of("channels", "find", "--passport", "NGA", "--language", "de:B9");
        assertThat(level.err().strip()).isEqualTo("orderly: language level in 'de:B9' 'B9' is not a CEFR level [A1, A2, B1, B2, C1, C2]");
        CommandRun country = CommandRun.of("channels", "find", "--passport", "Nigerya");
        assertThat(country.err()).contains("Nigeria (NGA)");
    }

    @Test
    void aChannelDefinedFromJsonIsAllocatedUntilItsQuotaIsExhausted() throws Exception {
        Path file = Files.writeString(HOME.path().resolve("channel.json"), """
                {"id": "CLI_CARE", "title": "Care workers for Germany (CLI test)", "destination": "DEU", "purpose": "WORK",
                 "annualQuota": 2, "procedure": "FIRST_COME"}""");
        CommandRun defined = CommandRun.of("channels", "define", file.toString());
        assertThat(defined.status()).as(defined.err()).isZero();
        Path applicants = Files.writeString(HOME.path().resolve("applicants.txt"), "A-1\nA-2\nA-3\nA-1\n");
        CommandRun run = CommandRun.of("channels", "allocate", "--channel", "CLI_CARE", "--year", "2027", "--applicants", applicants.toString());
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out().lines().toList()).containsExactly("A-1: granted place 1", "A-2: granted place 2", "A-3: refused QUOTA_EXHAUSTED",
                "A-1: already place 1");
        assertThat(CommandRun.of("channels", "allocate", "--channel", "NO_SUCH", "--year", "2027", "--applicant", "x").err())
                .contains("no legal channel 'NO_SUCH'");
    }
}
