package org.orderly.monitoring.visa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orderly.csv.CsvException;
import org.orderly.testing.SharedData;

class VisaChangesTest {
    private static final String[] SNAPSHOTS = {
        "visa/history/passport-index-tidy-iso3-2022-07-03.csv",
        "visa/history/passport-index-tidy-iso3-2023-08-15.csv",
        "visa/history/passport-index-tidy-iso3-2024-07-02.csv",
        "visa/passport-index-tidy-iso3.csv"
    };

    @Test
    void readsEveryPublishedSnapshotWithItsDate() {
        for (String name : SNAPSHOTS) {
            Path file = SharedData.file(name);
            VisaSnapshot snapshot =
                    VisaSnapshot.read(file, name.contains("history") ? null : LocalDate.of(2025, 1, 12));
            assertThat(snapshot.states()).hasSizeGreaterThanOrEqualTo(199);
            assertThat(snapshot.requirements()).hasSize(lines(file) - 1);
            assertThat(snapshot.provenance().sha256()).hasSize(64);
        }
        assertThat(VisaSnapshot.read(SharedData.file(SNAPSHOTS[0]), null).date())
                .isEqualTo(LocalDate.of(2022, 7, 3));
    }

    @Test
    void the2022SnapshotHasCovidBansAsTheirOwnKind() {
        VisaSnapshot snapshot = VisaSnapshot.read(SharedData.file(SNAPSHOTS[0]), null);
        long bans = snapshot.requirements().values().stream()
                .filter(r -> r.kind() == VisaRequirement.Kind.COVID_BAN)
                .count();
        assertThat(bans).isEqualTo(countValue(SharedData.file(SNAPSHOTS[0]), "covid ban"));
        assertThat(bans).isPositive();
    }

    /** Recomputes the changes between every two consecutive snapshots with a separate, plain reading of the files. */
    @Test
    void changeCountsAgreeWithAnIndependentRecount() {
        for (int i = 1; i < SNAPSHOTS.length; i++) {
            Path older = SharedData.file(SNAPSHOTS[i - 1]);
            Path newer = SharedData.file(SNAPSHOTS[i]);
            VisaChanges changes = VisaChanges.between(
                    VisaSnapshot.read(older, LocalDate.of(2000 + i, 1, 1)),
                    VisaSnapshot.read(newer, LocalDate.of(2001 + i, 1, 1)));

            Map<String, String> before = plain(older);
            Map<String, String> after = plain(newer);
            Map<VisaChange.Kind, Integer> expected = new EnumMap<>(VisaChange.Kind.class);
            for (VisaChange.Kind kind : VisaChange.Kind.values()) expected.put(kind, 0);
            Set<String> pairs = new HashSet<>(before.keySet());
            pairs.addAll(after.keySet());
            for (String pair : pairs) {
                VisaChange.Kind kind = oracle(before.get(pair), after.get(pair));
                if (kind != null) expected.merge(kind, 1, Integer::sum);
            }

            assertThat(changes.counts())
                    .as(older.getFileName() + " → " + newer.getFileName())
                    .isEqualTo(expected);
            assertThat(changes.changes())
                    .hasSize(expected.values().stream()
                            .mapToInt(Integer::intValue)
                            .sum());
        }
    }

    @Test
    void refusesAnUnknownRequirementNamingTheLine(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("m.csv");
        Files.writeString(file, "Passport,Destination,Requirement\nAFG,ALB,e-visa\nAFG,DZA,maybe\n");
        assertThatThrownBy(() -> VisaSnapshot.read(file, LocalDate.of(2025, 1, 1)))
                .isInstanceOf(CsvException.class)
                .hasMessage(
                        "m.csv line 3, column 3 (Requirement): unknown requirement 'maybe' (expected a number of visa-free days, -1, "
                                + "visa free, visa on arrival, eta, e-visa, visa required, covid ban or no admission)");
    }

    @Test
    void refusesAHeaderOnlyFileAndAMissingColumn(@TempDir Path folder) throws IOException {
        Path empty = folder.resolve("empty.csv");
        Files.writeString(empty, "Passport,Destination,Requirement\n");
        assertThatThrownBy(() -> VisaSnapshot.read(empty, LocalDate.of(2025, 1, 1)))
                .hasMessage("empty.csv line 1: holds no rows");
        Path wrong = folder.resolve("wrong.csv");
        Files.writeString(wrong, "Passport,To,Requirement\nAFG,ALB,e-visa\n");
        assertThatThrownBy(() -> VisaSnapshot.read(wrong, LocalDate.of(2025, 1, 1)))
                .isInstanceOf(CsvException.class)
                .hasMessageContaining("wrong.csv line 1")
                .hasMessageContaining("Destination");
    }

