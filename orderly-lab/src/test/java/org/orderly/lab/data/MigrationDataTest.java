package org.orderly.lab.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orderly.csv.CsvException;
import org.orderly.testing.SharedData;

class MigrationDataTest {

    @Test
    void readsTheUnmodifiedUnDesaAndUnhcrFilesMappingNamesThroughTheTotalsFile() {
        MigrationData data = MigrationData.read(SharedData.folder("migration"));
        BilateralStocks stocks = data.stocks();
        assertThat(stocks.years()).containsExactly(1990, 1995, 2000, 2005, 2010, 2015);
        assertThat(stocks.lastYear()).isEqualTo(2015);
        // The totals file marks names with a footnote (United States of America*); the matrix does not.
        assertThat(data.totals().codes())
                .containsEntry("United States of America", "USA")
                .containsEntry("Channel Islands", null);
        assertThat(stocks.codes())
                .contains("USA", "MEX", "DEU", "TUR", "FSM")
                .doesNotContain("CHI")
                .hasSize(231);
        // Read from the file by Python's csv module, by row (Year, Dest) and column (origin name).
        assertThat(stocks.stock("MEX", "USA", 2015)).isEqualTo(11_643_298);
        assertThat(stocks.stock("MEX", "USA", 1990)).isEqualTo(4_298_014);
        assertThat(stocks.stock("TUR", "DEU", 2015)).isEqualTo(1_370_193);
        // '..' is no data, '-' is nil.
        assertThat(stocks.stock("YEM", "SOM", 1990)).isNaN();
        assertThat(stocks.stock("ALB", "MNE", 1990)).isZero();
        assertThat(stocks.setAside())
                .contains(
                        "Caribbean (aggregate)",
                        "Melanesia (aggregate)",
                        "Micronesia (aggregate)",
                        "Polynesia (aggregate)",
                        "South America (aggregate)",
                        "Channel Islands (no alpha-3 code)");
        assertThat(data.population().persons("DEU", 2015)).isBetween(80e6, 84e6);
        assertThat(data.population().uncodedNames()).contains("WORLD", "Caribbean", "Polynesia");
        assertThat(data.totals().population("DEU", 2015)).isBetween(80e6, 84e6);
        assertThat(data.refugees().years()).contains(1995, 2015);
        assertThat(data.refugees().people("SYR", "TUR", 2015)).isGreaterThan(2_000_000);
        assertThat(data.refugees().unknownOrigin("DZA", 1995)).isEqualTo(43);
    }

    @Test
    void readsAnyRevisionWhateverItsLastYear(@TempDir Path dir) throws IOException {
        writeSmall(dir, "Year,Dest,Germany,Mexico\n2015,Germany,0,5\n2020,Germany,0,7\n2025,Mexico,3,0\n");
        MigrationData data = MigrationData.read(dir);
        assertThat(data.stocks().years()).containsExactly(2015, 2020, 2025);
        assertThat(data.stocks().lastYear()).isEqualTo(2025);
        assertThat(data.stocks().stock("MEX", "DEU", 2020)).isEqualTo(7);
        assertThat(data.stocks().stock("DEU", "MEX", 2025)).isEqualTo(3);
    }

    @Test
    void refusesANonNumberNamingFileLineColumnAndOrigin(@TempDir Path dir) throws IOException {
        writeSmall(dir, "Year,Dest,Germany,Mexico\n2015,Germany,0,5\n2020,Germany,0,12O\n");
        assertThatThrownBy(() -> MigrationData.read(dir))
                .isInstanceOf(CsvException.class)
                .hasMessage(
                        "un-desa-stock-origin-destination-x.csv line 3, column 4 (Mexico): expected a number of people, "
                                + "'..' or 'NA' (no data) or '-' (nil), found '12O'");
    }

