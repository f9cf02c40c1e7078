package org.orderly.store.channel;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import org.orderly.regime.channel.AllocationProcedure;
import org.orderly.regime.channel.LotteryDraw;
import org.orderly.store.audit.AuditStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The quota ledgers of legal channels in PostgreSQL: one ledger per channel and year, whose places are granted first
 * come, by rank above a cut-off, or by a lottery anyone can re-run. Overbooking is impossible by construction: a grant
 * is a conditional increment of the ledger's counter ({@code granted < places}) under the ledger row's lock, backed by a
 * check constraint the database enforces ({@code granted <= places}) and a unique place number per grant; an
 * applicant holds at most one place (unique), so a request repeated after a crash returns the place it already has.
 * Every grant and refusal is appended to the audit log in the same transaction: both are kept, or neither.
 *
 * <p>First-come requests that arrive together are decided together (group commit): the thread that takes the decision
 * lock decides every request waiting, in arrival order, in one transaction with one commit and one flush of the log,
 * each request with its own grant or refusal and its own audit entry. If that transaction fails, each of its requests is
 * decided again on its own, so that one request's failure is its own.
 */
public final class QuotaLedger {
    /** The audit actions the ledger appends. */
    public static final String GRANTED = "QUOTA_ALLOCATION",
            REFUSED = "QUOTA_REFUSAL",
            ENTERED = "QUOTA_ENTRY",
            SEED_PUBLISHED = "QUOTA_SEED_HASH",
            DECIDED = "QUOTA_DECISION";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final AuditStore audit;
    /** First-come requests waiting to be decided, and the lock of the one thread deciding them. */
    private final ConcurrentLinkedQueue<Request> waiting = new ConcurrentLinkedQueue<>();

    private final ReentrantLock deciding = new ReentrantLock();
    /** The most requests one transaction decides: bounds how long the ledger rows and the log stay locked. */
    private static final int MOST_DECIDED_TOGETHER = 256;

    private record Request(
            String channelId,
            int year,
            int places,
            AllocationProcedure procedure,
            String applicant,
            Actor actor,
            CompletableFuture<Outcome> outcome) {}

