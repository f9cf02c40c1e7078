package org.orderly.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orderly.testing.SharedData;

class CsvReaderTest {
    /** The UN Treaty Collection extract's columns (shared/data/SOURCES.md). */
    private static final CsvHeader TREATY_STATUS = CsvHeader.requiring(
                    "iso2", "state party", "year ratification or accession", "signatory")
            .withOptional("member", "no action", "status", "note");

    private static final CsvHeader VISA_MATRIX =
            CsvHeader.requiring("Passport", "Destination", "Requirement").ignoringCase();

    private static Path shared(String relative) {
        return SharedData.file(relative);
    }

    @Test
    void readsEveryUnTreatyCollectionExtractUnmodified() throws Exception {
        Path folder = shared("ratifications/hr_status_icmw.csv").getParent();
        try (var files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".csv")).toList()) {
                CsvTable table = CsvReader.read(file, TREATY_STATUS);
                assertThat(table.rows()).as(file.toString()).hasSize(193);
                assertThat(table.problems()).as(file.toString()).isEmpty();
            }
        }
        CsvTable icmw = CsvReader.read(shared("ratifications/hr_status_icmw.csv"), TREATY_STATUS);
        CsvRow micronesia = icmw.rows().stream()
                .filter(r -> r.get("iso2").equals("FM"))
                .findFirst()
                .orElseThrow();
        assertThat(micronesia.get("member"))
                .as("a quoted comma stays in its cell")
                .isEqualTo("Micronesia, Federated States Of");
        assertThat(micronesia.line()).isEqualTo(112);
        CsvRow albania = icmw.rows().get(1);
        assertThat(albania.line()).isEqualTo(3);
        assertThat(albania.get("year ratification or accession")).isEqualTo("2007");
        assertThat(icmw.sha256()).hasSize(64);
    }

    @Test
    void readsTheVisaMatrixAndItsHistorySnapshotsUnmodified() {
        CsvTable matrix = CsvReader.read(shared("visa/passport-index-tidy-iso3.csv"), VISA_MATRIX);
        assertThat(matrix.rows()).hasSize(39_601);
        assertThat(matrix.rows().get(0).line()).isEqualTo(2);
        assertThat(matrix.rows().get(39_600).line()).isEqualTo(39_602);
        CsvTable old = CsvReader.read(shared("visa/history/passport-index-tidy-iso3-2022-07-03.csv"), VISA_MATRIX);
        assertThat(old.rows()).isNotEmpty();
        assertThat(old.rows()).extracting(r -> r.get("requirement")).contains("covid ban");
    }

    @Test
    void refusesAMissingColumnNamingIt() {
        assertThatThrownBy(() -> CsvReader.read("m.csv", "Passport,Requirement\nDEU,90\n", VISA_MATRIX))
                .isInstanceOf(CsvException.class)
                .hasMessage(
                        "m.csv line 1 (Destination): the header lacks the column 'Destination' (expected Passport,Destination,Requirement, found Passport,Requirement)");
    }

    @Test
    void refusesAnUnknownColumnWithItsPosition() {
        CsvException e = (CsvException) org.assertj.core.api.Assertions.catchThrowable(
                () -> CsvReader.read("m.csv", "Passport,Destination,Requirment,Requirement\n", VISA_MATRIX));
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.column()).isEqualTo(3);
        assertThat(e.field()).isEqualTo("Requirment");
        assertThat(e).hasMessageStartingWith("m.csv line 1, column 3 (Requirment): unknown column 'Requirment'");
        assertThat(CsvReader.read(
                                "m.csv",
                                "Passport,Destination,Requirment,Requirement\nDEU,FRA,x,90\n",
                                VISA_MATRIX.ignoringOtherColumns())
                        .rows()
                        .get(0)
                        .get("requirement"))
                .isEqualTo("90");
    }

    @Test
    void refusesARepeatedColumnAndAWrongExactHeader() {
        assertThatThrownBy(() -> CsvReader.read("r.csv", "passport,destination,requirement,Passport\n", VISA_MATRIX))
                .hasMessage("r.csv line 1, column 4 (Passport): column 'Passport' appears again (first as column 1)");
        assertThatThrownBy(() ->
                        CsvReader.read("e.csv", "id,title,kind\n", CsvHeader.exactly(List.of("id", "name", "kind"))))
                .hasMessage("e.csv line 1, column 2 (title): the header must be 'id,name,kind' but is 'id,title,kind'");
    }

    @Test
    void refusesAShortRowByDefaultNamingTheFirstMissingField() {
        assertThatThrownBy(() ->
                        CsvReader.read("s.csv", "Passport,Destination,Requirement\nDEU,FRA,90\nDEU,JPN\n", VISA_MATRIX))
                .hasMessage(
                        "s.csv line 3, column 3 (Requirement): the row ends after 2 fields but the header has 3 (Passport,Destination,Requirement)");
    }

    @Test
    void reportsShortRowsPerRowWhenAskedAndReadsTheirMissingCellsAsEmpty() {
        CsvTable table = CsvReader.read(
                "s.csv",
                "iso2,member,state party,year ratification or accession,signatory,no action,status,note\n"
                        + "JP,Japan,0,,0,1,no action\nDE,Germany,1,1973,0,0,state party,\n",
                TREATY_STATUS.reportingShortRows());
        assertThat(table.rows()).hasSize(2);
        assertThat(table.rows().get(0).get("note")).isEmpty();
        assertThat(table.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.column()).isEqualTo(8);
            assertThat(p.field()).isEqualTo("note");
        });
    }

    @Test
    void refusesARowWithMoreFieldsThanTheHeader() {
        assertThatThrownBy(() ->
                        CsvReader.read("l.csv", "Passport,Destination,Requirement\nDEU,FRA,90,extra\n", VISA_MATRIX))
                .hasMessageStartingWith("l.csv line 2, column 4: the row has 4 fields but the header has 3");
    }

    @Test
    void malformedQuotingKeepsItsLineColumnAndField() {
        String text = "Passport,Destination,Requirement\nDEU,FRA,90\n\"multi\nline\",JPN,30\nDEU,\"JPN\"x,30\n";
        CsvException e = (CsvException)
                org.assertj.core.api.Assertions.catchThrowable(() -> CsvReader.read("q.csv", text, VISA_MATRIX));
        assertThat(e.line()).as(e.getMessage()).isEqualTo(5);
        assertThat(e.column()).isEqualTo(2);
        assertThat(e.field()).isEqualTo("Destination");
        assertThat(e).hasMessageStartingWith("q.csv line 5, column 2 (Destination): malformed quoting: ");
    }

    @Test
    void anUnterminatedQuoteIsReportedWhereItOpens() {
        String text = "Passport,Destination,Requirement\nDEU,FRA,90\nDEU,JPN,\"30\nFRA,DEU,90\nFRA,JPN,90\n";
        assertThatThrownBy(() -> CsvReader.read("u.csv", text, VISA_MATRIX))
                .hasMessage("u.csv line 3, column 3 (Requirement): a quoted field opened here is never closed");
    }

    @Test
    void cellErrorsNameLineColumnAndFieldAndLinesStayTrueAfterMultiLineCellsCrLfAndBlankLines() {
        String text = "\uFEFFPassport,Destination,Requirement\r\nDEU,FRA,\"a\r\nb\"\r\n\r\nDEU,JPN,30\r\n";
        CsvTable table = CsvReader.read("c.csv", text, VISA_MATRIX);
        assertThat(table.rows()).extracting(CsvRow::line).containsExactly(2L, 5L);
        CsvRow row = table.rows().get(1);
        assertThat(row.error("destination", "JPN is not welcome"))
                .hasMessage("c.csv line 5, column 2 (Destination): JPN is not welcome");
        assertThat(row.error("the pair appears twice")).hasMessage("c.csv line 5: the pair appears twice");
    }

    @Test
    void readsTextWithoutAHeaderLineUnderTheColumnsGivenAndNamesThemInErrors() {
        List<String> columns = List.of("Destination", "Passport", "Requirement");
        CsvTable table = CsvReader.readWithoutHeader("message 7", columns, "FRA,DEU,\"90, at most\"\n", VISA_MATRIX);
        assertThat(table.rows()).hasSize(1);
        CsvRow row = table.rows().get(0);
        assertThat(row.line()).isEqualTo(1);
        assertThat(row.get("passport")).isEqualTo("DEU");
        assertThat(row.get("Requirement")).isEqualTo("90, at most");
        assertThat(row.error("passport", "not a state"))
                .hasMessage("message 7 line 1, column 2 (Passport): not a state");
        assertThatThrownBy(() -> CsvReader.readWithoutHeader("message 8", columns, "FRA,DEU\n", VISA_MATRIX))
                .hasMessage(
                        "message 8 line 1, column 3 (Requirement): the row ends after 2 fields but the header has 3 (Destination,Passport,Requirement)");
        assertThatThrownBy(() -> CsvReader.readWithoutHeader(
                        "message 9", List.of("Passport", "Destination"), "DEU,FRA\n", VISA_MATRIX))
                .hasMessageStartingWith("message 9 (Requirement): the header lacks the column 'Requirement'");
    }

    @Test
    void refusesEmptyFilesMissingFilesAndUndeclaredColumns(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> CsvReader.read("e.csv", "\n\n", VISA_MATRIX))
                .hasMessageStartingWith("e.csv: the file is empty");
        assertThatThrownBy(() -> CsvReader.read(dir.resolve("none.csv"), VISA_MATRIX))
                .hasMessage("none.csv: no such file");
        Path latin1 = Files.write(
                dir.resolve("l1.csv"),
                "Passport,Destination,Requirement\nC\u00f4te,x,y\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> CsvReader.read(latin1, VISA_MATRIX)).hasMessage("l1.csv: is not UTF-8 text");
        CsvRow row = CsvReader.read("ok.csv", "Passport,Destination,Requirement\nDEU,FRA,90\n", VISA_MATRIX)
                .rows()
                .get(0);
        assertThatThrownBy(() -> row.get("stay"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'stay' is not declared");
    }

    @Test
    void readsAWideFileByPositionAndNamesTheColumnOfACell() {
        CsvHeader wide = CsvHeader.requiring("Year", "Dest").ignoringOtherColumns();
        CsvTable table = CsvReader.read(
                "w.csv", "Year,Dest,Albania,\"Bonaire, Sint Eustatius and Saba\"\n1990,Italy,12,..\n", wide);
        assertThat(table.header()).containsExactly("Year", "Dest", "Albania", "Bonaire, Sint Eustatius and Saba");
        CsvRow row = table.rows().get(0);
        assertThat(row.cell(2)).isEqualTo("12");
        assertThat(row.cell(3)).isEqualTo("..");
        assertThat(row.error(3, "not a number"))
                .hasMessage("w.csv line 2, column 4 (Bonaire, Sint Eustatius and Saba): not a number");
        assertThatThrownBy(() -> row.cell(4)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void aFileGivenByMistakeIsRefusedWithoutRepeatingItsFirstLine() {
        String secret = "root:$6$Jx9Qm1.pLkS$abcdefghijklmnopqrstuvwxyz0123456789:19000:0:99999:7:::";
        for (CsvHeader header : java.util.List.of(
                CsvHeader.exactly(java.util.List.of("id", "name", "kind")),
                CsvHeader.requiring("Passport", "Destination"))) {
            Throwable e = org.assertj.core.api.Assertions.catchThrowable(
                    () -> CsvReader.read("shadow", secret + "\nbin:*:19000:0:99999:7:::\n", header));
            assertThat(e).isInstanceOf(CsvException.class).hasMessageStartingWith("shadow line 1");
            assertThat(e.getMessage())
                    .doesNotContain("root")
                    .doesNotContain("$6$")
                    .doesNotContain("Jx9Qm1");
        }
    }
}
