package org.orderly.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.orderly.testing.SharedData;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class LabCommandTest {
    @RegisterExtension
    static final FreshHome HOME = new FreshHome("orderly-lab-cli");

    private static Path shared() {
        SharedData.folder("migration");
        return SharedData.root();
    }

    @Test
    void projectPrintsCorridorsDestinationsTheModelWithStandardErrorsAndItsValidation(@TempDir Path dir)
            throws IOException {
        Path data = shared();
        CommandRun run =
                CommandRun.of("lab", "project", "--year", "2025", "--data", data.toString(), "--limit", "20", "--json");
        assertThat(run.status()).as(run.err()).isZero();
        JsonNode report = JsonMapper.builder().build().readTree(run.out());
        assertThat(report.get("year").asInt()).isEqualTo(2025);
        assertThat(report.get("dataYear").asInt()).isEqualTo(2015);
        JsonNode first = report.get("corridors").get(0);
        assertThat(first.get("origin").asString()).isEqualTo("MEX");
        assertThat(first.get("destination").asString()).isEqualTo("USA");
        assertThat(first.get("low").asDouble()).isLessThan(first.get("stock").asDouble());
        assertThat(first.get("high").asDouble())
                .isGreaterThan(first.get("stock").asDouble());
        assertThat(report.get("corridors").size()).isEqualTo(20);
        assertThat(report.get("corridorsProjected").asInt()).isGreaterThan(40_000);
        assertThat(report.get("destinations").get(0).get("destination").asString())
                .isEqualTo("USA");
        JsonNode network = report.get("model").get("coefficients").get(1);
        assertThat(network.get("term").asString()).isEqualTo("NETWORK");
        assertThat(network.get("standardError").asDouble()).isPositive();
        JsonNode heldOut = report.get("validation").get("results").get(1);
        assertThat(heldOut.get("specification").asString()).isEqualTo("gravity");
        assertThat(heldOut.get("predicted").asInt()).isEqualTo(2015);
        assertThat(heldOut.get("model").asDouble())
                .isLessThan(heldOut.get("carryForward").asDouble());

        Path deal = Files.writeString(dir.resolve("deal.json"), """
                {"instrument": {"id": "DRAFT-DEU-MAR", "inForce": "2026-01-01"},
                 "commitments": [{"kind": "LABOUR_ACCESS", "grantors": ["DEU"], "beneficiaries": ["MAR"],
                                  "terms": {"sector": "care", "annual_quota": 1000}}]}
                """);
        CommandRun scenario = CommandRun.of(
                "lab",
                "project",
                "--year",
                "2030",
                "--data",
                data.toString(),
                "--scenario",
                deal.toString(),
                "--channel-fill",
                "0.5",
                "--limit",
                "5",
                "--json");
        assertThat(scenario.status()).as(scenario.err()).isZero();
        JsonNode result = JsonMapper.builder().build().readTree(scenario.out()).get("scenario");
        assertThat(result.get("changes")).hasSize(1);
        assertThat(result.get("changes").get(0).get("change").asDouble()).isEqualTo(1000 * 5 * 0.5);
        assertThat(result.get("states").findValuesAsString("state")).containsExactlyInAnyOrder("DEU", "MAR");
    }

    @Test
    void remittancesGivesCorridorsAndStatesWithFeesAndSavings() {
        CommandRun run = CommandRun.of("lab", "remittances", "--data", shared().toString(), "--limit", "10", "--json");
        assertThat(run.status()).as(run.err()).isZero();
        JsonNode report = JsonMapper.builder().build().readTree(run.out());
        assertThat(report.get("targetPercent").asDouble()).isEqualTo(3.0);
        assertThat(report.get("corridors")).hasSize(10);
        JsonNode largest = report.get("corridors").get(0);
        assertThat(largest.get("amount").asDouble())
                .isGreaterThan(report.get("corridors").get(9).get("amount").asDouble());
        assertThat(report.get("method").asString()).contains("migrant-stock weights");
    }

    @Test
    void badInputIsRefusedWithWhereAndANonZeroStatus(@TempDir Path dir) throws IOException {
        Path data = shared();
        CommandRun early = CommandRun.of("lab", "project", "--year", "2010", "--data", data.toString(), "--json");
        assertThat(early.status()).isNotZero();
        assertThat(early.err())
                .contains(
                        "year 2010 is out of range: projections start after the last year of the migration data (2015)");
        Path bad = Files.writeString(
                dir.resolve("bad.json"),
                "{\"instrument\": {\"id\": \"X\", \"inForce\": \"2026-01-01\"}, \"commitments\": [{}]}");
        CommandRun refused = CommandRun.of(
                "lab", "project", "--year", "2030", "--data", data.toString(), "--scenario", bad.toString());
        assertThat(refused.status()).isNotZero();
        assertThat(refused.err()).contains("orderly: bad.json: $.commitments[0].kind: is required");
        CommandRun noData = CommandRun.of("lab", "project", "--year", "2030", "--data", dir.toString());
        assertThat(noData.status()).isNotZero();
        assertThat(noData.err()).contains("migration").contains("no such folder");
    }
}
