package org.orderly.store.crossing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.orderly.border.crossing.Crossing;
import org.orderly.border.crossing.OverstayWatch;
import org.orderly.border.crossing.StayAreas;
import org.orderly.border.crossing.StayEvent;
import org.orderly.border.crossing.TravellerStays;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The crossings ledger in PostgreSQL. Every crossing is kept (an id seen again with the same details changes nothing;
 * with other details it is refused), with the state whose border recorded it and the stay area it counts in
 * ({@link StayAreas}: the state, or a common frontier). After each ingestion, and at each {@link #sweep}, the affected
 * travellers' crossings of that area are replayed through {@link OverstayWatch}: only exits of the same area end a stay,
 * so one state's exit never clears another's alert. An overstay alert is a row keyed by its entry, owned by the state
 * of that entry, inserted once and cleared by the exit, so that replays, restarts and several servers never raise it
 * twice. Reads are per state: a state reads its own crossings, alerts and unmatched crossings.
 */
public final class CrossingStore {
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Supplier<StayAreas> areas;

    /** A ledger in which every state keeps its own stays (no common frontier). */
    public CrossingStore(DataSource dataSource, Clock clock) {
        this(dataSource, clock, () -> StayAreas.NONE);
    }

    /** A ledger whose stay areas follow the registry as {@code areas} gives it now. */
    public CrossingStore(DataSource dataSource, Clock clock, Supplier<StayAreas> areas) {
        this.jdbc = JdbcClient.create(dataSource);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.clock = Objects.requireNonNull(clock, "clock");
        this.areas = Objects.requireNonNull(areas, "stay areas");
    }

    /** A traveller's stays in one area: what one replay covers. */
    private record Stays(String traveller, String area) {}

    /** How an ingestion went: crossings new to the ledger and those already in it. */
    public record Ingested(int recorded, int alreadyRecorded) {}

    /** Records one crossing. */
    public Ingested record(Crossing crossing) {
        return recordAll(List.of(crossing));
    }

    /**
     * Records a batch in one transaction: all or nothing.
     *
     * @throws IllegalArgumentException when an id is already recorded with other details (naming it); nothing is recorded
     */
    public Ingested recordAll(List<Crossing> crossings) {
        StayAreas areas = this.areas.get();
        return transactions.execute(status -> {
            int recorded = 0;
            int already = 0;
            Set<Stays> travellers = new LinkedHashSet<>();
            // Recorded at the ledger's clock (the server's one clock), not the database's.
            Timestamp recordedAt = Timestamp.from(clock.instant());
            for (Crossing crossing : crossings) {
                String area = areas.area(crossing);
                int inserted = jdbc.sql("""
                        insert into crossing (id, traveller, direction, at, state, crossing_point, document_number, issuing_state, nationality, rule, stay_area, recorded_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (id) do nothing""")
                        .params(
                                crossing.id(),
                                crossing.traveller(),
                                crossing.direction().name(),
                                Timestamp.from(crossing.at()),
                                crossing.state(),
                                crossing.crossingPoint(),
                                crossing.documentNumber(),
                                crossing.issuingState(),
                                crossing.nationality(),
                                crossing.rule(),
                                area,
                                recordedAt)
                        .update();
                if (inserted == 1) {
                    recorded++;
                    travellers.add(new Stays(crossing.traveller(), area));
                    continue;
                }
                Crossing stored = crossing(crossing.id());
                if (!sameDetails(stored, crossing)) {
                    throw new IllegalArgumentException(
                            "crossing '" + crossing.id() + "' is already recorded with other details");
                }
                already++;
            }
            Instant now = clock.instant();
            for (Stays stays : travellers) replay(stays, now);
            return new Ingested(recorded, already);
        });
    }

    private static boolean sameDetails(Crossing a, Crossing b) {
        return a.traveller().equals(b.traveller())
                && a.direction() == b.direction()
                && a.at().equals(b.at())
                && a.state().equals(b.state())
                && a.crossingPoint().equals(b.crossingPoint())
                && a.documentNumber().equals(b.documentNumber())
                && a.issuingState().equals(b.issuingState())
                && Objects.equals(a.rule(), b.rule());
    }

    /** Raises the alerts that fell due by now (the server calls this on a schedule); returns how many travellers were replayed. */
    public int sweep() {
        Instant now = clock.instant();
        List<Stays> due = jdbc.sql("select traveller, stay_area from traveller_stay where due <= ? order by due")
                .param(Timestamp.from(now))
                .query((rs, n) -> new Stays(rs.getString("traveller"), rs.getString("stay_area")))
                .list();
        for (Stays stays : due) transactions.executeWithoutResult(status -> replay(stays, now));
        return due.size();
    }

    /**
     * Gives the crossings recorded before stay areas existed (migration V65 left them without one) their area as the
     * registry has it now, and replays their travellers; the server calls this at start. Returns how many were assigned.
     */
    public int assignStayAreas() {
        StayAreas areas = this.areas.get();
        Instant now = clock.instant();
        return transactions.execute(status -> {
            List<Crossing> unassigned = jdbc.sql("select * from crossing where stay_area is null")
                    .query((rs, n) -> crossing(rs))
                    .list();
            Set<Stays> travellers = new LinkedHashSet<>();
            for (Crossing crossing : unassigned) {
                String area = areas.area(crossing);
                jdbc.sql("update crossing set stay_area = ? where id = ?")
                        .params(area, crossing.id())
                        .update();
                travellers.add(new Stays(crossing.traveller(), area));
            }
            for (Stays stays : travellers) replay(stays, now);
            return unassigned.size();
        });
    }

    /** Replays one traveller's crossings of one area and brings alerts, unmatched crossings and the open stay up to date. */
    private void replay(Stays stays, Instant now) {
        String traveller = stays.traveller();
        // One replay of a traveller's stays at a time, across servers on the same database.
        jdbc.sql("select pg_advisory_xact_lock(hashtext(?))")
                .param("crossing:" + stays.area() + ":" + traveller)
                .query()
                .singleRow();
        List<Crossing> crossings = jdbc.sql(
                        "select * from crossing where traveller = ? and stay_area = ? order by at, recorded_at, id")
                .params(traveller, stays.area())
                .query((rs, n) -> crossing(rs))
                .list();
        Map<String, String> stateOf = new HashMap<>();
        for (Crossing crossing : crossings) stateOf.put(crossing.id(), crossing.state());
        OverstayWatch.Step step = OverstayWatch.replayTraveller(traveller, crossings, now);
        jdbc.sql(
                        "delete from unmatched_crossing where traveller = ? and crossing_id in (select id from crossing where traveller = ? and stay_area = ?)")
                .params(traveller, traveller, stays.area())
                .update();
        for (StayEvent event : step.events()) {
            event.match(
                    decision -> 0,
                    raised -> {
                        return jdbc.sql("""
                        insert into overstay_alert (entry_crossing_id, traveller, nationality, rule, entry_day, last_legal_day, raised_at, state)
                        values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (entry_crossing_id) do nothing""")
                                .params(
                                        raised.entryCrossingId(),
                                        traveller,
                                        raised.nationality(),
                                        raised.rule(),
                                        raised.entryDay(),
                                        raised.lastLegalDay(),
                                        Timestamp.from(raised.at()),
                                        stateOf.get(raised.entryCrossingId()))
                                .update();
                    },
                    cleared -> {
                        return jdbc.sql("""
                        update overstay_alert set cleared_at = ?, exit_crossing_id = ?, overstay_days = ?
                        where entry_crossing_id = ? and cleared_at is null""")
                                .params(
                                        Timestamp.from(cleared.at()),
                                        cleared.exitCrossingId(),
                                        cleared.overstayDays(),
                                        cleared.entryCrossingId())
                                .update();
                    },
                    exit -> {
                        return jdbc.sql(
                                        "insert into unmatched_crossing (crossing_id, traveller, kind) values (?, ?, 'EXIT_WITHOUT_ENTRY')")
                                .params(exit.crossingId(), traveller)
                                .update();
                    },
                    entry -> {
                        return jdbc.sql(
                                        "insert into unmatched_crossing (crossing_id, traveller, kind) values (?, ?, 'ENTRY_WITHOUT_EXIT')")
                                .params(entry.crossingId(), traveller)
                                .update();
                    });
        }
        TravellerStays.OpenStay open = step.state().open();
        // An alert whose stay a crossing recorded late shows was not an overstay after all (or was ended) is closed,
        // never deleted.
        String raisedOpen = open != null && open.raised() ? open.crossingId() : "";
        jdbc.sql("""
                update overstay_alert set cleared_at = ? where traveller = ? and cleared_at is null and entry_crossing_id <> ?
                and entry_crossing_id in (select id from crossing where traveller = ? and stay_area = ?)""")
                .params(Timestamp.from(now), traveller, raisedOpen, traveller, stays.area())
                .update();
        Instant due = step.due();
        jdbc.sql("""
                insert into traveller_stay (traveller, stay_area, open_entry_id, last_legal_day, due) values (?, ?, ?, ?, ?)
                on conflict (traveller, stay_area) do update set open_entry_id = excluded.open_entry_id,
                    last_legal_day = excluded.last_legal_day, due = excluded.due""")
                .params(
                        traveller,
                        stays.area(),
                        open == null ? null : open.crossingId(),
                        open == null ? null : open.lastLegalDay(),
                        due == null ? null : Timestamp.from(due))
                .update();
    }

    public Crossing crossing(String id) {
        return jdbc.sql("select * from crossing where id = ?")
                .param(id)
                .query((rs, n) -> crossing(rs))
                .optional()
                .orElseThrow(() -> new java.util.NoSuchElementException("no crossing '" + id + "'"));
    }

    /** A traveller's crossings at the borders of {@code state}, in time order. */
    public List<Crossing> crossings(String traveller, String state) {
        return jdbc.sql("select * from crossing where traveller = ? and state = ? order by at, recorded_at, id")
                .params(traveller, state)
                .query((rs, n) -> crossing(rs))
                .list();
    }

    /** A traveller's crossings at the borders of any state but {@code state}, in time order: what sharing may pass on. */
    public List<Crossing> crossingsElsewhere(String traveller, String state) {
        return jdbc.sql("select * from crossing where traveller = ? and state <> ? order by at, recorded_at, id")
                .params(traveller, state)
                .query((rs, n) -> crossing(rs))
                .list();
    }

    /**
     * A traveller's crossings in the stay areas that {@code state}'s own crossings of the traveller count in (a common
     * frontier's other states included), in time order: what the stays a state reckons with are made of.
     */
    public List<Crossing> crossingsInStaysOf(String traveller, String state) {
        return jdbc.sql("""
                select * from crossing where traveller = ? and stay_area in (select stay_area from crossing where traveller = ? and state = ?)
                order by at, recorded_at, id""")
                .params(traveller, traveller, state)
                .query((rs, n) -> crossing(rs))
                .list();
    }

    public long count() {
        return jdbc.sql("select count(*) from crossing").query(Long.class).single();
    }

    /** An overstay alert as stored: owned by the state whose entry began the stay; open while {@code clearedAt} is null. */
    public record Alert(
            String entryCrossingId,
            String state,
            String traveller,
            String nationality,
            String rule,
            LocalDate entryDay,
            LocalDate lastLegalDay,
            Instant raisedAt,
            Instant clearedAt,
            String exitCrossingId,
            Integer overstayDays) {}

    /** {@code state}'s alerts, open ones first, newest first; {@code openOnly} leaves cleared ones out. */
    public List<Alert> alerts(String state, boolean openOnly, int limit) {
        return jdbc.sql("select * from overstay_alert where state = ?" + (openOnly ? " and cleared_at is null" : "")
                        + " order by (cleared_at is null) desc, raised_at desc limit ?")
                .params(state, limit)
                .query((rs, n) -> new Alert(
                        rs.getString("entry_crossing_id"),
                        rs.getString("state"),
                        rs.getString("traveller"),
                        rs.getString("nationality"),
                        rs.getString("rule"),
                        rs.getObject("entry_day", LocalDate.class),
                        rs.getObject("last_legal_day", LocalDate.class),
                        rs.getTimestamp("raised_at").toInstant(),
                        rs.getTimestamp("cleared_at") == null
                                ? null
                                : rs.getTimestamp("cleared_at").toInstant(),
                        rs.getString("exit_crossing_id"),
                        (Integer) rs.getObject("overstay_days")))
                .list();
    }

    /** Alerts counted for monitoring, by nationality and rule: all raised and those still open. */
    public record AlertCount(String nationality, String rule, long raised, long open) {}

    /** Alerts counted by nationality and rule: {@code state}'s, or every state's when it is null (monitoring). */
    public List<AlertCount> alertCounts(String state) {
        return jdbc.sql("""
                select nationality, rule, count(*) as raised, count(*) filter (where cleared_at is null) as open
                from overstay_alert where (cast(? as text) is null or state = ?) group by nationality, rule order by raised desc, nationality, rule""")
                .params(state, state)
                .query((rs, n) -> new AlertCount(
                        rs.getString("nationality"), rs.getString("rule"), rs.getLong("raised"), rs.getLong("open")))
                .list();
    }

    /** A crossing without its counterpart, as the last replay found it. */
    public record Unmatched(String kind, Crossing crossing) {}

    /** How many crossings of every state are without their counterpart (a count, for the operator). */
    public long unmatchedCount() {
        return jdbc.sql("select count(*) from unmatched_crossing")
                .query(Long.class)
                .single();
    }

    /** {@code state}'s crossings without their counterpart, newest first. */
    public List<Unmatched> unmatched(String state, int limit) {
        return jdbc.sql("""
                select u.kind, c.* from unmatched_crossing u join crossing c on c.id = u.crossing_id where c.state = ?
                order by c.at desc limit ?""")
                .params(state, limit)
                .query((rs, n) -> new Unmatched(rs.getString("kind"), crossing(rs)))
                .list();
    }

    private static Crossing crossing(ResultSet rs) throws SQLException {
        return new Crossing(
                rs.getString("id"),
                rs.getString("traveller"),
                Crossing.Direction.valueOf(rs.getString("direction")),
                rs.getTimestamp("at").toInstant(),
                rs.getString("state"),
                rs.getString("crossing_point"),
                rs.getString("document_number"),
                rs.getString("issuing_state"),
                rs.getString("nationality"),
                rs.getString("rule"));
    }
}
