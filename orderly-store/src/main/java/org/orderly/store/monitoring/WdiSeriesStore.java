package org.orderly.store.monitoring;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.orderly.monitoring.MonitoringInputException;
import org.orderly.monitoring.Provenance;
import org.orderly.monitoring.remittance.WdiFile;
import org.orderly.monitoring.remittance.WdiSeries;
import org.orderly.store.ImportException;
import org.orderly.store.ImportReport;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * World Development Indicators series in PostgreSQL: an export is read whole with {@link WdiFile} (nothing is written
 * when it is refused), then replaces the stored series of the same indicator code in one transaction, recorded as an
 * import run with the file's SHA-256. Importing the same file again changes nothing but adds its run.
 */
public final class WdiSeriesStore {
    public static final String ORIGIN = "import:wdi";

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    public WdiSeriesStore(DataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbc = JdbcClient.create(dataSource);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    /**
     * Imports one WDI export.
     *
     * @throws ImportException naming the file, sheet and row of the first problem; the database is unchanged
     */
    public ImportReport importFile(Path file) {
        long started = System.nanoTime();
        WdiSeries series;
        try {
            series = WdiFile.read(file);
        } catch (MonitoringInputException e) {
            // The refusal already names the file and the row; the import adds only that nothing was imported.
            String prefix = file.getFileName() + (e.line() > 0 ? " line " + e.line() : "") + ": ";
            String problem =
                    e.getMessage().startsWith(prefix) ? e.getMessage().substring(prefix.length()) : e.getMessage();
            throw new ImportException(file, e.line(), problem);
        }
        String code = series.indicatorCode();
        String sha256 = series.provenance().sha256();
        List<Object[]> economies = new ArrayList<>();
        series.names()
                .forEach((economy, name) -> economies.add(
                        new Object[] {code, economy, name, series.aggregates().contains(economy)}));
        List<Object[]> values = new ArrayList<>();
        series.values()
                .forEach((economy, years) ->
                        years.forEach((year, value) -> values.add(new Object[] {code, economy, year, value})));
        JdbcTemplate template = new JdbcTemplate(dataSource);
        boolean unchanged = Boolean.TRUE.equals(transactions.execute(status -> {
            boolean same = jdbc.sql("select count(*) from wdi_series where indicator_code = ? and sha256 = ?")
                            .params(code, sha256)
                            .query(Integer.class)
                            .single()
                    > 0;
            long run = jdbc.sql(
                            "insert into import_run (kind, subject, file_name, sha256, rows_read) values (?, ?, ?, ?, ?) returning id")
                    .params(
                            ORIGIN,
                            code,
                            file.getFileName().toString(),
                            sha256,
                            series.names().size())
                    .query(Long.class)
                    .single();
            jdbc.sql("delete from wdi_series where indicator_code = ?")
                    .param(code)
                    .update();
            jdbc.sql("""
                    insert into wdi_series (indicator_code, indicator_name, source_organisation, last_updated, file_name, sha256, import_run_id)
                    values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(
                            code,
                            series.indicatorName(),
                            series.sourceOrganisation() == null ? "" : series.sourceOrganisation(),
                            series.lastUpdated(),
                            file.getFileName().toString(),
                            sha256,
                            run)
                    .update();
            template.batchUpdate(
                    "insert into wdi_economy (indicator_code, code, name, aggregate) values (?, ?, ?, ?)", economies);
            template.batchUpdate(
                    "insert into wdi_value (indicator_code, code, year, value) values (?, ?, ?, ?)", values);
            return same;
        }));
        // Rows of sheet Data: one per economy, each stored with every year that has a value.
        return new ImportReport(
                "wdi",
                code,
                file.toString(),
                sha256,
                series.names().size(),
                economies.size(),
                unchanged,
                (System.nanoTime() - started) / 1_000_000);
    }

    /** The id of the latest WDI import run (0 when none): a cheap way to notice that a stored series changed. */
    public long latestRun() {
        return jdbc.sql("select coalesce(max(id), 0) from import_run where kind = ?")
                .param(ORIGIN)
                .query(Long.class)
                .single();
    }

    /** The stored series of an indicator code, with the import run and file it came from as its provenance. */
    public Optional<WdiSeries> find(String indicatorCode) {
        record Header(
                String name, String organisation, LocalDate lastUpdated, String fileName, String sha256, long run) {}
        Optional<Header> header = jdbc.sql("select * from wdi_series where indicator_code = ?")
                .param(indicatorCode)
                .query((rs, n) -> new Header(
                        rs.getString("indicator_name"),
                        rs.getString("source_organisation"),
                        rs.getObject("last_updated", LocalDate.class),
                        rs.getString("file_name"),
                        rs.getString("sha256"),
                        rs.getLong("import_run_id")))
                .optional();
        if (header.isEmpty()) return Optional.empty();
        Map<String, String> names = new HashMap<>();
        Set<String> aggregates = new HashSet<>();
        jdbc.sql("select code, name, aggregate from wdi_economy where indicator_code = ?")
                .param(indicatorCode)
                .query(rs -> {
                    names.put(rs.getString(1), rs.getString(2));
                    if (rs.getBoolean(3)) aggregates.add(rs.getString(1));
                });
        Map<String, SortedMap<Integer, Double>> values = new HashMap<>();
        jdbc.sql("select code, year, value from wdi_value where indicator_code = ?")
                .param(indicatorCode)
                .query(rs -> {
                    values.computeIfAbsent(rs.getString(1), c -> new TreeMap<>())
                            .put(rs.getInt(2), rs.getDouble(3));
                });
        Header h = header.get();
        Provenance provenance = new Provenance(
                "import run",
                "#" + h.run() + " of WDI " + indicatorCode + " from " + h.fileName(),
                h.sha256(),
                h.lastUpdated());
        return Optional.of(new WdiSeries(
                indicatorCode, h.name(), h.organisation(), h.lastUpdated(), names, aggregates, values, provenance));
    }
}
