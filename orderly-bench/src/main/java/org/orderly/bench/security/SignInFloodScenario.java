package org.orderly.bench.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bounded load on a running server over loopback: border officers' requests (travel requirement, border check,
 * screening), first with a personal access token, then with HTTP Basic (a password checked on every request), each
 * alone ("quiet") and while other threads flood the server with wrong passwords for the officer's account and for
 * invented ones. Prints the four latency distributions, the ratio of each median under flood to quiet (the aim for the
 * token: at most 2), counts every officer error (the aim: none) and the flood's answers.
 *
 * <p>With {@code forwarded}, every request names its client address in {@code X-Forwarded-For}, as a reverse proxy
 * does: the officers one booth address, the flood a handful of others (documentation addresses, RFC 5737; nothing is
 * sent to them). The server must then run with {@code server.forward-headers-strategy=native}, which trusts the header
 * from loopback; without it every request comes from 127.0.0.1, the officer's and the guesser's alike.
 *
 * <pre>java -cp orderly-bench/target/benchmarks.jar org.orderly.bench.security.SignInFloodScenario \
 *     http://localhost:18081 border-officer PASSWORD [requests per phase, default 3000] [flood threads, default 4] [forwarded]</pre>
 */
public final class SignInFloodScenario {
    /** The ICAO Doc 9303 specimen passport (valid check digits). */
    private static final String ZONE = "{\"lines\":[\"P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\","
            + "\"L898902C36UTO7408122F1204159ZE184226B<<<<<10\"]}";

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    private SignInFloodScenario(String base) {
        this.base = base;
    }

    /** The officers' booth, and the guessers' addresses, as a proxy would forward them (RFC 5737 documentation ranges). */
    private static final String BOOTH = "198.51.100.7";

    private static final String[] GUESSERS = {"203.0.113.5", "203.0.113.6", "203.0.113.7", "203.0.113.8"};

