package org.orderly.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orderly.screening.compare.NameComparator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class NamesCommandTest {
    private final NameComparator comparator = new NameComparator();

    @Test
    void comparesTwoNamesWithScoreDecisionAndExplanation() {
        CommandRun run = CommandRun.of("names", "compare", "Mohammed al-Rashid", "RASHID, Muhammad");
        double expected =
                comparator.compare("Mohammed al-Rashid", "RASHID, Muhammad").score();
        assertThat(run.status()).isZero();
        assertThat(run.out())
                .contains("score: " + NamesCommand.score(expected))
                .contains("match: true")
                .contains("explanation: ");
    }

    @Test
    void jsonGivesScoreAndMatch() {
        CommandRun run = CommandRun.of("names", "compare", "--json", "Anna Maria Eriksson", "John Smith");
        JsonNode document = JsonMapper.builder().build().readTree(run.out());
        assertThat(document.get("match").asBoolean()).isFalse();
        assertThat(document.get("score").asDouble()).isLessThan(comparator.threshold());
        assertThat(document.get("explanation").asString()).isNotBlank();
    }

    @Test
    void csvGetsScoreAndMatchAppendedToEveryRowKeepingQuotedCommas(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("pairs.csv");
        Files.writeString(
                file,
                "id,name1,name2\n1,\"SMITH, John\",John Smith\n2,Olga Ivanova,Ольга Иванова\n3,Anna Berg,Pedro Alvarez\n");
        CommandRun run = CommandRun.of("names", "compare", "--csv", file.toString());
        assertThat(run.status()).as(run.err()).isZero();
        List<CSVRecord> rows =
                CSVFormat.RFC4180.parse(new StringReader(run.out())).getRecords();
        assertThat(rows).hasSize(4);
        assertThat(rows.get(0).toList()).containsExactly("id", "name1", "name2", "score", "match");
        assertThat(rows.get(1).get(1)).isEqualTo("SMITH, John");
        assertThat(run.out()).contains("\"SMITH, John\"");
        for (CSVRecord row : rows.subList(1, rows.size())) {
            var c = comparator.compare(row.get(1), row.get(2));
            assertThat(row.get(3)).isEqualTo(NamesCommand.score(c.score()));
            assertThat(row.get(4)).isEqualTo(Boolean.toString(c.match()));
        }
        assertThat(rows.get(1).get(4)).isEqualTo("true");
        assertThat(rows.get(3).get(4)).isEqualTo("false");
    }

    @Test
    void malformedCsvIsRefusedWithItsLineAndNoOutput(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("broken.csv");
        Files.writeString(file, "name1,name2\nAnna Berg,Anna Berg\nJohn Smith,\"Smith, John\n");
        CommandRun run = CommandRun.of("names", "compare", "--csv", file.toString());
        assertThat(run.status()).isNotZero();
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("broken.csv:3:");
    }

    @Test
    void rowWithTooManyFieldsNamesItsLine(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("wide.csv");
        Files.writeString(file, "name1,name2\nAnna Berg,Anna Berg\n\"Olga\nIvanova\",Olga Ivanova\nJohn,Smith,extra\n");
        CommandRun run = CommandRun.of("names", "compare", "--csv", file.toString());
        assertThat(run.status()).isNotZero();
        assertThat(run.err()).contains("wide.csv:5:").contains("expected 2 fields");
    }

    @Test
    void csvWithoutTheNameColumnsIsRefused(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("header.csv");
        Files.writeString(file, "a,b\nx,y\n");
        CommandRun run = CommandRun.of("names", "compare", "--csv", file.toString());
        assertThat(run.status()).isNotZero();
        assertThat(run.err()).contains("header.csv:1:").contains("name1");
    }
}
