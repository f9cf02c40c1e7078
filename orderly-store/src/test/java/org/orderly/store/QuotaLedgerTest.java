package org.orderly.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.orderly.exchange.audit.AuditChain;
import org.orderly.regime.channel.AllocationProcedure;
import org.orderly.regime.channel.LotteryDraw;
import org.orderly.store.channel.QuotaLedger;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Quota ledgers on the embedded PostgreSQL: never overbooked under concurrency, idempotent per applicant, audited with each act. */
class QuotaLedgerTest {
    private static final QuotaLedger.Actor OFFICER = new QuotaLedger.Actor("deu-officer", "DEU");
    private final OrderlyDatabase database = TestDatabase.get();
    private final JdbcClient jdbc = JdbcClient.create(database.dataSource());
    private final QuotaLedger ledger = new QuotaLedger(AuditStores.of(database));

    private static String channel() {
        return "TEST_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
    }

    private long audited(String channel, String action) {
        return jdbc.sql("select count(*) from audit_entry where subject = ? and action = ?")
                .params("quota:" + channel + "/2027", action)
                .query(Long.class)
                .single();
    }

    @Test
    void sixteenThreadsRequestingFourHundredPlacesOfTwentyGetExactlyTwenty() throws Exception {
        String channel = channel();
        int threads = 16;
        int perThread = 25;
        ConcurrentLinkedQueue<QuotaLedger.Outcome> outcomes = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        askFromThreads(channel, 20, threads, perThread, (thread, i) -> "APP-" + thread + "-" + i, outcomes, failures);
        assertThat(failures).isEmpty();
        assertThat(outcomes).hasSize(400);
        assertThat(outcomes).filteredOn(QuotaLedger.Granted.class::isInstance).hasSize(20);
        assertThat(outcomes)
                .filteredOn(
                        o -> o instanceof QuotaLedger.Refused r && r.reason().equals("QUOTA_EXHAUSTED"))
                .hasSize(380);
        assertThat(ledger.allocations(channel, 2027))
                .extracting(QuotaLedger.Allocation::slot)
                .containsExactlyElementsOf(
                        java.util.stream.IntStream.rangeClosed(1, 20).boxed().toList());
        QuotaLedger.Status status = ledger.status(channel, 2027).orElseThrow();
        assertThat(status.granted()).isEqualTo(20);
        assertThat(status.refused()).isEqualTo(380);
        assertThat(audited(channel, QuotaLedger.GRANTED)).isEqualTo(20);
        assertThat(audited(channel, QuotaLedger.REFUSED)).isEqualTo(380);
        // Requests decided together are chained entry by entry: each of this ledger's entries seals to its stored hash
        // and
        // follows the entry before it in the log (other tests share the database and its log, so not the whole log
        // here).
        List<java.util.Map<String, Object>> entries =
                jdbc.sql("""
                select e.*, p.hash as before_hash from audit_entry e left join audit_entry p on p.sequence = e.sequence - 1
                where e.subject = ? order by e.sequence""").param("quota:" + channel + "/2027").query().listOfRows();
        assertThat(entries).hasSize(400).allSatisfy(e -> {
            assertThat(e.get("previous_hash")).isEqualTo(e.get("before_hash"));
            assertThat(AuditChain.seal(
                                    (Long) e.get("sequence"),
                                    ((java.sql.Timestamp) e.get("at")).toInstant(),
                                    (String) e.get("actor"),
                                    (String) e.get("party"),
                                    (String) e.get("action"),
                                    (String) e.get("subject"),
                                    (String) e.get("detail"),
                                    (String) e.get("previous_hash"))
                            .hash())
                    .isEqualTo(e.get("hash"));
        });
    }

    @Test
    void theDatabaseItselfRefusesAnOverbooking() {
        String channel = channel();
        ledger.allocate(channel, 2027, 1, AllocationProcedure.FIRST_COME, "APP-1", OFFICER);
        assertThatThrownBy(() -> jdbc.sql("update quota_ledger set granted = granted + 1 where channel_id = ?")
                        .param(channel)
                        .update())
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("quota_never_overbooked");
        assertThatThrownBy(() -> jdbc.sql(
                                "insert into quota_allocation (channel_id, year, slot, applicant, allocated_by, party) values (?, 2027, 1, 'APP-2', 'x', 'DEU')")
                        .param(channel)
                        .update())
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThat(ledger.allocate(channel, 2027, 1, AllocationProcedure.FIRST_COME, "APP-3", OFFICER))
                .isInstanceOf(QuotaLedger.Refused.class);
    }