    /** The ledgers on the audit log's own DataSource: a grant and its entry share one connection and one transaction. */
    public QuotaLedger(AuditStore audit) {
        this.audit = Objects.requireNonNull(audit, "audit");
        this.jdbc = JdbcClient.create(audit.dataSource());
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(audit.dataSource()));
    }

    /** Who acts: the principal's name and the party it acts for (as the audit log records them). */
    public record Actor(String name, String party) {
        public Actor {
            Objects.requireNonNull(name, "actor name");
            party = party == null ? "" : party;
        }
    }

    /** A place granted. */
    public record Allocation(
            long id,
            String channelId,
            int year,
            int slot,
            String applicant,
            Integer points,
            Instant at,
            String allocatedBy,
            String party) {}

    /** A ledger's state: public totals (no applicant), with the lottery's published seed hash and, after the draw, its seed. */
    public record Status(
            String channelId,
            int year,
            int places,
            AllocationProcedure procedure,
            int granted,
            int refused,
            boolean closed,
            String seedHash,
            String seed) {
        public int remaining() {
            return places - granted;
        }
    }

    /** What a request for a place came to. */
    public sealed interface Outcome permits Granted, Refused {}

    /** A place: a new one, or ({@code already}) the one this applicant was granted before. */
    public record Granted(Allocation allocation, boolean already) implements Outcome {}

    /** No place, and why: {@code QUOTA_EXHAUSTED}, {@code PROCEDURE} (the quota is not first come), {@code CLOSED}, {@code BELOW_CUT_OFF}, {@code NOT_DRAWN}. */
    public record Refused(String applicant, String reason, String message) implements Outcome {}

    /**
     * Grants the next place of a first-come quota to an applicant, or refuses it; the ledger is opened with
     * {@code places} and {@code procedure} on its first use (later calls keep what it was opened with).
     */
    public Outcome allocate(
            String channelId, int year, int places, AllocationProcedure procedure, String applicant, Actor actor) {
        requireApplicant(applicant);
        if (places < 0) throw new IllegalArgumentException("places must not be negative, was " + places);
        Request request = new Request(channelId, year, places, procedure, applicant, actor, new CompletableFuture<>());
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            // Inside a caller's transaction the request is part of its act: decided there, not with other threads'
            // requests.
            return transactions.execute(tx -> decideTogether(List.of(request))).get(0);
        }
        waiting.add(request);
        boolean interrupted = false;
        while (!request.outcome().isDone()) {
            if (deciding.tryLock()) {
                // This thread decides: every request waiting, its own among them, until none is left (those that arrive
                // meanwhile go in the next transaction), so that the others need not queue for the lock to learn
                // theirs.
                try {
                    while (!waiting.isEmpty()) decideWaiting();
                } finally {
                    deciding.unlock();
                }
            } else {
                // Another thread is deciding and will take this request too; look again after a while in case it had
                // finished just before this request arrived.
                try {
                    request.outcome().get(2, java.util.concurrent.TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
                    // decided with a failure (thrown below), or not yet: look again
                } catch (InterruptedException e) {
                    interrupted =
                            true; // the request is queued and will be decided: wait for it, and keep the interrupt
                }
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
        try {
            return request.outcome().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) throw cause;
            if (e.getCause() instanceof Error error) throw error;
            throw e;
        }
    }

    /** Decides the requests waiting in one transaction; if it fails, each again in a transaction of its own. */
    private void decideWaiting() {
        List<Request> batch = new ArrayList<>();
        for (Request r; batch.size() < MOST_DECIDED_TOGETHER && (r = waiting.poll()) != null; ) batch.add(r);
        if (batch.isEmpty()) return;
        List<Outcome> outcomes;
        try {
            outcomes = transactions.execute(tx -> decideTogether(batch));
        } catch (RuntimeException together) {
            // Nothing of the batch was committed: decide each alone, so that a failure is the failing request's only.
            for (Request r : batch) {
                try {
                    r.outcome()
                            .complete(transactions
                                    .execute(tx -> decideTogether(List.of(r)))
                                    .get(0));
                } catch (RuntimeException | Error alone) {
                    r.outcome().completeExceptionally(alone);
                }
            }
            return;
        }
        for (int i = 0; i < batch.size(); i++) batch.get(i).outcome().complete(outcomes.get(i));
    }

    /**
     * Decides first-come requests in the caller's transaction, in their order within each ledger. Ledgers are locked in
     * one order, so that another process deciding its own requests cannot deadlock with this one.
     */
    private List<Outcome> decideTogether(List<Request> requests) {
        Map<String, List<Integer>> byLedger = new java.util.TreeMap<>();
        for (int i = 0; i < requests.size(); i++) {
            Request r = requests.get(i);
            byLedger.computeIfAbsent(r.channelId() + "\u0000" + r.year(), k -> new ArrayList<>())
                    .add(i);
        }
        Outcome[] outcomes = new Outcome[requests.size()];
        for (List<Integer> indices : byLedger.values()) {
            Request first = requests.get(indices.get(0));
            Status ledger = lock(first.channelId(), first.year(), first.places(), first.procedure());
            List<Claim> claims = new ArrayList<>(indices.size());
            for (int i : indices) {
                Request r = requests.get(i);
                claims.add(
                        ledger.procedure() == AllocationProcedure.FIRST_COME
                                ? Claim.wanting(r.applicant(), null, r.actor())
                                : Claim.refused(
                                        r.applicant(),
                                        r.actor(),
                                        "PROCEDURE",
                                        "the quota of " + r.channelId() + " for " + r.year() + " is allocated "
                                                + words(ledger.procedure()) + ", not first come"));
            }
            List<Outcome> decided = decide(ledger, claims);
            for (int k = 0; k < indices.size(); k++) outcomes[indices.get(k)] = decided.get(k);
        }
        return List.of(outcomes);
    }

    /**
     * One applicant's claim on a locked ledger, in the order it is decided: a place wanted (with the points that ranked it),
     * or a refusal already decided by the procedure ({@code reason} and {@code message}: below the cut-off, not drawn).
     */
    private record Claim(String applicant, Integer points, Actor actor, String reason, String message) {
        static Claim wanting(String applicant, Integer points, Actor actor) {
            return new Claim(applicant, points, actor, null, null);
        }

        static Claim refused(String applicant, Actor actor, String reason, String message) {
            return new Claim(applicant, null, actor, reason, message);
        }
    }

    /**
     * The one way a ledger grants and refuses, for every procedure, in the caller's transaction on a ledger it locked: with
     * a fixed number of statements whatever the number of claims (look up the places the applicants hold, move the counters
     * once, insert the grants in one statement and their audit entries in one batch). A place already held is returned; the
     * others are granted in order while places are left, then refused as exhausted.
     */
    private List<Outcome> decide(Status ledger, List<Claim> claims) {
        String[] applicants = claims.stream().map(Claim::applicant).distinct().toArray(String[]::new);
        Map<String, Allocation> held = new HashMap<>();
        jdbc.sql("select * from quota_allocation where channel_id = ? and year = ? and applicant = any(?)")
                .params(ledger.channelId(), ledger.year(), applicants)
                .query(QuotaLedger::allocation)
                .list()
                .forEach(a -> held.put(a.applicant(), a));
        Map<String, Integer> grantedSlot = new java.util.LinkedHashMap<>();
        Map<String, Claim> grantedBy = new HashMap<>();
        String[] reasons = new String[claims.size()];
        String[] messages = new String[claims.size()];
        int refusals = 0;
        int nextSlot = ledger.granted();
        for (int i = 0; i < claims.size(); i++) {
            Claim c = claims.get(i);
            if (held.containsKey(c.applicant()) || grantedSlot.containsKey(c.applicant())) continue;
            if (c.reason() != null) {
                reasons[i] = c.reason();
                messages[i] = c.message();
            } else if (nextSlot < ledger.places()) {
                grantedSlot.put(c.applicant(), ++nextSlot);
                grantedBy.put(c.applicant(), c);
                continue;
            } else {
                reasons[i] = "QUOTA_EXHAUSTED";
                messages[i] = "the quota of " + ledger.channelId() + " for " + ledger.year() + " is exhausted: all "
                        + ledger.places() + " places are allocated";
            }
            refusals++;
        }
        // The counters move once; the conditional keeps the check constraint's promise even if the lock were lost.
        if (!grantedSlot.isEmpty() || refusals > 0) {
            int moved = jdbc.sql(
                            "update quota_ledger set granted = granted + ?, refused = refused + ? where channel_id = ? and year = ? and granted = ?")
                    .params(grantedSlot.size(), refusals, ledger.channelId(), ledger.year(), ledger.granted())
                    .update();
            if (moved != 1)
                throw new IllegalStateException("the quota ledger of " + ledger.channelId() + " for " + ledger.year()
                        + " changed under its lock");
        }
        Map<String, Allocation> inserted = new HashMap<>();
        if (!grantedSlot.isEmpty()) {
            StringBuilder sql = new StringBuilder(
                    "insert into quota_allocation (channel_id, year, slot, applicant, points, allocated_by, party, allocated_at) values ");
            List<Object> values = new ArrayList<>();
            // Allocated at the audit log's clock (the server's or the command line's one clock), as its entry is.
            java.sql.Timestamp allocatedAt =
                    java.sql.Timestamp.from(audit.clock().instant());
            for (Map.Entry<String, Integer> g : grantedSlot.entrySet()) {
                if (!values.isEmpty()) sql.append(", ");
                sql.append("(?, ?, ?, ?, ?, ?, ?, ?)");
                Claim c = grantedBy.get(g.getKey());
                values.add(ledger.channelId());
                values.add(ledger.year());
                values.add(g.getValue());
                values.add(g.getKey());
                values.add(c.points());
                values.add(c.actor().name());
                values.add(c.actor().party());
                values.add(allocatedAt);
            }
            jdbc.sql(sql.append(" returning *").toString())
                    .params(values)
                    .query(QuotaLedger::allocation)
                    .list()
                    .forEach(a -> inserted.put(a.applicant(), a));
        }
        // Each claim its outcome and (for a grant or a refusal) its own audit entry, in order.
        List<AuditStore.Act> acts = new ArrayList<>();
        List<Outcome> outcomes = new ArrayList<>(claims.size());
        String subject = subject(ledger.channelId(), ledger.year());
        Set<String> auditedGrant = new HashSet<>();
        for (int i = 0; i < claims.size(); i++) {
            Claim c = claims.get(i);
            if (reasons[i] != null) {
                acts.add(new AuditStore.Act(
                        c.actor().name(), c.actor().party(), REFUSED, subject, reasons[i] + ": " + messages[i]));
                outcomes.add(new Refused(c.applicant(), reasons[i], messages[i]));
            } else if (held.containsKey(c.applicant())) {
                outcomes.add(new Granted(held.get(c.applicant()), true));
            } else {
                Allocation allocation = inserted.get(c.applicant());
                boolean fresh = auditedGrant.add(c.applicant());
                if (fresh) {
                    acts.add(new AuditStore.Act(
                            c.actor().name(),
                            c.actor().party(),
                            GRANTED,
                            subject,
                            "allocation " + allocation.id() + ": place " + allocation.slot() + " of "
                                    + ledger.places()));
                }
                outcomes.add(new Granted(allocation, !fresh));
            }
        }
        audit.appendAll(acts);
        return outcomes;
    }

    /** Enters an applicant (with points, for a ranked quota) into a ranked or lottery allocation not yet decided. */
    public void enter(
            String channelId,
            int year,
            int places,
            AllocationProcedure procedure,
            String applicant,
            Integer points,
            Actor actor) {
        requireApplicant(applicant);
        transactions.executeWithoutResult(tx -> {
            Status ledger = lock(channelId, year, places, procedure);
            if (ledger.procedure() == AllocationProcedure.FIRST_COME)
                throw new IllegalStateException(
                        "the quota of " + channelId + " for " + year + " is first come: allocate instead");
            if (ledger.closed())
                throw new IllegalStateException("the " + year + " allocation of " + channelId + " is already decided");
            if (ledger.procedure() == AllocationProcedure.RANKED && points == null)
                throw new IllegalArgumentException("a ranked quota needs the applicant's points");
            int added = jdbc.sql(
                            "insert into quota_entry (channel_id, year, applicant, token, points, entered_at) values (?, ?, ?, ?, ?, ?) on conflict do nothing")
                    .params(
                            channelId,
                            year,
                            applicant,
                            LotteryDraw.token(applicant),
                            points,
                            java.sql.Timestamp.from(audit.clock().instant()))
                    .update();
            if (added == 1)
                audit.append(
                        actor.name(),
                        actor.party(),
                        ENTERED,
                        subject(channelId, year),
                        "entered" + (points == null ? "" : " with " + points + " points"));
        });
    }

    /**
     * Decides a ranked quota: the entries with at least {@code cutOff} points, highest first (then earliest entered), get
     * the places left; every other entry is refused. Each grant and refusal is audited; the ledger closes.
     */
    public List<Outcome> rank(String channelId, int year, int cutOff, Actor actor) {
        return transactions.execute(tx -> {
            Status ledger = existing(channelId, year);
            if (ledger.procedure() != AllocationProcedure.RANKED)
                throw new IllegalStateException("the quota of " + channelId + " for " + year + " is not ranked");
            if (ledger.closed())
                throw new IllegalStateException("the " + year + " allocation of " + channelId + " is already decided");
            List<Object[]> entries = jdbc.sql(
                            "select applicant, points from quota_entry where channel_id = ? and year = ? order by points desc, entered_at, applicant")
                    .params(channelId, year)
                    .query((rs, n) -> new Object[] {rs.getString(1), rs.getInt(2)})
                    .list();
            List<Claim> claims = new ArrayList<>(entries.size());
            for (Object[] e : entries) {
                String applicant = (String) e[0];
                int points = (Integer) e[1];
                claims.add(
                        points < cutOff
                                ? Claim.refused(
                                        applicant,
                                        actor,
                                        "BELOW_CUT_OFF",
                                        points + " points, below the cut-off of " + cutOff)
                                : Claim.wanting(applicant, points, actor));
            }
            List<Outcome> outcomes = decide(ledger, claims);
            close(channelId, year, null);
            audit.append(
                    actor.name(),
                    actor.party(),
                    DECIDED,
                    subject(channelId, year),
                    "ranked " + entries.size() + " entries, cut-off " + cutOff);
            return outcomes;
        });
    }

    /** Publishes, before a lottery, the SHA-256 of its secret seed; it cannot change afterwards. */
    public Status publishSeedHash(String channelId, int year, int places, String seedHash, Actor actor) {
        if (seedHash == null || !seedHash.matches("[0-9a-f]{64}"))
            throw new IllegalArgumentException("seed hash must be 64 lower-case hexadecimal digits (SHA-256)");
        return transactions.execute(tx -> {
            Status ledger = lock(channelId, year, places, AllocationProcedure.LOTTERY);
            if (ledger.procedure() != AllocationProcedure.LOTTERY)
                throw new IllegalStateException("the quota of " + channelId + " for " + year + " is not a lottery");
            if (ledger.seedHash() != null)
                throw new IllegalStateException("the seed hash of " + channelId + " for " + year
                        + " is already published: " + ledger.seedHash());
            jdbc.sql("update quota_ledger set seed_hash = ? where channel_id = ? and year = ?")
                    .params(seedHash, channelId, year)
                    .update();
            audit.append(
                    actor.name(), actor.party(), SEED_PUBLISHED, subject(channelId, year), "seed hash " + seedHash);
            return existing(channelId, year);
        });
    }

    /**
     * Draws a lottery with the seed whose hash was published: the entrants' tokens in {@link LotteryDraw#order} get the
     * places left, every other entry is refused, each audited; the seed is kept and published.
     */
    public List<Outcome> draw(String channelId, int year, String seed, Actor actor) {
        return transactions.execute(tx -> {
            Status ledger = existing(channelId, year);
            if (ledger.procedure() != AllocationProcedure.LOTTERY)
                throw new IllegalStateException("the quota of " + channelId + " for " + year + " is not a lottery");
            if (ledger.closed())
                throw new IllegalStateException("the " + year + " lottery of " + channelId + " is already drawn");
            if (ledger.seedHash() == null) throw new IllegalStateException("publish the seed's hash before the draw");
            if (!LotteryDraw.seedHash(seed).equals(ledger.seedHash()))
                throw new IllegalArgumentException("the seed does not match the published hash " + ledger.seedHash());
            List<String[]> entries = jdbc.sql(
                            "select token, applicant from quota_entry where channel_id = ? and year = ?")
                    .params(channelId, year)
                    .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                    .list();
            java.util.Map<String, String> byToken = new HashMap<>();
            for (String[] e : entries) byToken.put(e[0], e[1]);
            List<Claim> claims = new ArrayList<>(entries.size());
            int left = ledger.remaining();
            for (String token : LotteryDraw.order(seed, byToken.keySet())) {
                String applicant = byToken.get(token);
                claims.add(
                        left-- > 0
                                ? Claim.wanting(applicant, null, actor)
                                : Claim.refused(
                                        applicant,
                                        actor,
                                        "NOT_DRAWN",
                                        "not drawn for one of the " + ledger.places() + " places"));
            }
            List<Outcome> outcomes = decide(ledger, claims);
            close(channelId, year, seed);
            audit.append(
                    actor.name(),
                    actor.party(),
                    DECIDED,
                    subject(channelId, year),
                    "drew " + entries.size() + " entries with the published seed");
            return outcomes;
        });
    }

    /** The tokens entered in a lottery, for anyone to re-run the draw once the seed is published. */
    public List<String> tokens(String channelId, int year) {
        return jdbc.sql("select token from quota_entry where channel_id = ? and year = ? order by token")
                .params(channelId, year)
                .query(String.class)
                .list();
    }

    /** The tokens of the places granted, in the order granted (for a lottery: the draw's order), naming no one. */
    public List<String> grantedTokens(String channelId, int year) {
        return jdbc
                .sql("select applicant from quota_allocation where channel_id = ? and year = ? order by slot")
                .params(channelId, year)
                .query(String.class)
                .list()
                .stream()
                .map(LotteryDraw::token)
                .toList();
    }

    /** The ledger's totals, if it was opened. */
    public Optional<Status> status(String channelId, int year) {
        return jdbc.sql("select * from quota_ledger where channel_id = ? and year = ?")
                .params(channelId, year)
                .query(QuotaLedger::status)
                .optional();
    }

    /** Places granted in a channel's year, for the finder; empty when no ledger was opened. */
    public OptionalLong allocated(String channelId, int year) {
        return status(channelId, year).map(s -> OptionalLong.of(s.granted())).orElse(OptionalLong.empty());
    }

    /** Every ledger's totals. */
    public List<Status> statuses() {
        return jdbc.sql("select * from quota_ledger order by channel_id, year")
                .query(QuotaLedger::status)
                .list();
    }

    /** Every ledger's public totals, as the monitoring indicators read them. */
    public List<org.orderly.monitoring.channel.QuotaLedgerTotals> totals() {
        return statuses().stream()
                .map(s -> new org.orderly.monitoring.channel.QuotaLedgerTotals(
                        s.channelId(),
                        s.year(),
                        s.places(),
                        s.granted(),
                        s.refused(),
                        s.procedure().name()))
                .toList();
    }

    /** The places granted in a channel's year, in order (personal data: for the authorities). */
    public List<Allocation> allocations(String channelId, int year) {
        return jdbc.sql("select * from quota_allocation where channel_id = ? and year = ? order by slot")
                .params(channelId, year)
                .query(QuotaLedger::allocation)
                .list();
    }

    /** Opens the ledger if it is new and locks its row for this transaction. */
    private Status lock(String channelId, int year, int places, AllocationProcedure procedure) {
        if (places < 0) throw new IllegalArgumentException("places must not be negative, was " + places);
        jdbc.sql(
                        "insert into quota_ledger (channel_id, year, places, procedure, opened_at) values (?, ?, ?, ?, ?) on conflict do nothing")
                .params(
                        channelId,
                        year,
                        places,
                        procedure.name(),
                        java.sql.Timestamp.from(audit.clock().instant()))
                .update();
        return jdbc.sql("select * from quota_ledger where channel_id = ? and year = ? for update")
                .params(channelId, year)
                .query(QuotaLedger::status)
                .single();
    }

    private Status existing(String channelId, int year) {
        return jdbc.sql("select * from quota_ledger where channel_id = ? and year = ? for update")
                .params(channelId, year)
                .query(QuotaLedger::status)
                .optional()
                .orElseThrow(
                        () -> new java.util.NoSuchElementException("no quota ledger for " + channelId + " in " + year));
    }

    private void close(String channelId, int year, String seed) {
        jdbc.sql("update quota_ledger set closed = true, seed = coalesce(?, seed) where channel_id = ? and year = ?")
                .params(seed, channelId, year)
                .update();
    }

    private static void requireApplicant(String applicant) {
        if (applicant == null || applicant.isBlank())
            throw new IllegalArgumentException("applicant is missing: give the application's reference");
        if (applicant.length() > 200)
            throw new IllegalArgumentException("applicant reference is longer than 200 characters");
    }

    private static String subject(String channelId, int year) {
        return "quota:" + channelId + "/" + year;
    }

    private static String words(AllocationProcedure procedure) {
        return procedure == AllocationProcedure.RANKED ? "by rank above a cut-off" : "by lottery";
    }

    private static Status status(ResultSet rs, int n) throws SQLException {
        return new Status(
                rs.getString("channel_id"),
                rs.getInt("year"),
                rs.getInt("places"),
                AllocationProcedure.valueOf(rs.getString("procedure")),
                rs.getInt("granted"),
                rs.getInt("refused"),
                rs.getBoolean("closed"),
                rs.getString("seed_hash"),
                rs.getString("seed"));
    }

    private static Allocation allocation(ResultSet rs, int n) throws SQLException {
        return new Allocation(
                rs.getLong("id"),
                rs.getString("channel_id"),
                rs.getInt("year"),
                rs.getInt("slot"),
                rs.getString("applicant"),
                (Integer) rs.getObject("points"),
                rs.getTimestamp("allocated_at").toInstant(),
                rs.getString("allocated_by"),
                rs.getString("party"));
    }
}
