package org.orderly.bench.channel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.orderly.regime.channel.AllocationProcedure;
import org.orderly.store.DatabaseSettings;
import org.orderly.store.OrderlyDatabase;
import org.orderly.store.audit.AuditStore;
import org.orderly.store.channel.QuotaLedger;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Scenario benchmark: first-come quota allocations from 16 concurrent clients on one channel, each grant and refusal
 * audited in its transaction, on the production settings (fsync and synchronous commit on) and on the fast test settings;
 * after each run the ledger is checked: exactly the quota granted, one place per applicant, one audit entry per request.
 * Baseline in the same harness: the naive check-then-insert (count the places, then insert) without lock or audit,
 * which is faster and overbooks.
 * Run: {@code java -cp orderly-bench/target/benchmarks.jar org.orderly.bench.channel.QuotaAllocationScenario [requests] [places]}.
 */
public final class QuotaAllocationScenario {
    private static final int CLIENTS = 16;

    private QuotaAllocationScenario() {}

    public static void main(String[] args) throws Exception {
        int requests = args.length > 0 ? Integer.parseInt(args[0]) : 4_000;
        int places = args.length > 1 ? Integer.parseInt(args[1]) : 3_000;
        for (boolean durable : new boolean[] {true, false}) {
            Path home = Files.createTempDirectory("orderly-quota-bench");
            DatabaseSettings settings = DatabaseSettings.temporary(home);
            if (!durable) settings = settings.fastUnsafeForTests();
            try (OrderlyDatabase database = OrderlyDatabase.open(settings)) {
                QuotaLedger ledger = new QuotaLedger(
                        AuditStore.open(database.dataSource(), home.resolve("audit"), java.time.Clock.systemUTC()));
                JdbcClient jdbc = JdbcClient.create(database.dataSource());
                for (int i = 0; i < 200; i++)
                    ledger.allocate(
                            "WARM_UP",
                            2027,
                            100,
                            AllocationProcedure.FIRST_COME,
                            "W-" + i,
                            new QuotaLedger.Actor("bench", "DEU"));
                double rate = run(
                        requests,
                        i -> ledger.allocate(
                                "BENCH",
                                2027,
                                places,
                                AllocationProcedure.FIRST_COME,
                                "A-" + i,
                                new QuotaLedger.Actor("bench", "DEU")));
                long granted = jdbc.sql("select count(*) from quota_allocation where channel_id = 'BENCH'")
                        .query(Long.class)
                        .single();
                long audited = jdbc.sql("select count(*) from audit_entry where subject = 'quota:BENCH/2027'")
                        .query(Long.class)
                        .single();
                System.out.printf(
                        Locale.ROOT,
                        "%s: %d requests from %d clients, %d places: %.0f decided/s; granted %d (overbooked %d), audit entries %d%n",
                        durable ? "ledger, production settings" : "ledger, fast test settings",
                        requests,
                        CLIENTS,
                        places,
                        rate,
                        granted,
                        Math.max(0, granted - places),
                        audited);
                if (granted != Math.min(places, requests) || audited != requests)
                    throw new IllegalStateException("the ledger is not exact");

                jdbc.sql("create table naive_allocation (applicant text primary key)")
                        .update();
                double naive = run(requests, i -> {
                    long held = jdbc.sql("select count(*) from naive_allocation")
                            .query(Long.class)
                            .single();
                    if (held < places)
                        jdbc.sql("insert into naive_allocation values (?)")
                                .param("A-" + i)
                                .update();
                });
                long naiveGranted = jdbc.sql("select count(*) from naive_allocation")
                        .query(Long.class)
                        .single();
                System.out.printf(
                        Locale.ROOT,
                        "%s: baseline check-then-insert, no audit: %.0f decided/s; granted %d (overbooked %d)%n",
                        durable ? "production settings" : "fast test settings",
                        naive,
                        naiveGranted,
                        Math.max(0, naiveGranted - places));
            } finally {
                try (var walk = Files.walk(home)) {
                    walk.sorted(java.util.Comparator.reverseOrder())
                            .forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    /** Requests per second from {@link #CLIENTS} threads taking request numbers from one counter. */
    private static double run(int requests, java.util.function.IntConsumer request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        AtomicInteger next = new AtomicInteger();
        long started = System.nanoTime();
        List<Future<?>> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            clients.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) request.accept(i);
                return null;
            }));
        }
        for (Future<?> f : clients) f.get();
        pool.shutdown();
        return requests / ((System.nanoTime() - started) / 1e9);
    }
}