    @Test
    void refusesASnapshotWithoutADate(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("matrix.csv");
        Files.writeString(file, "Passport,Destination,Requirement\nAFG,ALB,e-visa\n");
        assertThatThrownBy(() -> VisaSnapshot.read(file, null))
                .hasMessageContaining("no date given and none in the file name");
    }

    @Test
    void classifiesEachKindOfChange() {
        assertThat(VisaChange.classify(VisaRequirement.parse("visa required"), VisaRequirement.parse("90")))
                .isEqualTo(VisaChange.Kind.LIFTED);
        assertThat(VisaChange.classify(VisaRequirement.parse("eta"), VisaRequirement.parse("e-visa")))
                .isEqualTo(VisaChange.Kind.IMPOSED);
        assertThat(VisaChange.classify(VisaRequirement.parse("visa on arrival"), VisaRequirement.parse("30")))
                .isEqualTo(VisaChange.Kind.LOOSENED);
        assertThat(VisaChange.classify(VisaRequirement.parse("90"), VisaRequirement.parse("30")))
                .isEqualTo(VisaChange.Kind.TIGHTENED);
        assertThat(VisaChange.classify(VisaRequirement.parse("e-visa"), VisaRequirement.parse("visa required")))
                .isEqualTo(VisaChange.Kind.TIGHTENED);
        assertThat(VisaChange.classify(VisaRequirement.parse("visa free"), VisaRequirement.parse("90")))
                .isEqualTo(VisaChange.Kind.RESTATED);
        // A COVID-19 ban is a temporary measure: its start or end changes no ordinary policy (issue 24, item 1).
        assertThat(VisaChange.classify(VisaRequirement.parse("covid ban"), VisaRequirement.parse("visa required")))
                .isEqualTo(VisaChange.Kind.TEMPORARY_MEASURE);
        assertThat(VisaChange.classify(VisaRequirement.parse("covid ban"), VisaRequirement.parse("90")))
                .isEqualTo(VisaChange.Kind.TEMPORARY_MEASURE);
        assertThat(VisaChange.classify(null, VisaRequirement.parse("90"))).isEqualTo(VisaChange.Kind.ADDED);
        assertThat(VisaChange.classify(VisaRequirement.parse("90"), VisaRequirement.parse("90")))
                .isNull();
    }

    // The oracle: the same definitions written as a table of ranks over the raw strings, without the production types.
    private static final List<String> RANK =
            List.of("visa free", "visa on arrival", "eta", "e-visa", "visa required", "covid ban", "no admission");

    private static VisaChange.Kind oracle(String before, String after) {
        if (before == null) return VisaChange.Kind.ADDED;
        if (after == null) return VisaChange.Kind.REMOVED;
        if (before.equals(after)) return null;
        if (before.equals("covid ban") || after.equals("covid ban")) return VisaChange.Kind.TEMPORARY_MEASURE;
        int b = rank(before);
        int a = rank(after);
        boolean visaBefore = b >= 3;
        boolean visaAfter = a >= 3;
        if (visaBefore && !visaAfter) return VisaChange.Kind.LIFTED;
        if (!visaBefore && visaAfter) return VisaChange.Kind.IMPOSED;
        if (a != b) return a < b ? VisaChange.Kind.LOOSENED : VisaChange.Kind.TIGHTENED;
        boolean daysBefore = Character.isDigit(before.charAt(0));
        boolean daysAfter = Character.isDigit(after.charAt(0));
        if (daysBefore && daysAfter)
            return Integer.parseInt(after) > Integer.parseInt(before)
                    ? VisaChange.Kind.LOOSENED
                    : VisaChange.Kind.TIGHTENED;
        return VisaChange.Kind.RESTATED;
    }

    private static int rank(String value) {
        return Character.isDigit(value.charAt(0)) ? 0 : RANK.indexOf(value);
    }

    private static Map<String, String> plain(Path file) {
        Map<String, String> pairs = new HashMap<>();
        try {
            List<String> lines = Files.readAllLines(file);
            for (String line : lines.subList(1, lines.size())) {
                String[] cells = line.split(",", -1);
                pairs.put(cells[0] + cells[1], cells[2].trim().toLowerCase(java.util.Locale.ROOT));
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return pairs;
    }

    private static int lines(Path file) {
        try {
            return (int) Files.readAllLines(file).stream()
                    .filter(line -> !line.isBlank())
                    .count();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static long countValue(Path file, String value) {
        return plain(file).values().stream().filter(value::equals).count();
    }
}