    @Test
    void refusesNegativeCountsBadYearsAndRepeatedRows(@TempDir Path dir) throws IOException {
        writeSmall(dir, "Year,Dest,Germany,Mexico\n2015,Germany,0,-5\n");
        assertThatThrownBy(() -> MigrationData.read(dir))
                .hasMessageStartingWith("un-desa-stock-origin-destination-x.csv line 2, column 4 (Mexico)");
        writeSmall(dir, "Year,Dest,Germany,Mexico\n15,Germany,0,5\n");
        assertThatThrownBy(() -> MigrationData.read(dir))
                .hasMessage(
                        "un-desa-stock-origin-destination-x.csv line 2, column 1 (Year): expected a year (four digits), found '15'");
        writeSmall(dir, "Year,Dest,Germany,Mexico\n2015,Germany,0,5\n2015,Germany*,0,6\n");
        assertThatThrownBy(() -> MigrationData.read(dir))
                .hasMessage(
                        "un-desa-stock-origin-destination-x.csv line 3, column 2 (Dest): 'Germany' 2015 appears again (first on line 2)");
    }

    @Test
    void refusesAnUnknownNameButSetsAggregatesAndUncodedAreasAside(@TempDir Path dir) throws IOException {
        writeSmall(dir, "Year,Dest,Germany,Atlantis\n2015,Germany,0,5\n");
        assertThatThrownBy(() -> MigrationData.read(dir))
                .hasMessageStartingWith(
                        "un-desa-stock-origin-destination-x.csv line 1, column 4 (Atlantis): unknown origin 'Atlantis': neither un-desa-stock-totals-x.csv");
        writeSmall(dir, "Year,Dest,Germany,Mexico\n2015,Atlantis,0,5\n");
        assertThatThrownBy(() -> MigrationData.read(dir))
                .hasMessageStartingWith(
                        "un-desa-stock-origin-destination-x.csv line 2, column 2 (Dest): unknown destination 'Atlantis'");
        writeSmall(dir, "Year,Dest,Germany,Mexico,Channel Islands\n2015,Caribbean,1,2,3\n2015,Germany,0,5,4\n");
        MigrationData data = MigrationData.read(dir);
        assertThat(data.stocks().codes()).containsExactly("DEU", "MEX");
        assertThat(data.stocks().setAside())
                .containsExactly("Caribbean (aggregate)", "Channel Islands (no alpha-3 code)");
        // An aggregate row's cells are still checked.
        writeSmall(dir, "Year,Dest,Germany,Mexico\n2015,Caribbean,1,x\n");
        assertThatThrownBy(() -> MigrationData.read(dir))
                .hasMessageStartingWith("un-desa-stock-origin-destination-x.csv line 2, column 4 (Mexico)");
    }

