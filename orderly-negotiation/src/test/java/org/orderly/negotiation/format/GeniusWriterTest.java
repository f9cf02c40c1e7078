package org.orderly.negotiation.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orderly.negotiation.Deal;
import org.orderly.negotiation.Issue;
import org.orderly.negotiation.Negotiation;
import org.orderly.negotiation.Table;
import org.orderly.negotiation.solver.DealSolver;
import org.orderly.negotiation.solver.Objective;
import org.orderly.negotiation.solver.Outcome;

/** Writing a negotiation as GENIUS files and reading them back gives the same optimum. */
class GeniusWriterTest {
    private final DealSolver solver = new DealSolver();

    @Test
    void aLinearAnacScenarioWrittenAndReadBackKeepsEveryPointAndOptimum(@TempDir Path folder) {
        Table original =
                GeniusReader.readFolder(AnacCorpus.scenario("y2012/LaptopA")).table();
        Table back = GeniusReader.readFolder(writeInto(original, folder)).table();
        assertSameOptima(original, back, true);
    }

    @Test
    void aScenarioWithIntegerIssuesKeepsEveryPointAndOptimum(@TempDir Path folder) {
        // Read values are rounded to points, so they are no longer exactly linear in the number: written as
        // hyper-rectangles.
        GeniusScenario original = GeniusReader.readFolder(AnacCorpus.scenario("y2015/group9-vacation"));
        GeniusScenario back = GeniusReader.readFolder(writeInto(original.table(), folder));
        assertSameOptima(original.table(), back.table(), true);
    }

    @Test
    void aNonlinearAnacScenarioWrittenAndReadBackKeepsItsOptimum(@TempDir Path folder) {
        GeniusScenario original = GeniusReader.readFolder(AnacCorpus.scenario("y2014/10issueswithRV"));
        GeniusScenario back = GeniusReader.readFolder(writeInto(original.table(), folder));
        assertThat(back.profiles().values()).allMatch(GeniusScenario.Profile::nonlinear);
        // Its rectangles add up to more than maxutility, so the common scale is larger than one unit: same deals,
        // rescaled points.
        assertSameOptima(original.table(), back.table(), false);
    }

    @Test
    void theMigrationDemonstrationWithItsBundlesGoesOutAsHyperRectanglesWithTheSameOptimalDeals(@TempDir Path folder) {
        Table demo = NegotiationJson.demo();
        // GENIUS has no norms: compare on the demonstration without them.
        Negotiation n = demo.negotiation();
        Table withoutNorms = new Table(
                new Negotiation(n.id(), n.title(), n.parties(), n.issues(), List.of(), n.margin()), demo.valuations());
        GeniusScenario back = GeniusReader.readFolder(writeInto(withoutNorms, folder));
        assertThat(back.parties()).containsExactlyElementsOf(n.parties());
        assertSameOptima(withoutNorms, back.table(), false);
    }

    @Test
    void markupInATitleIsEscapedAndEveryFileIsWellFormedXml(@TempDir Path folder) throws Exception {
        Table demo = NegotiationJson.demo();
        Negotiation n = demo.negotiation();
        String title = "Mobility & readmission <draft> \"2026\" 'B'";
        Table renamed = new Table(
                new Negotiation(n.id(), title, n.parties(), n.issues(), List.of(), n.margin()), demo.valuations());
        for (Path file : GeniusWriter.write(renamed, folder)) {
            org.w3c.dom.Document document = javax.xml.parsers.DocumentBuilderFactory.newInstance()
                    .newDocumentBuilder()
                    .parse(file.toFile());
            org.w3c.dom.Element objective = (org.w3c.dom.Element)
                    document.getElementsByTagName("objective").item(0);
            assertThat(objective.getAttribute("name"))
                    .as(file.getFileName().toString())
                    .isEqualTo(title);
        }
        assertThat(GeniusReader.readFolder(folder).parties()).containsExactlyElementsOf(n.parties());
    }

    private static Path writeInto(Table table, Path folder) {
        List<Path> files = GeniusWriter.write(table, folder);
        assertThat(files).hasSize(table.negotiation().parties().size() + 1);
        return folder;
    }

    /**
     * For every objective the read-back scenario's optimal deal, taken back to the original issues, is
     * optimal in the original; with {@code samePoints} the optimum values are equal too.
     */
    private void assertSameOptima(Table original, Table back, boolean samePoints) {
        for (Objective objective : Objective.values()) {
            Outcome.Proposal first = (Outcome.Proposal) solver.propose(original, objective);
            Outcome.Proposal second = (Outcome.Proposal) solver.propose(back, objective);
            assertThat(first.proven()).isTrue();
            assertThat(second.proven()).isTrue();
            Deal translated = translate(original, back, second.deal());
            assertThat(original.individuallyRational(translated))
                    .as(objective.name())
                    .isTrue();
            assertThat(value(original, objective, translated))
                    .as(objective.name())
                    .isEqualTo(first.value(), org.assertj.core.api.Assertions.within(1e-9 * Math.abs(first.value())));
            if (samePoints)
                assertThat(second.value())
                        .as(objective.name())
                        .isEqualTo(
                                first.value(), org.assertj.core.api.Assertions.within(1e-9 * Math.abs(first.value())));
        }
    }

    /** A read-back deal in the original's options: numbers that stand for a discrete issue's options by position are mapped back. */
    private static Deal translate(Table original, Table back, Deal deal) {
        Map<String, String> choices = new LinkedHashMap<>();
        for (Issue issue : original.negotiation().issues()) {
            String chosen = deal.option(issue.id());
            Issue written = back.negotiation().issue(issue.id()).orElseThrow();
            choices.put(
                    issue.id(),
                    written.integer() && !issue.integer()
                            ? issue.options().get(Integer.parseInt(chosen)).id()
                            : chosen);
        }
        return new Deal(choices);
    }

    private static double value(Table table, Objective objective, Deal deal) {
        List<String> parties = table.negotiation().parties();
        return switch (objective) {
            case JOINT -> parties.stream().mapToDouble(p -> table.gain(p, deal)).sum();
            case NASH -> parties.stream().mapToDouble(p -> table.gain(p, deal)).reduce(1, (a, b) -> a * b);
            case MAXMIN ->
                parties.stream().mapToDouble(p -> table.gain(p, deal)).min().orElseThrow();
        };
    }
}
