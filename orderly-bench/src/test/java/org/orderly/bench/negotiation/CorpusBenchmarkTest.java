package org.orderly.bench.negotiation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orderly.testing.SharedData;

/** The corpus benchmark on two real ANAC scenarios copied into a folder of their own (one enumerable, one not). */
class CorpusBenchmarkTest {

    @Test
    void reportsEachScenarioWithOutcomesProofsAndEnumerationWhereItCanVisitEveryOutcome(@TempDir Path corpus)
            throws IOException {
        Path anac = SharedData.folder("negotiation/anac");
        copy(anac.resolve("y2013/Coffee"), corpus.resolve("y2013/Coffee"));
        copy(anac.resolve("y2014/10issueswithRV"), corpus.resolve("y2014/10issueswithRV"));
        ByteArrayOutputStream text = new ByteArrayOutputStream();

        List<CorpusBenchmark.Row> rows =
                CorpusBenchmark.run(corpus, 10, 1, new PrintStream(text, true, StandardCharsets.UTF_8));

        assertThat(rows)
                .extracting(CorpusBenchmark.Row::scenario)
                .containsExactly("y2013/Coffee", "y2014/10issueswithRV");
        CorpusBenchmark.Row coffee = rows.get(0);
        assertThat(coffee.outcomes()).isEqualTo("112");
        assertThat(coffee.solves())
                .hasSize(3)
                .allMatch(s -> Boolean.TRUE.equals(s.sameAsEnumeration()) && s.enumerationSeconds() != null);
        CorpusBenchmark.Row nonlinear = rows.get(1);
        assertThat(nonlinear.outcomes()).isEqualTo("10000000000");
        assertThat(nonlinear.nonlinear()).isTrue();
        assertThat(nonlinear.solves())
                .hasSize(3)
                .allMatch(s -> s.sameAsEnumeration() == null && s.proof().equals("OPTIMAL"));
        assertThat(text.toString(StandardCharsets.UTF_8))
                .contains("y2014/10issueswithRV")
                .contains("10^10")
                .contains("Slowest scenarios")
                .contains("2 scenarios, 6 solves: 6 proven optimal");
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) Files.copy(file, to.resolve(file.getFileName()));
        }
    }
}