    @Test
    void refusesBadTotalsPopulationAndRefugeeFilesWithLineAndColumn(@TempDir Path dir) throws IOException {
        writeSmall(dir, "Year,Dest,Germany\n2015,Germany,0\n");
        Path totals = dir.resolve("un-desa-stock-totals-x.csv");
        Files.writeString(
                totals,
                "alpha3,name,country_code,year,fb,pop\nDEU,Germany*,276,2015,12000000,82000000\nDE,Mexico,484,2015,1,2\n");
        assertThatThrownBy(() -> MigrationData.read(dir))
                .hasMessage("un-desa-stock-totals-x.csv line 3, column 1 (alpha3): "
                        + "expected an ISO 3166-1 alpha-3 code (three capital letters) or NA, found 'DE'");
        Files.writeString(
                totals,
                "alpha3,name,country_code,year,fb,pop\nDEU,Germany*,276,2015,12000000,82000000\nMEX,Germany,484,2015,1,2\n");
        assertThatThrownBy(() -> MigrationData.read(dir))
                .hasMessage("un-desa-stock-totals-x.csv line 3, column 1 (alpha3): "
                        + "'Germany' was given the code DEU on line 2 and MEX here");
        Files.writeString(totals, "alpha3,name,year,fb\nDEU,Germany*,2015,12000000\n");
        assertThatThrownBy(() -> MigrationData.read(dir))
                .hasMessageStartingWith("un-desa-stock-totals-x.csv line 1 (pop): the header lacks the column 'pop'");
        writeSmall(dir, "Year,Dest,Germany\n2015,Germany,0\n");
        Files.writeString(
                dir.resolve("unhcr-refugees-asylum-seekers-x.csv"),
                "year,orig,dest,refugees,asylum_seekers\n2015,SYR,DEU,10,NA\n2015,SYR,DEU,11,0\n");
        assertThatThrownBy(() -> MigrationData.read(dir))
                .hasMessage("unhcr-refugees-asylum-seekers-x.csv line 3, column 3 (dest): "
                        + "SYR → DEU 2015 appears again (first on line 2)");
        Files.writeString(
                dir.resolve("unhcr-refugees-asylum-seekers-x.csv"),
                "year,orig,dest,refugees,asylum_seekers\n2015,SYR,DEU,ten,0\n");
        assertThatThrownBy(() -> MigrationData.read(dir))
                .hasMessageStartingWith("unhcr-refugees-asylum-seekers-x.csv line 2, column 4 (refugees)");
        writeSmall(dir, "Year,Dest,Germany\n2015,Germany,0\n");
        Files.writeString(
                dir.resolve("un-desa-population-totals-x.csv"),
                "name,country_code,year,pop,alpha3\nGermany,276,2015,\"82,000\",DEU\n");
        assertThatThrownBy(() -> MigrationData.read(dir))
                .hasMessageStartingWith("un-desa-population-totals-x.csv line 2, column 4 (pop)");
        writeSmall(dir, "Year,Dest,Germany\n2015,Germany,0\n");
        Files.writeString(
                dir.resolve("un-desa-population-totals-x.csv"),
                "name,country_code,year,pop,alpha3\nGermany,276,2015,82000,DEU\n"
                        + "Germany,276,2015,82000,DEU\nGermany,276,2015,83000,DEU\n");
        assertThatThrownBy(() -> MigrationData.read(dir))
                .hasMessage(
                        "un-desa-population-totals-x.csv line 4, column 4 (pop): "
                                + "'Germany' 2015 appears again with another population (82000.0 thousand on line 2, 83000.0 here)");
    }

    @Test
    void refusesAMissingFileAndTwoRevisionsSideBySide(@TempDir Path dir) throws IOException {
        writeSmall(dir, "Year,Dest,Germany\n2015,Germany,0\n");
        Files.delete(dir.resolve("un-desa-population-totals-x.csv"));
        assertThatThrownBy(() -> MigrationData.read(dir))
                .hasMessageContaining("un-desa-population-totals-….csv: no such file");
        writeSmall(dir, "Year,Dest,Germany\n2015,Germany,0\n");
        Files.writeString(dir.resolve("un-desa-stock-totals-y.csv"), "alpha3,name,year,fb,pop\n");
        assertThatThrownBy(() -> MigrationData.read(dir))
                .hasMessageContaining("holds two revisions of un-desa-stock-totals");
    }

    /** A small, consistent folder: Germany, Mexico, the Channel Islands (no code) and the Caribbean (an aggregate). */
    private static void writeSmall(Path dir, String matrix) throws IOException {
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) Files.delete(f);
        }
        Files.writeString(dir.resolve("un-desa-stock-origin-destination-x.csv"), matrix, StandardCharsets.UTF_8);
        Files.writeString(
                dir.resolve("un-desa-stock-totals-x.csv"),
                "alpha3,name,country_code,year,fb,pop,fb_share,refugee\n"
                        + "DEU,Germany*,276,2015,12000000,82000000,14.6,300000\nMEX,Mexico,484,2015,1000000,120000000,0.8,NA\n"
                        + "NA,Channel Islands*,830,2015,80000,170000,NA,NA\n");
        Files.writeString(
                dir.resolve("un-desa-population-totals-x.csv"),
                "name,country_code,year,pop,alpha3\n"
                        + "WORLD,900,2015,7379797.1,NA\nCaribbean,915,2015,42000,NA\nGermany,276,2015,82000,DEU\nMexico,484,2015,120000,MEX\n");
        Files.writeString(
                dir.resolve("unhcr-refugees-asylum-seekers-x.csv"),
                "year,orig,dest,refugees,asylum_seekers\n2015,SYR,DEU,10,NA\n");
    }
}
