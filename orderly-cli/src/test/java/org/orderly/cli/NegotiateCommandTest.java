package org.orderly.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orderly.negotiation.Deal;
import org.orderly.negotiation.Table;
import org.orderly.negotiation.format.GeniusReader;
import org.orderly.negotiation.format.NegotiationJson;
import org.orderly.negotiation.solver.Enumeration;
import org.orderly.negotiation.solver.Objective;
import org.orderly.negotiation.solver.Outcome;
import org.orderly.testing.SharedData;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class NegotiateCommandTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path folder;

    record Run(int status, String out, String err) {
        JsonNode json() {
            return JSON.readTree(out);
        }
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = Orderly.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int status = commandLine.execute(args);
        return new Run(status, out.toString(), err.toString());
    }

    private Path demoFile() throws IOException {
        Path file = folder.resolve("deu-mar.json");
        Files.writeString(file, NegotiationJson.write(NegotiationJson.demo()));
        return file;
    }

    @Test
    void solvesTheDemonstrationForEachObjectiveAsEnumerationDoes() throws IOException {
        Table demo = NegotiationJson.demo();
        for (Objective objective : Objective.values()) {
            Run run = run(
                    "negotiate",
                    demoFile().toString(),
                    "--objective",
                    objective.name().toLowerCase(java.util.Locale.ROOT),
                    "--json");
            assertThat(run.status()).as(run.err()).isZero();
            JsonNode outcome = run.json().get("outcome");
            assertThat(outcome.get("result").asString()).isEqualTo("DEAL");
            assertThat(outcome.get("proven").asBoolean()).isTrue();
            Outcome.Proposal enumerated = (Outcome.Proposal) Enumeration.propose(demo, objective);
            assertThat(outcome.get("value").asDouble())
                    .isCloseTo(enumerated.value(), within(1e-6 * Math.max(1, Math.abs(enumerated.value()))));
            Deal deal = deal(outcome);
            for (String party : demo.negotiation().parties()) {
                assertThat(outcome.get("parties").get(party).get("utility").asLong())
                        .isEqualTo(demo.utility(party, deal));
            }
            assertThat(run.json().get("paretoFrontier").get("size").asInt())
                    .isEqualTo(Enumeration.paretoFrontier(demo, false).size());
        }
    }

    @Test
    void printsTheDealUtilitiesProofAndFrontierSizeForPeople() throws IOException {
        Run run = run("negotiate", demoFile().toString());
        assertThat(run.status()).isZero();
        assertThat(run.out())
                .contains("Deal (joint):")
                .contains("visa-short-stay")
                .contains("Proven optimal")
                .contains("DEU")
                .contains("MAR")
                .containsPattern("Pareto frontier: \\d+ points");
    }

    /** An ANAC scenario folder in ../shared/data; the calling test is skipped when the corpus is absent. */
    private static Path anac(String scenario) {
        return SharedData.folder("negotiation/anac").resolve(scenario);
    }

    @Test
    void readsARealGeniusScenarioGivenInAnyOrderAndReportsTheGeniusNormalisation() {
        Path scenario = anac("y2013/Coffee");
        Table table = GeniusReader.readFolder(scenario).table();
        // Profiles first, the domain last: the domain is the file whose root is <negotiation_template>.
        Run run = run(
                "negotiate",
                "--genius",
                scenario.resolve("Coffee_util2.xml").toString(),
                scenario.resolve("Coffee_util1.xml").toString(),
                scenario.resolve("Coffee.xml").toString(),
                "--objective",
                "nash",
                "--json");
        assertThat(run.status()).as(run.err()).isZero();
        JsonNode outcome = run.json().get("outcome");
        Deal deal = deal(outcome);
        for (String party : table.negotiation().parties()) {
            double normalised =
                    outcome.get("parties").get(party).get("normalisedUtility").asDouble();
            assertThat(normalised)
                    .isBetween(0.0, 1.0)
                    .isCloseTo((double) table.utility(party, deal) / GeniusReader.POINTS_PER_UNIT, within(1e-9));
            assertThat(run.json()
                            .get("profiles")
                            .get(party)
                            .get("discountFactor")
                            .isNumber())
                    .isTrue();
        }
        Outcome.Proposal enumerated = (Outcome.Proposal) Enumeration.propose(table, Objective.NASH);
        assertThat(outcome.get("proven").asBoolean()).isTrue();
        assertThat(outcome.get("value").asDouble()).isCloseTo(enumerated.value(), within(1e-9 * enumerated.value()));
        assertThat(outcome.get("normalisedValue").asDouble())
                .isCloseTo(enumerated.value() / Math.pow(GeniusReader.POINTS_PER_UNIT, 2), within(1e-9));
        assertThat(run.json().get("paretoFrontier").get("size").asInt())
                .isEqualTo(Enumeration.paretoFrontier(table, false).size());
    }

    @Test
    void readsAScenarioFolderWithItsParetoFileBesideIt() {
        Run text = run("negotiate", "--genius", anac("y2014/10issuesDiscounted").toString(), "--objective", "maxmin");
        assertThat(text.status()).as(text.err()).isZero();
        assertThat(text.out())
                .contains("GENIUS normalisation")
                .containsPattern("profile-1\\s+0\\.\\d{6}")
                .contains("Proven optimal")
                .contains("discounts by");
    }

    @Test
    void badFilesGiveAClearMessageOnStandardErrorAndANonZeroStatus() throws IOException {
        Path scenario = anac("y2012/LaptopA");
        Path copy = folder.resolve("laptop");
        Files.createDirectories(copy);
        for (String name : List.of("Laptop-A-domain.xml", "Laptop-A-prof1.xml", "Laptop-A-prof2.xml"))
            Files.copy(scenario.resolve(name), copy.resolve(name));
        Path profile = copy.resolve("Laptop-A-prof2.xml");
        Files.writeString(profile, Files.readString(profile).replace("<weight index=\"3\"", "<weight index=\"9\""));
        Run unknownIssue = run("negotiate", "--genius", copy.toString());
        assertThat(unknownIssue.status()).isNotZero();
        assertThat(unknownIssue.err())
                .startsWith("orderly: ")
                .contains("Laptop-A-prof2.xml")
                .contains("<weight index=\"9\"")
                .containsPattern("at line \\d+, column \\d+")
                .contains("the domain has no issue with index 9");
        assertThat(unknownIssue.out()).isEmpty();

        Path broken = folder.resolve("broken.json");
        Files.writeString(broken, "{\"format\": \"orderly-negotiation/1\", \"id\": \"X\",\n \"parties\": [\"DEU\"");
        Run json = run("negotiate", broken.toString());
        assertThat(json.status()).isNotZero();
        assertThat(json.err()).contains("broken.json").contains("line 2");

        Run objective = run("negotiate", demoFile().toString(), "--objective", "fairest");
        assertThat(objective.status()).isNotZero();
        assertThat(objective.err()).contains("unknown objective 'fairest'");
    }

    @Test
    void saysNoDealBecauseWithADistinctStatusWhenTheNormsExcludeEveryDeal() throws IOException {
        String impossible = NegotiationJson.write(NegotiationJson.demo())
                .replace(
                        "\"norms\" : [",
                        "\"norms\" : [ {\"id\": \"nothing-goes\", \"type\": \"FORBIDS\", \"issue\": \"api-data\", \"options\": [\"none\", \"d30\", \"d90\"]},");
        Path file = folder.resolve("impossible.json");
        Files.writeString(file, impossible);
        Run run = run("negotiate", file.toString());
        assertThat(run.status()).as(run.err()).isEqualTo(NegotiateCommand.NO_DEAL);
        assertThat(run.out()).contains("No deal, because the norms exclude every deal");
    }

    private static Deal deal(JsonNode outcome) {
        Map<String, String> choices = new LinkedHashMap<>();
        outcome.get("deal")
                .properties()
                .forEach(e -> choices.put(e.getKey(), e.getValue().asString()));
        return new Deal(choices);
    }

    @Test
    void whenAllCannotAgreeItNamesTheBlockerAndTheSmallerGroupThatCan() throws Exception {
        java.nio.file.Path file = java.nio.file.Path.of(
                getClass().getResource("/three-states-one-blocks.json").toURI());
        Run run = run("negotiate", file.toString());
        org.assertj.core.api.Assertions.assertThat(run.status()).as(run.err()).isEqualTo(NegotiateCommand.NO_DEAL);
        org.assertj.core.api.Assertions.assertThat(run.out())
                .contains("No deal")
                .contains("TUN")
                .contains("a smaller deal is possible among DEU, MAR");
    }
}
