package org.orderly.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orderly.regime.reference.ReferenceData;
import org.orderly.testing.SharedData;

/**
 * Damaged files derived at test time from the real data sets (header only, cut at a row boundary, cut mid-row) must not
 * replace the registry's data unless forced, and the refusal says by how much.
 */
class ImportReplacementTest {
    private static final Path SHARED = SharedData.root();
    private static final Path MATRIX = SHARED.resolve("visa/passport-index-tidy-iso3.csv");
    private static final Path CAT = SHARED.resolve("ratifications/hr_status_cat.csv");

    @TempDir
    Path dir;

    RegistryStore store;

    @BeforeEach
    void registry() {
        SharedData.file("visa/passport-index-tidy-iso3.csv");
        SharedData.file("ratifications/hr_status_cat.csv");
        store = TestDatabase.emptyStore();
        store.saveReference(ReferenceData.load());
    }

    private Path derived(String name, List<String> lines, String tail) throws IOException {
        return Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n" + tail, StandardCharsets.UTF_8);
    }

    @Test
    void refusesAHeaderOnlyOrHalfVisaMatrixUnlessForced() throws IOException {
        VisaMatrixImporter importer = new VisaMatrixImporter(store);
        int full = importer.importFile(MATRIX, DemoData.VISA_MATRIX_AS_OF).rowsWritten();
        assertThat(full).isEqualTo(39_402);
        List<String> lines = Files.readAllLines(MATRIX, StandardCharsets.UTF_8);

        Path headerOnly = derived("header-only.csv", lines.subList(0, 1), "");
        assertThatThrownBy(() -> importer.importFile(headerOnly, DemoData.VISA_MATRIX_AS_OF))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("header-only.csv")
                .hasMessageContaining("replace 39402 entry policies covering 199 states with 0 covering 0")
                .hasMessageContaining("remove 39402 of them (100%)")
                .hasMessageContaining("--replace")
                .hasMessageContaining("nothing was imported");
        assertThat(store.countEntryPolicies()).isEqualTo(full);

        List<String> firstHalf = lines.subList(0, 1 + (lines.size() - 1) / 2);
        Path half = derived("half.csv", firstHalf, "");
        // Rows of the half that are not a passport's own country: the entry policies it brings.
        long halfPolicies = firstHalf.stream()
                .skip(1)
                .map(line -> line.split(","))
                .filter(cells -> !cells[0].equals(cells[1]))
                .count();
        assertThatThrownBy(() -> importer.importFile(half, DemoData.VISA_MATRIX_AS_OF))
                .hasMessageContaining("half.csv")
                .hasMessageContaining(
                        "replace 39402 entry policies covering 199 states with " + halfPolicies + " covering")
                .hasMessageContaining("holds 50% as many rows");
        assertThat(store.countEntryPolicies()).isEqualTo(full);

        ImportReport forced = importer.importFile(half, DemoData.VISA_MATRIX_AS_OF, true);
        assertThat(forced.rowsWritten()).isEqualTo(halfPolicies);
        assertThat(store.countEntryPolicies()).as("--replace imports it").isEqualTo(halfPolicies);
        assertThat(importer.importFile(MATRIX, DemoData.VISA_MATRIX_AS_OF).rowsWritten())
                .as("a file that brings more is never refused")
                .isEqualTo(full);
    }

