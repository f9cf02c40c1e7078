package org.orderly.bench.monitoring;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.orderly.monitoring.IndicatorComputation;
import org.orderly.monitoring.IndicatorValue;
import org.orderly.monitoring.MonitoringInputs;
import org.orderly.monitoring.remittance.WdiFile;
import org.orderly.monitoring.remittance.WdiSeries;
import org.orderly.monitoring.visa.VisaSnapshot;
import org.orderly.regime.Registry;
import org.orderly.regime.reference.ReferenceData;
import org.orderly.store.DemoData;

/**
 * Computing every indicator for every state from the shared data, on one thread: CPU seconds as the number of dated
 * visa snapshots grows from 1 to all, each against the same-run baseline of reading those files (CSV and .xls) alone.
 */
public final class MonitoringBenchmark {
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private MonitoringBenchmark() {}

    /** One row: snapshots used, values computed, CPU seconds to read the inputs and to compute, and their ratio. */
    public record Row(int snapshots, int values, double readSeconds, double computeSeconds, double computeOverRead) {}

    public static List<Row> run(Path data, PrintStream out) {
        List<VisaSnapshot.PublishedFile> files = VisaSnapshot.publishedIn(data, DemoData.VISA_MATRIX_AS_OF);
        if (files.isEmpty())
            throw new IllegalArgumentException(
                    data + " holds no visa matrix (visa/history or visa/passport-index-tidy-iso3.csv)");
        Registry registry = ReferenceData.load();
        List<Row> rows = new ArrayList<>();
        out.println("monitoring: every indicator for every state, one thread (CPU seconds)");
        out.println("snapshots | values | read inputs s | compute s | compute ÷ read");
        for (int k = 1; k <= files.size(); k++) {
            long start = CPU.getCurrentThreadCpuTime();
            List<VisaSnapshot> snapshots = new ArrayList<>();
            for (VisaSnapshot.PublishedFile published : files.subList(0, k))
                snapshots.add(VisaSnapshot.read(published.file(), published.date()));
            WdiSeries to = WdiFile.read(data.resolve("remittances/sending-cost-to-country.xls"));
            WdiSeries from = WdiFile.read(data.resolve("remittances/sending-cost-from-country.xls"));
            long read = CPU.getCurrentThreadCpuTime();
            List<IndicatorValue> values = IndicatorComputation.compute(new MonitoringInputs(
                    registry, snapshots, to, from, List.of(), java.time.LocalDate.of(2025, 1, 12)));
            long computed = CPU.getCurrentThreadCpuTime();
            double readSeconds = (read - start) / 1e9;
            double computeSeconds = (computed - read) / 1e9;
            Row row =
                    new Row(snapshots.size(), values.size(), readSeconds, computeSeconds, computeSeconds / readSeconds);
            rows.add(row);
            out.printf(
                    "%9d | %6d | %13.2f | %9.2f | %.2f%n",
                    row.snapshots(), row.values(), readSeconds, computeSeconds, row.computeOverRead());
        }
        return rows;
    }
}
