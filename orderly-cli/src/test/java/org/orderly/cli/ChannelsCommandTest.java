package org.orderly.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.orderly.testing.SharedData;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code orderly channels find | define | allocate} on a fresh home, the finder over the real ESCO files. */
class ChannelsCommandTest {
    @RegisterExtension
    static final FreshHome HOME = new FreshHome("orderly-channels-test");

    @Test
    void theFinderAnswersANurseFromNigeriaInTheIssuesJsonShape() {
        Path esco = SharedData.folder("occupations");
        System.setProperty("orderly.occupations", esco.toString());
        try {
            CommandRun run = CommandRun.of(
                    "channels",
                    "find",
                    "--passport",
                    "NGA",
                    "--destination",
                    "DEU",
                    "--occupation",
                    "nurse",
                    "--salary",
                    "52000",
                    "--currency",
                    "EUR",
                    "--qualification",
                    "bachelor",
                    "--language",
                    "de:B1",
                    "--age",
                    "29",
                    "--date",
                    "2026-06-01",
                    "--json");
            assertThat(run.status()).as(run.err()).isZero();
            JsonNode answer = JsonMapper.builder().build().readTree(run.out());
            assertThat(answer.get("occupation").get("isco").asString()).isEqualTo("2221");
            JsonNode blueCard = answer.get("channels")
                    .valueStream()
                    .filter(c -> c.get("id").asString().equals("BLUE_CARD_DEU"))
                    .findFirst()
                    .orElseThrow();
            assertThat(blueCard.get("verdict").asString()).isEqualTo("could be eligible");
            assertThat(blueCard.get("instrument").asString()).isEqualTo("EU_BLUE_CARD_DIRECTIVE");
            assertThat(blueCard.get("asOf").asString()).isNotBlank();
            CommandRun text = CommandRun.of(
                    "channels", "find", "--passport", "Nigeria", "--destination", "Germany", "--date", "2026-06-01");
            assertThat(text.status()).as(text.err()).isZero();
            assertThat(text.out())
                    .contains(
                            "EU Blue Card: highly qualified employment in Germany [BLUE_CARD_DEU] — could be eligible")
                    .contains("unknown   job offer")
                    .contains("[unverified]");
        } finally {
            System.clearProperty("orderly.occupations");
        }
    }

