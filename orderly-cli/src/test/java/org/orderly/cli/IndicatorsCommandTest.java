package org.orderly.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orderly.testing.SharedData;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class IndicatorsCommandTest {
    private static Path shared(String relative) {
        return SharedData.file(relative);
    }

    @Test
    void visaChangesListsEveryDifferingPairOfTwoPublishedMatrices() throws IOException {
        Path older = shared("visa/history/passport-index-tidy-iso3-2024-07-02.csv");
        Path newer = shared("visa/passport-index-tidy-iso3.csv");

        CommandRun run = CommandRun.of("indicators", "visa-changes", "--json", older.toString(), newer.toString());

        assertThat(run.status()).as(run.err()).isZero();
        JsonNode document = JsonMapper.builder().build().readTree(run.out());
        Map<String, String> before = cells(older);
        Map<String, String> after = cells(newer);
        long differing = before.keySet().stream()
                .filter(pair -> !before.get(pair).equals(after.get(pair)))
                .count();
        assertThat(document.get("changes").size()).isEqualTo(differing);
        int total = 0;
        for (JsonNode count : document.get("counts")) total += count.asInt();
        assertThat(total).isEqualTo(document.get("changes").size());
        JsonNode first = document.get("changes").get(0);
        assertThat(before.get(first.get("passport").asString() + ","
                        + first.get("destination").asString()))
                .isEqualTo(first.get("old").asString());
    }

    @Test
    void opennessCountsEveryPassportOnceForEachDestination() {
        Path matrix = shared("visa/passport-index-tidy-iso3.csv");

        CommandRun run = CommandRun.of("indicators", "openness", "--json", matrix.toString());

        assertThat(run.status()).as(run.err()).isZero();
        JsonNode rows = JsonMapper.builder().build().readTree(run.out());
        assertThat(rows.size()).isEqualTo(199);
        for (JsonNode row : rows) {
            int sum = 0;
            for (JsonNode count : row.get("passports")) sum += count.asInt();
            assertThat(sum).as(row.get("destination").asString()).isEqualTo(198);
        }
    }

    @Test
    void aMalformedMatrixIsRefusedWithItsLine(@TempDir Path folder) throws IOException {
        Path bad = folder.resolve("bad-2024-01-01.csv");
        Files.writeString(bad, "Passport,Destination,Requirement\nAFG,ALB,e-visa\nAF,DZA,visa required\n");

        CommandRun run = CommandRun.of("indicators", "openness", bad.toString());

        assertThat(run.status()).isNotZero();
        assertThat(run.err())
                .contains("bad-2024-01-01.csv line 3, column 1 (Passport): 'AF' is not an ISO 3166-1 alpha-3 code");
    }

    private static Map<String, String> cells(Path file) throws IOException {
        Map<String, String> cells = new HashMap<>();
        List<String> lines = Files.readAllLines(file);
        for (String line : lines.subList(1, lines.size())) {
            int last = line.lastIndexOf(',');
            cells.put(line.substring(0, last), line.substring(last + 1));
        }
        return cells;
    }
}
