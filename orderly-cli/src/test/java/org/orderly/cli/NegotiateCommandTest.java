package org.orderly.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orderly.negotiation.Deal;
import org.orderly.negotiation.Table;
import org.orderly.negotiation.format.GeniusReader;
import org.orderly.negotiation.format.NegotiationJson;
import org.orderly.negotiation.solver.Enumeration;
import org.orderly.negotiation.solver.Objective;
import org.orderly.negotiation.solver.Outcome;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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

    private static Path genius(String name) {
        try {
            return Path.of(NegotiateCommandTest.class.getResource("/genius/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
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
            Run run = run("negotiate", demoFile().toString(), "--objective", objective.name().toLowerCase(java.util.Locale.ROOT), "--json");
            assertThat(run.status()).as(run.err()).isZero();
            JsonNode outcome = run.json().get("outcome");
            assertThat(outcome.get("result").asString()).isEqualTo("DEAL");
            assertThat(outcome.get("proven").asBoolean()).isTrue();
            Outcome.Proposal enumerated = (Outcome.Proposal) Enumeration.propose(demo, objective);
            assertThat(outcome.get("value").asDouble()).isCloseTo(enumerated.value(), within(1e-6 * Math.max(1, Math.abs(enumerated.value()))));
            Deal deal = deal(outcome);
            for (String party : demo.negotiation().parties()) {
                assertThat(outcome.get("parties").get(party).get("utility").asLong()).isEqualTo(demo.utility(party, deal));
            }
            assertThat(run.json().get("paretoFrontier").get("size").asInt()).isEqualTo(Enumeration.paretoFrontier(demo, false).size());
        }
    }

    @Test
    void printsTheDealUtilitiesProofAndFrontierSizeForPeople() throws IOException {
        Run run = run("negotiate", demoFile().toString());
        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("Deal (joint):").contains("visa-short-stay").contains("Proven optimal")
                .contains("DEU").contains("MAR").containsPattern("Pareto frontier: \\d+ points");
    }

    @Test
    void readsGeniusFilesAndReportsUtilitiesInTheGeniusNormalisation() {
        Path domain = genius("holiday-domain.xml");
        List<Path> profiles = List.of(genius("holiday-ana.xml"), genius("holiday-ben.xml"));
        Table table = GeniusReader.read(domain, profiles);
        Run run = run("negotiate", "--genius", domain.toString(), profiles.get(0).toString(), profiles.get(1).toString(),
                "--objective", "nash", "--json");
        assertThat(run.status()).as(run.err()).isZero();
        JsonNode outcome = run.json().get("outcome");
        Deal deal = deal(outcome);
        for (String party : table.negotiation().parties()) {
            double normalised = outcome.get("parties").get(party).get("normalisedUtility").asDouble();
            assertThat(normalised).isBetween(0.0, 1.0)
                    .isCloseTo((double) table.utility(party, deal) / GeniusReader.POINTS_PER_UNIT, within(1e-9));
        }
        assertThat(outcome.get("proven").asBoolean()).isTrue();
        assertThat(run.json().get("paretoFrontier").get("size").asInt()).isEqualTo(Enumeration.paretoFrontier(table, false).size());
        Run text = run("negotiate", "--genius", domain.toString(), profiles.get(0).toString(), profiles.get(1).toString());
        assertThat(text.out()).contains("GENIUS normalisation").containsPattern("holiday-ana\\s+0\\.\\d{6}");
    }

    @Test
    void badFilesGiveAClearMessageOnStandardErrorAndANonZeroStatus() throws IOException {
        Run unknownIssue = run("negotiate", "--genius", genius("holiday-domain.xml").toString(), genius("holiday-ana.xml").toString(),
                genius("holiday-unknown-issue.xml").toString());
        assertThat(unknownIssue.status()).isNotZero();
        assertThat(unknownIssue.err()).startsWith("orderly: ").contains("holiday-unknown-issue.xml");
        assertThat(unknownIssue.out()).isEmpty();

        Run weights = run("negotiate", "--genius", genius("holiday-domain.xml").toString(), genius("holiday-ana.xml").toString(),
                genius("holiday-bad-weights.xml").toString());
        assertThat(weights.status()).isNotZero();
        assertThat(weights.err()).contains("holiday-bad-weights.xml").containsIgnoringCase("weight");

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
        String impossible = NegotiationJson.write(NegotiationJson.demo()).replace("\"norms\" : [",
                "\"norms\" : [ {\"id\": \"nothing-goes\", \"type\": \"FORBIDS\", \"issue\": \"api-data\", \"options\": [\"none\", \"d30\", \"d90\"]},");
        Path file = folder.resolve("impossible.json");
        Files.writeString(file, impossible);
        Run run = run("negotiate", file.toString());
        assertThat(run.status()).as(run.err()).isEqualTo(NegotiateCommand.NO_DEAL);
        assertThat(run.out()).contains("No deal, because the norms exclude every deal");
    }

    private static Deal deal(JsonNode outcome) {
        Map<String, String> choices = new LinkedHashMap<>();
        outcome.get("deal").properties().forEach(e -> choices.put(e.getKey(), e.getValue().asString()));
        return new Deal(choices);
    }

    @Test
    void whenAllCannotAgreeItNamesTheBlockerAndTheSmallerGroupThatCan() throws Exception {
        java.nio.file.Path file = java.nio.file.Path.of(getClass().getResource("/three-states-one-blocks.json").toURI());
        Run run = run("negotiate", file.toString());
        org.assertj.core.api.Assertions.assertThat(run.status()).as(run.err()).isEqualTo(NegotiateCommand.NO_DEAL);
        org.assertj.core.api.Assertions.assertThat(run.out()).contains("No deal").contains("TUN")
                .contains("a smaller deal is possible among DEU, MAR");
    }
}
