package org.orderly.bench.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.orderly.exchange.audit.AuditChain;
import org.orderly.exchange.audit.AuditEntry;
import org.orderly.exchange.audit.AuditSigner;
import org.orderly.store.DatabaseSettings;
import org.orderly.store.OrderlyDatabase;
import org.orderly.store.audit.AuditStore;

/**
 * Scenario benchmark: what crash safety and signing cost an audit append. In one run, two embedded databases — the
 * production settings (fsync and synchronous commit on) and the fast test settings (fsync off, asynchronous commit,
 * which lose confirmed entries in a crash) — each take the same signed appends from 1 and 4 threads; the ratio is the
 * price of durability. Then the Ed25519 signature alone against sealing (hashing) alone, in process.
 * Run: {@code java -cp orderly-bench/target/benchmarks.jar org.orderly.bench.audit.AuditDurabilityScenario [appends]}.
 */
public final class AuditDurabilityScenario {
    private AuditDurabilityScenario() {}

    public static void main(String[] args) throws Exception {
        int appends = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        double[] durable = run(true, appends);
        double[] fast = run(false, appends);
        for (int i = 0; i < 2; i++) {
            int threads = i == 0 ? 1 : 4;
            System.out.printf(
                    Locale.ROOT,
                    "audit append, %d thread(s), %d appends: durable %.0f/s, fast (crash-unsafe) %.0f/s, durable/fast %.2f%n",
                    threads,
                    appends,
                    durable[i],
                    fast[i],
                    durable[i] / fast[i]);
        }
        signing(20_000);
    }

    /** Appends per second from 1 thread, then from 4. */
    private static double[] run(boolean durable, int appends) throws Exception {
        Path home = Files.createTempDirectory("orderly-audit-bench");
        DatabaseSettings settings = DatabaseSettings.temporary(home);
        if (!durable) settings = settings.fastUnsafeForTests();
        try (OrderlyDatabase database = OrderlyDatabase.open(settings)) {
            AuditStore audit =
                    AuditStore.open(database.dataSource(), home.resolve("audit"), java.time.Clock.systemUTC());
            for (int i = 0; i < 200; i++) audit.append("warm-up", "DEU", "SCREENING", "list", "");
            double single = appendsPerSecond(audit, 1, appends);
            double four = appendsPerSecond(audit, 4, appends);
            if (!audit.verify().intact()) throw new IllegalStateException("the benchmark's log does not verify");
            return new double[] {single, four};
        } finally {
            deleteQuietly(home);
        }
    }

    private static double appendsPerSecond(AuditStore audit, int threads, int appends) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long started = System.nanoTime();
        List<Future<?>> work = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            work.add(pool.submit(() -> {
                for (int i = 0; i < appends / threads; i++)
                    audit.append("officer", "DEU", "BORDER_CHECK", "wanted-persons", "hits: 0");
            }));
        }
        for (Future<?> f : work) f.get();
        pool.shutdown();
        return (appends / threads) * threads / ((System.nanoTime() - started) / 1e9);
    }

    private static void signing(int count) {
        AuditSigner signer = AuditSigner.generate();
        Instant at = Instant.parse("2026-12-01T00:00:00Z");
        List<AuditEntry> sealed = new ArrayList<>(count);
        String previous = AuditChain.GENESIS;
        for (int round = 0; round < 2; round++) { // the first round warms the JIT
            sealed.clear();
            long started = System.nanoTime();
            for (int i = 1; i <= count; i++) {
                AuditEntry entry =
                        AuditChain.seal(i, at, "officer", "DEU", "BORDER_CHECK", "wanted-persons", "hits: 0", previous);
                sealed.add(entry);
                previous = entry.hash();
            }
            double sealSeconds = (System.nanoTime() - started) / 1e9;
            started = System.nanoTime();
            for (AuditEntry entry : sealed) signer.sign(entry);
            double signSeconds = (System.nanoTime() - started) / 1e9;
            started = System.nanoTime();
            for (AuditEntry entry : sealed.subList(0, count / 4))
                signer.publicKey().signed(signer.sign(entry));
            double verifySeconds = (System.nanoTime() - started) / 1e9 - signSeconds / 4;
            double jdkPerSecond = jdkSignaturesPerSecond(sealed.subList(0, count / 20));
            if (round == 1) {
                System.out.printf(
                        Locale.ROOT,
                        "in process, %d entries: seal (SHA-256) %.0f/s, Ed25519 sign %.0f/s (Bouncy Castle; "
                                + "baseline JDK 17 Ed25519 %.0f/s, ratio %.1f×), verify %.0f/s; sign costs %.1f× a seal%n",
                        count,
                        count / sealSeconds,
                        count / signSeconds,
                        jdkPerSecond,
                        (count / signSeconds) / jdkPerSecond,
                        (count / 4) / verifySeconds,
                        signSeconds / sealSeconds);
            }
        }
    }

    /** Baseline: the JDK's own Ed25519 signing the same texts. */
    private static double jdkSignaturesPerSecond(List<AuditEntry> entries) {
        try {
            java.security.KeyPair pair =
                    java.security.KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            long started = System.nanoTime();
            for (AuditEntry entry : entries) {
                java.security.Signature signature = java.security.Signature.getInstance("Ed25519");
                signature.initSign(pair.getPrivate());
                signature.update(
                        ("orderly-audit-entry/1 " + entry.hash()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                signature.sign();
            }
            return entries.size() / ((System.nanoTime() - started) / 1e9);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteQuietly(Path directory) {
        try (var paths = Files.walk(directory)) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