    @Test
    void refusesAVisaMatrixCutAtEightyPercentThatDropsWholePassportsUnlessForced() throws IOException {
        VisaMatrixImporter importer = new VisaMatrixImporter(store);
        int full = importer.importFile(MATRIX, DemoData.VISA_MATRIX_AS_OF).rowsWritten();
        List<String> lines = Files.readAllLines(MATRIX, StandardCharsets.UTF_8);
        // Cut at a row boundary after 80 % of the rows: rows, states covered and policies removed all pass the other
        // checks.
        List<String> kept = lines.subList(0, 1 + (lines.size() - 1) * 4 / 5);
        Path cut = derived("cut-at-80-percent.csv", kept, "");

        // What the cut loses, counted from the file itself: the passports of the full file that no kept row has.
        Map<String, Integer> policiesByPassport = policiesByPassport(lines);
        Map<String, Integer> keptByPassport = policiesByPassport(kept);
        List<String> dropped = policiesByPassport.keySet().stream()
                .filter(p -> !keptByPassport.containsKey(p))
                .sorted()
                .toList();
        int droppedPolicies = dropped.stream().mapToInt(policiesByPassport::get).sum();
        int keptPolicies =
                keptByPassport.values().stream().mapToInt(Integer::intValue).sum();
        String last = kept.get(kept.size() - 1).split(",")[0];
        assertThat(dropped).as("the passports after the cut").hasSizeGreaterThan(30);
        assertThat(keptPolicies).isGreaterThan(full * 3 / 4);

        assertThatThrownBy(() -> importer.importFile(cut, DemoData.VISA_MATRIX_AS_OF))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("cut-at-80-percent.csv")
                .hasMessageContaining("replace " + full + " entry policies covering 199 states with " + keptPolicies
                        + " covering 199;")
                .hasMessageContaining("it drops all " + droppedPolicies + " entry policies of " + dropped.size()
                        + " passports that have them now (" + String.join(", ", dropped.subList(0, 12)) + ", …)")
                .hasMessageContaining("and its last, " + last + ", brings " + keptByPassport.get(last) + " of its "
                        + policiesByPassport.get(last) + ": a download cut short ends so")
                .hasMessageContaining("--replace");
        assertThat(store.countEntryPolicies()).as("nothing imported").isEqualTo(full);

        assertThat(importer.importFile(cut, DemoData.VISA_MATRIX_AS_OF, true).rowsWritten())
                .as("--replace imports it")
                .isEqualTo(keptPolicies);
        assertThat(store.countEntryPolicies()).isEqualTo(keptPolicies);
    }

    /** Entry policies (rows that are not a passport's own country) by passport. */
    private static Map<String, Integer> policiesByPassport(List<String> lines) {
        Map<String, Integer> counts = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            if (!cells[0].equals(cells[1])) counts.merge(cells[0], 1, Integer::sum);
        }
        return counts;
    }

    @Test
    void refusesATreatyFileCutMidRowAndOneCutAtARowUnlessForced() throws IOException {
        TreatyStatusImporter importer = new TreatyStatusImporter(store);
        int full = importer.importFile("CAT", CAT, DemoData.TREATY_STATUS_AS_OF).rowsWritten();
        assertThat(full).isGreaterThan(150);
        List<String> lines = Files.readAllLines(CAT, StandardCharsets.UTF_8);
        int cut = lines.size() * 2 / 5;
        String row = lines.get(cut);

        // Cut mid-row: the row itself is refused, with its line and the column where it ends.
        Path midRow = derived("cut-mid-row.csv", lines.subList(0, cut), row.substring(0, row.lastIndexOf(',') - 2));
        assertThatThrownBy(() -> importer.importFile("CAT", midRow, DemoData.TREATY_STATUS_AS_OF, true))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("cut-mid-row.csv line " + (cut + 1))
                .hasMessageContaining("the row ends after 7 fields but the header has 8");
        assertThat(store.load().participationsIn("CAT")).hasSize(full);

        // Cut at a row boundary: every row is whole, only the numbers give it away.
        Path atRow = derived("cut-at-row.csv", lines.subList(0, cut), "");
        assertThatThrownBy(() -> importer.importFile("CAT", atRow, DemoData.TREATY_STATUS_AS_OF))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("cut-at-row.csv")
                .hasMessageContaining("replace " + full + " participations in CAT covering " + full + " states with ")
                .hasMessageContaining("--replace");
        assertThat(store.load().participationsIn("CAT")).hasSize(full);

        ImportReport forced = importer.importFile("CAT", atRow, DemoData.TREATY_STATUS_AS_OF, true);
        assertThat(forced.rowsWritten()).isLessThan(full * 3 / 4);
        assertThat(store.load().participationsIn("CAT")).hasSize(forced.rowsWritten());
    }
}