    @Test
    void badInputIsRefusedWithWhatAndWhere() {
        CommandRun salary =
                CommandRun.of("channels", "find", "--passport", "NGA", "--salary", "-5", "--currency", "EUR");
        assertThat(salary.status()).isEqualTo(1);
        assertThat(salary.err().strip()).isEqualTo("orderly: salary '-5' must not be negative");
        CommandRun level = CommandRun.of("channels", "find", "--passport", "NGA", "--language", "de:B9");
        assertThat(level.err().strip())
                .isEqualTo("orderly: language level in 'de:B9' 'B9' is not a CEFR level [A1, A2, B1, B2, C1, C2]");
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
        CommandRun run = CommandRun.of(
                "channels",
                "allocate",
                "--channel",
                "CLI_CARE",
                "--year",
                "2027",
                "--applicants",
                applicants.toString());
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out().lines().toList())
                .containsExactly(
                        "A-1: granted place 1",
                        "A-2: granted place 2",
                        "A-3: refused QUOTA_EXHAUSTED",
                        "A-1: already place 1");
        assertThat(CommandRun.of("channels", "allocate", "--channel", "NO_SUCH", "--year", "2027", "--applicant", "x")
                        .err())
                .contains("no legal channel 'NO_SUCH'");
    }

    @Test
    void aLotteryIsDrawnWithThePublishedSeedAndAnyoneCanRedrawItOffline() throws Exception {
        Path file = Files.writeString(HOME.path().resolve("lottery.json"), """
                {"id": "CLI_LOTTERY", "title": "Young professionals (CLI test)", "destination": "GBR", "eligible": ["IND"], "purpose": "WORK",
                 "annualQuota": 3, "procedure": "LOTTERY"}""");
        assertThat(CommandRun.of("channels", "define", file.toString()).status())
                .isZero();
        String seed = "a seed kept secret until the draw";
        String hash = org.orderly.regime.channel.LotteryDraw.seedHash(seed);
        CommandRun published = CommandRun.of(
                "channels", "lottery", "--channel", "CLI_LOTTERY", "--year", "2027", "--publish-seed-hash", hash);
        assertThat(published.status()).as(published.err()).isZero();
        StringBuilder refs = new StringBuilder();
        for (int i = 0; i < 10; i++) refs.append("IND-").append(i).append('\n');
        Path entrants = Files.writeString(HOME.path().resolve("entrants.txt"), refs);
        assertThat(CommandRun.of(
                                "channels",
                                "lottery",
                                "--channel",
                                "CLI_LOTTERY",
                                "--year",
                                "2027",
                                "--enter",
                                entrants.toString())
                        .out())
                .contains("entered 10 applicants");
        assertThat(CommandRun.of(
                                "channels",
                                "allocate",
                                "--channel",
                                "CLI_LOTTERY",
                                "--year",
                                "2027",
                                "--applicant",
                                "IND-0")
                        .out()
                        .strip())
                .isEqualTo("IND-0: refused PROCEDURE");
        CommandRun wrong = CommandRun.of(
                "channels", "lottery", "--channel", "CLI_LOTTERY", "--year", "2027", "--draw", "another seed");
        assertThat(wrong.status()).isEqualTo(1);
        assertThat(wrong.err()).contains("the seed does not match the published hash " + hash);
        CommandRun drawn =
                CommandRun.of("channels", "lottery", "--channel", "CLI_LOTTERY", "--year", "2027", "--draw", seed);
        assertThat(drawn.status()).as(drawn.err()).isZero();
        java.util.List<String> granted = drawn.out()
                .lines()
                .filter(l -> l.contains(": granted place "))
                .map(l -> l.substring(0, l.indexOf(':')))
                .toList();
        assertThat(granted).hasSize(3);
        assertThat(drawn.out().lines().filter(l -> l.endsWith("refused NOT_DRAWN")))
                .hasSize(7);
        // Anyone re-runs it from what is published: the seed, its hash, the entrants' tokens.
        StringBuilder tokens = new StringBuilder();
        for (int i = 0; i < 10; i++)
            tokens.append(org.orderly.regime.channel.LotteryDraw.token("IND-" + i))
                    .append('\n');
        Path tokenFile = Files.writeString(HOME.path().resolve("tokens.txt"), tokens);
        CommandRun redrawn = CommandRun.of(
                "channels",
                "redraw",
                "--seed",
                seed,
                "--seed-hash",
                hash,
                "--tokens",
                tokenFile.toString(),
                "--places",
                "3");
        assertThat(redrawn.status()).as(redrawn.err()).isZero();
        assertThat(redrawn.out().lines().toList())
                .containsExactlyElementsOf(granted.stream()
                        .map(org.orderly.regime.channel.LotteryDraw::token)
                        .toList());
    }

    @Test
    void aRankedQuotaGoesToTheHighestPointsAtOrAboveTheCutOff() throws Exception {
        Path file = Files.writeString(HOME.path().resolve("ranked.json"), """
                {"id": "CLI_RANKED", "title": "Points-tested route (CLI test)", "destination": "AUS", "purpose": "WORK",
                 "annualQuota": 2, "procedure": "RANKED"}""");
        assertThat(CommandRun.of("channels", "define", file.toString()).status())
                .isZero();
        Path entries = Files.writeString(HOME.path().resolve("entries.csv"), "R-1,70\nR-2,90\nR-3,60\nR-4,80\n");
        CommandRun ranked = CommandRun.of(
                "channels",
                "rank",
                "--channel",
                "CLI_RANKED",
                "--year",
                "2027",
                "--entries",
                entries.toString(),
                "--cut-off",
                "65");
        assertThat(ranked.status()).as(ranked.err()).isZero();
        assertThat(ranked.out().lines().toList())
                .containsExactly(
                        "R-2: granted place 1",
                        "R-4: granted place 2",
                        "R-1: refused QUOTA_EXHAUSTED",
                        "R-3: refused BELOW_CUT_OFF");
        Path bad = Files.writeString(HOME.path().resolve("bad.csv"), "R-9,many\n");
        assertThat(CommandRun.of(
                                "channels",
                                "rank",
                                "--channel",
                                "CLI_RANKED",
                                "--year",
                                "2028",
                                "--entries",
                                bad.toString(),
                                "--cut-off",
                                "1")
                        .err())
                .contains("bad.csv line 1: expected REFERENCE,POINTS (whole points)");
    }
}
