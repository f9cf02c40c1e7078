package org.orderly.monitoring.remittance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orderly.monitoring.MonitoringInputException;
import org.orderly.testing.SharedData;

class WdiFileTest {

    @Test
    void readsThePublishedCostExportsAsTheWorldBankLaysThemOut() {
        WdiSeries to = WdiFile.read(SharedData.file("remittances/sending-cost-to-country.xls"));
        WdiSeries from = WdiFile.read(SharedData.file("remittances/sending-cost-from-country.xls"));

        assertThat(to.indicatorCode()).isEqualTo("SI.RMT.COST.IB.ZS");
        assertThat(from.indicatorCode()).isEqualTo("SI.RMT.COST.OB.ZS");
        assertThat(to.lastUpdated()).isEqualTo(LocalDate.of(2023, 5, 10));
        assertThat(to.sourceOrganisation()).startsWith("World Bank, Remittance Prices Worldwide");
        assertThat(to.isEconomy("AFG")).isTrue();
        assertThat(to.isEconomy("AFE"))
                .as("Africa Eastern and Southern is a World Bank aggregate")
                .isFalse();
        assertThat(to.of("AFG")).isNotEmpty();
        assertThat(to.values().values().stream().flatMap(m -> m.values().stream()))
                .as("a cost is a percentage of the amount sent")
                .allSatisfy(v -> assertThat(v).isBetween(0.0, 100.0));
        assertThat(to.values().values().stream().flatMap(m -> m.keySet().stream()))
                .allSatisfy(year -> assertThat(year).isBetween(1960, 2022));
        assertThat(to.provenance().sha256()).hasSize(64);
    }

    @Test
    void readsTheRemittancesReceivedExport() {
        WdiSeries received = WdiFile.read(SharedData.file("remittances/personal-remittances-received.xls"));
        assertThat(received.indicatorCode()).isEqualTo("BX.TRF.PWKR.CD.DT");
        assertThat(received.names()).hasSizeGreaterThan(200);
    }

    @Test
    void refusesAWorkbookWhoseHeaderIsNotTheWdiLayoutNamingTheRow(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("other.xls");
        try (HSSFWorkbook workbook = new HSSFWorkbook();
                OutputStream out = Files.newOutputStream(file)) {
            Sheet data = workbook.createSheet("Data");
            data.createRow(0).createCell(0).setCellValue("Data Source");
            Row header = data.createRow(3);
            String[] columns = {"Country Name", "Country Code", "Series", "Indicator Code", "1960"};
            for (int c = 0; c < columns.length; c++) header.createCell(c).setCellValue(columns[c]);
            workbook.write(out);
        }
        assertThatThrownBy(() -> WdiFile.read(file))
                .isInstanceOf(MonitoringInputException.class)
                .hasMessage("other.xls line 4: sheet Data column 3 should be 'Indicator Name', found 'Series'");
    }

    @Test
    void refusesAFileThatIsNotAWorkbook(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("costs.xls");
        Files.writeString(file, "Country Name,Country Code\n");
        assertThatThrownBy(() -> WdiFile.read(file))
                .isInstanceOf(MonitoringInputException.class)
                .hasMessageStartingWith("costs.xls: is not a World Development Indicators .xls export");
    }
}