    @Test
    void anApplicantAskingAgainFromManyThreadsHoldsOnePlace() throws Exception {
        String channel = channel();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<QuotaLedger.Outcome>> asks = new ArrayList<>();
        for (int i = 0; i < 8; i++)
            asks.add(pool.submit(
                    () -> ledger.allocate(channel, 2027, 5, AllocationProcedure.FIRST_COME, "APP-SAME", OFFICER)));
        Set<Long> ids = new HashSet<>();
        int fresh = 0;
        for (Future<QuotaLedger.Outcome> ask : asks) {
            QuotaLedger.Granted granted = (QuotaLedger.Granted) ask.get(60, TimeUnit.SECONDS);
            ids.add(granted.allocation().id());
            if (!granted.already()) fresh++;
        }
        pool.shutdown();
        assertThat(ids).hasSize(1);
        assertThat(fresh).isEqualTo(1);
        assertThat(ledger.status(channel, 2027).orElseThrow().granted()).isEqualTo(1);
        assertThat(audited(channel, QuotaLedger.GRANTED)).isEqualTo(1);
    }

    @Test
    void anAuditEntryThatFailsAtCommitLeavesNoPlaceGrantedAndNoGapInTheLog() {
        String channel = channel();
        ledger.allocate(channel, 2027, 3, AllocationProcedure.FIRST_COME, "APP-1", OFFICER);
        long before = jdbc.sql("select max(sequence) from audit_entry")
                .query(Long.class)
                .single();
        jdbc.sql("""
                create or replace function fail_audit() returns trigger as $$
                begin raise exception 'injected audit failure'; end $$ language plpgsql""").update();
        // Fails at commit, after the entry was appended: the place and the entry go together, and the log stays whole.
        jdbc.sql(
                        "create constraint trigger fail_audit after insert on audit_entry deferrable initially deferred for each row execute function fail_audit()")
                .update();
        try {
            assertThatThrownBy(
                            () -> ledger.allocate(channel, 2027, 3, AllocationProcedure.FIRST_COME, "APP-2", OFFICER))
                    .rootCause()
                    .hasMessageContaining("injected audit failure");
        } finally {
            jdbc.sql("drop trigger fail_audit on audit_entry").update();
        }
        assertThat(ledger.allocations(channel, 2027))
                .extracting(QuotaLedger.Allocation::applicant)
                .containsExactly("APP-1");
        assertThat(ledger.status(channel, 2027).orElseThrow().granted()).isEqualTo(1);
        // And the log goes on without a gap: the high-water mark was not raised for the entry that was rolled back, so
        // the next entry follows the last one kept (a mark ahead of the log numbers the next entry after a gap).
        assertThat(ledger.allocate(channel, 2027, 3, AllocationProcedure.FIRST_COME, "APP-2", OFFICER))
                .isInstanceOf(QuotaLedger.Granted.class);
        assertThat(jdbc.sql("select max(sequence) from audit_entry")
                        .query(Long.class)
                        .single())
                .isEqualTo(before + 1);
    }

    @Test
    void aRequestThatFailsAmongOthersDecidedTogetherFailsAloneAndTakesNothingWithIt() throws Exception {
        String channel = channel();
        jdbc.sql("""
                create or replace function fail_bad_applicant() returns trigger as $$
                begin if new.applicant = 'APP-BAD' then raise exception 'injected failure for APP-BAD'; end if; return new; end $$
                language plpgsql""").update();
        jdbc.sql(
                        "create trigger fail_bad_applicant before insert on quota_allocation for each row execute function fail_bad_applicant()")
                .update();
        int threads = 16;
        int perThread = 10;
        ConcurrentLinkedQueue<QuotaLedger.Outcome> outcomes = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        try {
            askFromThreads(
                    channel,
                    500,
                    threads,
                    perThread,
                    (thread, i) -> thread == 7 && i == 5 ? "APP-BAD" : "APP-" + thread + "-" + i,
                    outcomes,
                    failures);
        } finally {
            jdbc.sql("drop trigger fail_bad_applicant on quota_allocation").update();
        }
        assertThat(failures)
                .singleElement()
                .satisfies(e -> assertThat(e).rootCause().hasMessageContaining("injected failure for APP-BAD"));
        assertThat(outcomes)
                .hasSize(threads * perThread - 1)
                .allMatch(o -> o instanceof QuotaLedger.Granted g && !g.already());
        assertThat(ledger.allocations(channel, 2027))
                .hasSize(threads * perThread - 1)
                .extracting(QuotaLedger.Allocation::applicant)
                .doesNotContain("APP-BAD");
        QuotaLedger.Status status = ledger.status(channel, 2027).orElseThrow();
        assertThat(status.granted()).isEqualTo(threads * perThread - 1);
        assertThat(status.refused()).isZero();
        assertThat(audited(channel, QuotaLedger.GRANTED)).isEqualTo(threads * perThread - 1);
        assertThat(audited(channel, QuotaLedger.REFUSED)).isZero();
    }

