package org.orderly.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.orderly.testing.SharedData;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * `indicators compute` on the real public data in a fresh ORDERLY_HOME: the command line computes what the server
 * publishes (issue 24, item 1), so its 2022 reciprocity leaves the temporary COVID-19 bans out as an independent recount
 * of the raw file does.
 */
class IndicatorsComputeCommandTest {
    @RegisterExtension
    static final FreshHome HOME = new FreshHome("orderly-cli-indicators");

    @Test
    void reciprocityOn2022EqualsAnIndependentRecountThatLeavesCovidBansOut() throws IOException {
        Path covid = SharedData.file("visa/history/passport-index-tidy-iso3-2022-07-03.csv");
        Path data = SharedData.root();
        Map<String, String> cells = cells(covid);
        for (String state : List.of("ARM", "AZE", "GEO")) {
            CommandRun run =
                    CommandRun.of("indicators", "compute", "--party", state, "--data", data.toString(), "--json");
            assertThat(run.status()).as(run.err()).isZero();
            JsonNode values = JsonMapper.builder().build().readTree(run.out());
            JsonNode reciprocity = null;
            for (JsonNode v : values) {
                if (v.get("indicatorId").asString().equals("visa-reciprocity")
                        && v.get("period").asString().equals("2022-07-03")) reciprocity = v;
            }
            assertThat(reciprocity).as(state).isNotNull();
            assertThat(reciprocity.get("value").asDouble()).as(state).isEqualTo(recount(cells, state));
        }
    }

    /**
     * Issue 27 item 3: after {@code import wdi} the command line computes from the imported series, as the server does
     * ({@code MonitoringTest.aWdiSeriesImportedIntoTheDatabaseIsPreferredToTheFile}), and so does the policy lab's
     * remittance corridors: all read MonitoringSources.
     */
    @Test
    void afterImportWdiTheCommandLineComputesFromTheImportedSeriesAsTheServerDoes() throws IOException {
        Path original = SharedData.file("remittances/sending-cost-to-country.xls");
        Path data = SharedData.root();
        JsonNode before = remittanceCostTo(data);
        String year = before.get("period").asString();
        assertThat(before.get("value").asDouble()).isNotEqualTo(42.5);
        // The same export with one cell changed (Mexico, the latest year), written by POI as Excel writes it.
        Path changed = HOME.path().resolve("sending-cost-to-country.xls");
        try (var in = Files.newInputStream(original);
                var workbook = new org.apache.poi.hssf.usermodel.HSSFWorkbook(in)) {
            var sheet = workbook.getSheet("Data");
            int yearColumn = -1;
            for (var row : sheet) {
                if (yearColumn < 0) {
                    for (var cell : row)
                        if (cell.toString().replace(".0", "").equals(year)) yearColumn = cell.getColumnIndex();
                    continue;
                }
                if (row.getCell(1) != null && row.getCell(1).toString().equals("MEX"))
                    row.getCell(yearColumn).setCellValue(42.5);
            }
            try (var out = Files.newOutputStream(changed)) {
                workbook.write(out);
            }
        }
        CommandRun imported = CommandRun.of("import", "wdi", changed.toString());
        assertThat(imported.status()).as(imported.err()).isZero();
        JsonNode after = remittanceCostTo(data);
        assertThat(after.get("period").asString()).isEqualTo(year);
        assertThat(after.get("value").asDouble()).isEqualTo(42.5);
        assertThat(after.get("provenance").get(0).get("kind").asString()).isEqualTo("import run");

        // The policy lab's remittance corridors take the same series (MonitoringSources), not the file beside it.
        CommandRun lab = CommandRun.of("lab", "remittances", "--data", data.toString(), "--json");
        assertThat(lab.status()).as(lab.err()).isZero();
        JsonNode report = JsonMapper.builder().build().readTree(lab.out());
        List<JsonNode> toMexico = new java.util.ArrayList<>();
        for (JsonNode corridor : report.get("corridors")) {
            if (corridor.get("origin").asString().equals("MEX")
                    && corridor.get("costBasis").asString().startsWith("average cost of sending to MEX")) {
                toMexico.add(corridor);
            }
        }
        assertThat(toMexico)
                .as("corridors priced at the average cost of sending to Mexico")
                .isNotEmpty();
        for (JsonNode corridor : toMexico) {
            assertThat(corridor.get("costBasis").asString()).contains("(" + year + ")");
            assertThat(corridor.get("costPercent").asDouble())
                    .as(corridor.toString())
                    .isEqualTo(42.5);
        }
        assertThat(report.get("sources").toString()).contains("import run #").contains("of WDI SI.RMT.COST.IB.ZS from");
    }

    private static JsonNode remittanceCostTo(Path data) {
        CommandRun run = CommandRun.of("indicators", "compute", "--party", "MEX", "--data", data.toString(), "--json");
        assertThat(run.status()).as(run.err()).isZero();
        JsonNode last = null;
        for (JsonNode v : JsonMapper.builder().build().readTree(run.out())) {
            boolean valued = v.get("value") != null && !v.get("value").isNull();
            if (v.get("indicatorId").asString().equals("remittance-cost-to")
                    && valued
                    && (last == null
                            || v.get("period")
                                            .asString()
                                            .compareTo(last.get("period").asString())
                                    > 0)) last = v;
        }
        assertThat(last).as("a remittance cost to Mexico").isNotNull();
        return last;
    }

    /** Reciprocity from the raw cells: partners listed both ways with no COVID-19 ban either way, same kind both ways. */
    private static double recount(Map<String, String> cells, String state) {
        TreeSet<String> others = new TreeSet<>();
        cells.keySet().forEach(pair -> others.add(pair.substring(0, 3)));
        int partners = 0;
        int same = 0;
        for (String other : others) {
            if (other.equals(state)) continue;
            String admits = cells.get(other + "," + state);
            String admitted = cells.get(state + "," + other);
            if (admits == null || admitted == null || admits.equals("covid ban") || admitted.equals("covid ban"))
                continue;
            partners++;
            if (kind(admits).equals(kind(admitted))) same++;
        }
        return (double) same / partners;
    }

    private static String kind(String cell) {
        return cell.matches("[0-9]+") ? "visa free" : cell;
    }

    private static Map<String, String> cells(Path file) throws IOException {
        Map<String, String> cells = new HashMap<>();
        List<String> lines = Files.readAllLines(file);
        for (String line : lines.subList(1, lines.size())) {
            int last = line.lastIndexOf(',');
            cells.put(line.substring(0, last), line.substring(last + 1).trim());
        }
        return cells;
    }
}