    private boolean forwarded;

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println(
                    "usage: SignInFloodScenario BASE_URL OFFICER PASSWORD [REQUESTS_PER_PHASE] [FLOOD_THREADS] [forwarded]");
            System.exit(2);
        }
        int requests = args.length > 3 ? Integer.parseInt(args[3]) : 3000;
        int floodThreads = args.length > 4 ? Integer.parseInt(args[4]) : 4;
        SignInFloodScenario scenario = new SignInFloodScenario(args[0]);
        scenario.forwarded = args.length > 5 && args[5].equals("forwarded");
        String token = scenario.issueToken(args[1], args[2]);
        String basic = basic(args[1], args[2]);

        scenario.officers("Bearer " + token, requests / 4, 2); // warm-up
        Phase tokenQuiet = scenario.officers("Bearer " + token, requests, 2);
        Phase basicQuiet = scenario.officers(basic, requests / 10, 2);
        Map<Integer, AtomicInteger> floodAnswers = new ConcurrentHashMap<>();
        AtomicBoolean flooding = new AtomicBoolean(true);
        List<Thread> flood = new ArrayList<>();
        for (int t = 0; t < floodThreads; t++) {
            int seed = t;
            Thread thread = new Thread(() -> scenario.flood(args[1], seed, flooding, floodAnswers));
            thread.start();
            flood.add(thread);
        }
        Thread.sleep(500);
        Phase tokenLoaded = scenario.officers("Bearer " + token, requests, 2);
        Phase basicLoaded = scenario.officers(basic, requests / 10, 2);
        flooding.set(false);
        for (Thread t : flood) t.join();

        System.out.printf(
                "officer requests (travel, border check, screening in turn), 2 threads; client addresses %s%n",
                scenario.forwarded ? "forwarded (officers " + BOOTH + ", guessers 203.0.113.5-8)" : "all 127.0.0.1");
        System.out.println("token, quiet:       " + tokenQuiet);
        System.out.println("token, under flood: " + tokenLoaded);
        System.out.println("Basic, quiet:       " + basicQuiet);
        System.out.println("Basic, under flood: " + basicLoaded);
        System.out.println("wrong-password flood (" + floodThreads + " threads): answers "
                + new java.util.TreeMap<>(floodAnswers));
        double tokenRatio = (double) tokenLoaded.p50Micros() / Math.max(1, tokenQuiet.p50Micros());
        double basicRatio = (double) basicLoaded.p50Micros() / Math.max(1, basicQuiet.p50Micros());
        int errors = tokenQuiet.errors() + tokenLoaded.errors() + basicQuiet.errors() + basicLoaded.errors();
        System.out.printf(
                "p50 under flood / quiet: token %.2f (aim ≤ 2.0), Basic %.2f; officer errors = %d (aim 0)%n",
                tokenRatio, basicRatio, errors);
        if (errors > 0 || tokenRatio > 2.0) System.exit(1);
    }

    private String issueToken(String user, String password) throws Exception {
        HttpResponse<String> response = http.send(
                from(BOOTH, HttpRequest.newBuilder(URI.create(base + "/api/v1/tokens")))
                        .header("Authorization", basic(user, password))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"label\":\"load scenario\",\"days\":1}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201)
            throw new IllegalStateException("cannot issue a token: " + response.statusCode() + " " + response.body());
        String body = response.body();
        int at = body.indexOf("\"token\":\"") + 9;
        return body.substring(at, body.indexOf('"', at));
    }

    /** Latencies of one phase and how many answers were not 200. */
    record Phase(int requests, long p50Micros, long p95Micros, long p99Micros, int errors, double perSecond) {
        @Override
        public String toString() {
            return String.format(
                    "%d requests, %.0f req/s, p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, errors %d",
                    requests, perSecond, p50Micros / 1000.0, p95Micros / 1000.0, p99Micros / 1000.0, errors);
        }
    }

    /** The request as a proxy would forward it from {@code address}, when the scenario runs {@code forwarded}. */
    private HttpRequest.Builder from(String address, HttpRequest.Builder request) {
        return forwarded ? request.header("X-Forwarded-For", address) : request;
    }

    private Phase officers(String authorization, int requests, int threads) throws InterruptedException {
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>(requests));
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(threads);
        long started = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            new Thread(() -> {
                        try {
                            for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                                HttpRequest request = switch (i % 3) {
                                    case 0 ->
                                        from(
                                                        BOOTH,
                                                        HttpRequest.newBuilder(
                                                                URI.create(
                                                                        base
                                                                                + "/api/v1/travel-requirements?passport=MAR&destination=DEU")))
                                                .header("Authorization", authorization)
                                                .GET()
                                                .build();
                                    case 1 -> post("/api/v1/border-checks", authorization, ZONE);
                                    default ->
                                        post(
                                                "/api/v1/screening",
                                                authorization,
                                                "{\"name\":\"Jean Pierre Moreau\",\"birthDate\":\"1961\"}");
                                };
                                long t0 = System.nanoTime();
                                try {
                                    HttpResponse<Void> response =
                                            http.send(request, HttpResponse.BodyHandlers.discarding());
                                    if (response.statusCode() != 200) errors.incrementAndGet();
                                } catch (Exception e) {
                                    errors.incrementAndGet();
                                }
                                latencies.add((System.nanoTime() - t0) / 1000);
                            }
                        } finally {
                            done.countDown();
                        }
                    })
                    .start();
        }
        done.await();
        double seconds = (System.nanoTime() - started) / 1e9;
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        return new Phase(
                requests,
                percentile(sorted, 0.50),
                percentile(sorted, 0.95),
                percentile(sorted, 0.99),
                errors.get(),
                requests / seconds);
    }

    private HttpRequest post(String path, String authorization, String body) {
        return from(BOOTH, HttpRequest.newBuilder(URI.create(base + path)))
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    /** Wrong passwords as fast as the server answers: half for the officer's own account, half for invented ones. */
    private void flood(String officer, int seed, AtomicBoolean running, Map<Integer, AtomicInteger> answers) {
        Random random = new Random(seed);
        AtomicLong n = new AtomicLong();
        while (running.get()) {
            String user = n.incrementAndGet() % 2 == 0 ? officer : "guess-" + random.nextInt(1_000_000);
            HttpRequest request = from(
                            GUESSERS[random.nextInt(GUESSERS.length)],
                            HttpRequest.newBuilder(URI.create(base + "/api/v1/watchlists")))
                    .header("Authorization", basic(user, "wrong-" + random.nextInt()))
                    .GET()
                    .build();
            try {
                int status = http.send(request, HttpResponse.BodyHandlers.discarding())
                        .statusCode();
                answers.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
            } catch (Exception e) {
                answers.computeIfAbsent(-1, s -> new AtomicInteger()).incrementAndGet();
            }
        }
    }

    private static long percentile(List<Long> sorted, double q) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.floor(q * sorted.size())));
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
