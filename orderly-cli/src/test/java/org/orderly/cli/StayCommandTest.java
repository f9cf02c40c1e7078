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
        JsonNode control = json(CommandRun.of("stay", "--stay", "2025-01-10..2025-01-19", "--stay", "2025-03-01..2025-03-30",
                "--on", "2025-05-15", "--json"));
        assertThat(control.get("daysUsed").asInt()).isEqualTo(40);
        assertThat(control.get("overstayDays").asInt()).isZero();
        assertThat(control.get("daysLeft").asInt()).isEqualTo(50);
        JsonNode open = json(CommandRun.of("stay", "--rule", "90/180", "--stay", "2025-01-01..", "--on", "2025-04-05", "--json"));
        assertThat(open.get("overstayDays").asInt()).isEqualTo(5);
    }

    @Test
    void planningGivesTheLongestStayAndTheLastLegalDay() {
        JsonNode plan = json(CommandRun.of("stay", "--stay", "2013-01-01..2013-03-31", "--enter", "2013-06-30", "--json"));
        assertThat(plan.get("maxStayDays").asInt()).isEqualTo(90);
        assertThat(plan.get("lastLegalDay").asString()).isEqualTo("2013-09-27");
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