    @Test
    void aRankedQuotaGoesToTheHighestPointsAboveTheCutOff() {
        String channel = channel();
        int[] points = {40, 90, 65, 70, 80, 64, 95};
        for (int i = 0; i < points.length; i++)
            ledger.enter(channel, 2027, 3, AllocationProcedure.RANKED, "APP-" + i, points[i], OFFICER);
        assertThat(ledger.allocate(channel, 2027, 3, AllocationProcedure.RANKED, "APP-X", OFFICER))
                .isInstanceOfSatisfying(
                        QuotaLedger.Refused.class, r -> assertThat(r.reason()).isEqualTo("PROCEDURE"));
        List<QuotaLedger.Outcome> outcomes = ledger.rank(channel, 2027, 65, OFFICER);
        assertThat(ledger.allocations(channel, 2027))
                .extracting(QuotaLedger.Allocation::applicant)
                .containsExactly("APP-6", "APP-1", "APP-4");
        assertThat(ledger.allocations(channel, 2027))
                .extracting(QuotaLedger.Allocation::points)
                .containsExactly(95, 90, 80);
        assertThat(ledger.status(channel, 2027).orElseThrow()).satisfies(s -> {
            assertThat(s.granted()).isEqualTo(3);
            assertThat(s.refused())
                    .as("the first-come request, two below the cut-off, two past the places")
                    .isEqualTo(5);
        });
        assertThat(outcomes)
                .filteredOn(
                        o -> o instanceof QuotaLedger.Refused r && r.reason().equals("BELOW_CUT_OFF"))
                .hasSize(2);
        assertThat(outcomes)
                .filteredOn(
                        o -> o instanceof QuotaLedger.Refused r && r.reason().equals("QUOTA_EXHAUSTED"))
                .hasSize(2);
        assertThatThrownBy(() -> ledger.rank(channel, 2027, 65, OFFICER)).hasMessageContaining("already decided");
    }

    @Test
    void aLotteryIsDrawnWithThePublishedSeedAndAnyoneCanReRunIt() {
        String channel = channel();
        String seed = "a secret seed chosen by the authority " + UUID.randomUUID();
        assertThatThrownBy(() -> ledger.draw(channel, 2027, seed, OFFICER)).hasMessageStartingWith("no quota ledger");
        ledger.publishSeedHash(channel, 2027, 4, LotteryDraw.seedHash(seed), OFFICER);
        for (int i = 0; i < 30; i++)
            ledger.enter(channel, 2027, 4, AllocationProcedure.LOTTERY, "APP-" + i, null, OFFICER);
        assertThatThrownBy(() -> ledger.draw(channel, 2027, "another seed", OFFICER))
                .hasMessageStartingWith("the seed does not match");
        ledger.draw(channel, 2027, seed, OFFICER);
        QuotaLedger.Status status = ledger.status(channel, 2027).orElseThrow();
        assertThat(status.seed()).isEqualTo(seed);
        // The re-run: published seed and tokens give the same winners.
        List<String> winners = LotteryDraw.winners(status.seed(), ledger.tokens(channel, 2027), status.places());
        assertThat(ledger.allocations(channel, 2027))
                .extracting(a -> LotteryDraw.token(a.applicant()))
                .containsExactlyElementsOf(winners);
        assertThat(audited(channel, QuotaLedger.REFUSED)).isEqualTo(26);
    }

    /**
     * Starts {@code threads} threads at once, each asking for {@code perThread} places of a first-come quota of
     * {@code places} in 2027 for the applicants {@code applicant(thread, i)}; what each ask returns or throws is collected.
     */
    private void askFromThreads(
            String channel,
            int places,
            int threads,
            int perThread,
            BiFunction<Integer, Integer, String> applicant,
            Collection<QuotaLedger.Outcome> outcomes,
            Collection<Throwable> failures)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                running.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        try {
                            outcomes.add(ledger.allocate(
                                    channel,
                                    2027,
                                    places,
                                    AllocationProcedure.FIRST_COME,
                                    applicant.apply(thread, i),
                                    OFFICER));
                        } catch (RuntimeException e) {
                            failures.add(e);
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : running) f.get(120, TimeUnit.SECONDS);
        } finally {
            pool.shutdown();
        }
    }
}
