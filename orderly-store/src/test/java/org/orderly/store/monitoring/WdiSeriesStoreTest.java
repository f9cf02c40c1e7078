package org.orderly.store.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orderly.monitoring.remittance.WdiFile;
import org.orderly.monitoring.remittance.WdiSeries;
import org.orderly.store.ImportException;
import org.orderly.store.ImportReport;
import org.orderly.store.TestDatabase;
import org.orderly.testing.SharedData;
import org.springframework.jdbc.core.simple.JdbcClient;

/** WDI exports stored as published: the real files from ../shared/data round-trip, a second import changes nothing, a bad file nothing. */
class WdiSeriesStoreTest {

    @TempDir
    Path dir;

    private static Path real(String name) {
        return SharedData.file("remittances/" + name);
    }

    @Test
    void everyRealExportRoundTripsThroughTheDatabaseAndReimportingChangesNothing() {
        WdiSeriesStore store = new WdiSeriesStore(TestDatabase.get().dataSource());
        JdbcClient jdbc = JdbcClient.create(TestDatabase.get().dataSource());
        for (String name : new String[] {
            "sending-cost-to-country.xls", "sending-cost-from-country.xls", "personal-remittances-received.xls"
        }) {
            Path file = real(name);
            WdiSeries read = WdiFile.read(file);
            ImportReport first = store.importFile(file);
            assertThat(first.sha256()).isEqualTo(read.provenance().sha256());
            WdiSeries stored = store.find(read.indicatorCode()).orElseThrow();
            assertThat(stored.names()).isEqualTo(read.names());
            assertThat(stored.indicatorName()).isEqualTo(read.indicatorName());
            assertThat(stored.lastUpdated()).isEqualTo(read.lastUpdated());
            for (String economy : read.names().keySet()) {
                assertThat(stored.of(economy)).as(name + " " + economy).isEqualTo(read.of(economy));
                assertThat(stored.isEconomy(economy)).isEqualTo(read.isEconomy(economy));
            }
            assertThat(stored.provenance().sha256()).isEqualTo(read.provenance().sha256());
            assertThat(stored.provenance().reference()).contains(name);

            int values = jdbc.sql("select count(*) from wdi_value where indicator_code = ?")
                    .param(read.indicatorCode())
                    .query(Integer.class)
                    .single();
            ImportReport again = store.importFile(file);
            assertThat(again.unchanged()).isTrue();
            assertThat(jdbc.sql("select count(*) from wdi_value where indicator_code = ?")
                            .param(read.indicatorCode())
                            .query(Integer.class)
                            .single())
                    .isEqualTo(values)
                    .isEqualTo(read.values().values().stream()
                            .mapToInt(java.util.Map::size)
                            .sum());
            assertThat(first.rowsWritten()).isEqualTo(read.names().size());
            assertThat(jdbc.sql("select count(*) from import_run where kind = ? and subject = ? and sha256 = ?")
                            .params(
                                    WdiSeriesStore.ORIGIN,
                                    read.indicatorCode(),
                                    read.provenance().sha256())
                            .query(Integer.class)
                            .single())
                    .isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void aFileThatIsNotAnExportIsRefusedNamingItAndChangesNothing() throws IOException {
        WdiSeriesStore store = new WdiSeriesStore(TestDatabase.get().dataSource());
        long before = store.latestRun();
        Path bad = Files.writeString(dir.resolve("not-wdi.xls"), "Country Name,Country Code\nGermany,DEU\n");
        assertThatThrownBy(() -> store.importFile(bad))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("not-wdi.xls")
                .hasMessageContaining("nothing was imported");
        assertThat(store.latestRun()).isEqualTo(before);
    }
}
