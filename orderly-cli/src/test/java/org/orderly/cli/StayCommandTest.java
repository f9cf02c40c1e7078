package org.orderly.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code orderly stay}: the answers as the issue names them, and a bad stay refused with what is wrong. */
class StayCommandTest {
    private static JsonNode json(CommandRun run) {
        assertThat(run.status()).as(run.err()).isZero();
        return JsonMapper.builder().build().readTree(run.out());
    }

    @Test
    void controlGivesDaysUsedOverstayAndDaysLeft() {
        JsonNode control = json(CommandRun.of(
                "stay",
                "--stay",
                "2025-01-10..2025-01-19",
                "--stay",
                "2025-03-01..2025-03-30",
                "--on",
                "2025-05-15",
                "--json"));
        assertThat(control.get("daysUsed").asInt()).isEqualTo(40);
        assertThat(control.get("overstayDays").asInt()).isZero();
        assertThat(control.get("daysLeft").asInt()).isEqualTo(50);
        JsonNode open = json(
                CommandRun.of("stay", "--rule", "90/180", "--stay", "2025-01-01..", "--on", "2025-04-05", "--json"));
        assertThat(open.get("overstayDays").asInt()).isEqualTo(5);
    }

    @Test
    void planningGivesTheLongestStayAndTheLastLegalDay() {
        JsonNode plan =
                json(CommandRun.of("stay", "--stay", "2013-01-01..2013-03-31", "--enter", "2013-06-30", "--json"));
        assertThat(plan.get("maxStayDays").asInt()).isEqualTo(90);
        assertThat(plan.get("lastLegalDay").asString()).isEqualTo("2013-09-27");
    }

    @Test
    void readsEveryRuleCodeAsTheApiAndTheCrossingsDo() {
        // Issue 27 item 2: one reader of stay rules; the command line read N/M only.
        JsonNode fixed =
                json(CommandRun.of("stay", "--rule", "30d", "--stay", "2025-03-01..", "--on", "2025-04-05", "--json"));
        assertThat(fixed.get("overstayDays").asInt()).isEqualTo(6);
        JsonNode visa = json(CommandRun.of(
                "stay",
                "--rule",
                "visa:2025-01-01..2025-06-30:1:30/180",
                "--stay",
                "2025-01-10..2025-01-19",
                "--enter",
                "2025-03-01",
                "--json"));
        assertThat(visa.get("maxStayDays").asInt())
                .as("a single-entry visa already used")
                .isZero();
        CommandRun title = CommandRun.of(
                "stay", "--rule", "not-counted:residence_permit", "--stay", "2025-01-01..", "--on", "2025-12-31");
        assertThat(title.status()).as(title.err()).isZero();
        assertThat(title.out()).contains("0 days used").contains("no limit");
    }

    @Test
    void aBadStayOrRuleIsRefusedSayingWhat() {
        CommandRun badDate = CommandRun.of("stay", "--stay", "2025-01-01..2025-13-01", "--on", "2025-02-01");
        assertThat(badDate.status()).isNotZero();
        assertThat(badDate.err()).contains("the exit date '2025-13-01' is not an ISO date");
        CommandRun badRule = CommandRun.of("stay", "--rule", "180/90", "--on", "2025-02-01");
        assertThat(badRule.status()).isNotZero();
        assertThat(badRule.err()).contains("1 ≤ N < M");
    }
}
