package org.orderly.bench.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Anonymous travel answers over loopback, for a bounded time per phase: every request on today's date, then every
 * request on a new date (one day further each time, from 1800-01-01 on), as a client would that tries to make the
 * server compile a rulebook per request. Prints answers per second of both phases and their ratio, and counts the
 * answers that are not 200 (503 = "busy compiling", by design).
 *
 * <pre>java -cp orderly-bench/target/benchmarks.jar org.orderly.bench.security.TravelDatesScenario \
 *     http://localhost:18081 [seconds per phase, default 20] [threads, default 4]</pre>
 */
public final class TravelDatesScenario {
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    private TravelDatesScenario(String base) {
        this.base = base;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: TravelDatesScenario BASE_URL [SECONDS_PER_PHASE] [THREADS]");
            System.exit(2);
        }
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        TravelDatesScenario scenario = new TravelDatesScenario(args[0]);
        LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
        scenario.phase(n -> today, 5, threads); // warm-up
        Result same = scenario.phase(n -> today, seconds, threads);
        LocalDate first = LocalDate.of(1800, 1, 1);
        Result fresh = scenario.phase(n -> first.plusDays(n), seconds, threads);
        System.out.printf("travel answers, %d threads, %d s per phase%n", threads, seconds);
        System.out.println("same date (today):      " + same);
        System.out.println("a new date per request: " + fresh);
        System.out.printf(
                "new-date / same-date answers per second = %.2f%n",
                fresh.perSecond() / Math.max(1e-9, same.perSecond()));
    }

    /** Answers per second, and the answers that were not 200 by status. */
    record Result(long answers, double perSecond, long notOk, long busy) {
        @Override
        public String toString() {
            return String.format(
                    "%d answers, %.0f/s, %d not 200 (of which %d × 503 busy)", answers, perSecond, notOk, busy);
        }
    }

    private Result phase(java.util.function.LongFunction<LocalDate> date, int seconds, int threads)
            throws InterruptedException {
        AtomicLong next = new AtomicLong();
        AtomicLong answers = new AtomicLong();
        AtomicLong notOk = new AtomicLong();
        AtomicLong busy = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        CountDownLatch done = new CountDownLatch(threads);
        AtomicInteger started = new AtomicInteger();
        for (int t = 0; t < threads; t++) {
            new Thread(() -> {
                        started.incrementAndGet();
                        try {
                            while (System.nanoTime() < end) {
                                LocalDate on = date.apply(next.getAndIncrement());
                                HttpRequest request = HttpRequest.newBuilder(URI.create(
                                                base + "/api/v1/travel-requirements?passport=MAR&destination=DEU&date="
                                                        + on))
                                        .GET()
                                        .build();
                                try {
                                    int status = http.send(request, HttpResponse.BodyHandlers.discarding())
                                            .statusCode();
                                    answers.incrementAndGet();
                                    if (status != 200) notOk.incrementAndGet();
                                    if (status == 503) busy.incrementAndGet();
                                } catch (Exception e) {
                                    notOk.incrementAndGet();
                                }
                            }
                        } finally {
                            done.countDown();
                        }
                    })
                    .start();
        }
        done.await();
        return new Result(answers.get(), answers.get() / (double) seconds, notOk.get(), busy.get());
    }
}
