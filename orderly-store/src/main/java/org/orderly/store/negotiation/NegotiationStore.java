package org.orderly.store.negotiation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Function;
import javax.sql.DataSource;
import org.orderly.negotiation.Negotiation;
import org.orderly.negotiation.Valuation;
import org.orderly.negotiation.format.NegotiationDefinition;
import org.orderly.negotiation.procedure.Procedure;
import org.orderly.negotiation.procedure.ProcedureJson;
import org.orderly.negotiation.procedure.Proceedings;
import org.orderly.negotiation.procedure.Step;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Keeps negotiations in PostgreSQL: each one's opening (definition and procedure), the steps recorded since (public as
 * the procedure says), and each party's private valuation, which every read method returns only to a named reader.
 * Where a negotiation stands is never stored as a decision: it is the replay of the steps through {@link Proceedings}.
 */
public final class NegotiationStore {
    /** The reader name of the mediating engine, the only reader that sees every party's valuation. */
    public static final String ENGINE = "engine";

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    public NegotiationStore(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    /** A negotiation as kept: its proceedings (the opening with every step replayed) and when it was opened. */
    public record Record(Proceedings proceedings, Instant openedAt) {
        public String id() {
            return proceedings.id();
        }

        public boolean illustrative() {
            return proceedings.illustrative();
        }

        /** The instrument the negotiation was concluded into, if any. */
        public Optional<String> instrumentId() {
            return proceedings.concluded().map(s -> ((Step.Concluded) s.act()).instrumentId());
        }
    }

    /** Opens a negotiation with its first step; fails if one with that id exists. */
    public void open(Proceedings.Opening opening, Step opened) {
        transactions.executeWithoutResult(status -> {
            if (exists(opening.id()))
                throw new IllegalArgumentException("a negotiation " + opening.id() + " exists already");
            jdbc.sql(
                            "insert into negotiation (id, title, definition, procedure, status, illustrative, opened_at) values (?, ?, ?, ?, ?, ?, ?)")
                    .params(
                            opening.id(),
                            opening.title(),
                            definition(opening),
                            MAPPER.writeValueAsString(ProcedureJson.write(opening.procedure())),
                            Proceedings.replay(opening, List.of(opened))
                                    .status(opened.at())
                                    .name(),
                            opening.illustrative(),
                            Timestamp.from(opened.at()))
                    .update();
            insert(opening.id(), opened);
        });
    }

    /** The definition kept: the negotiation for a single text, its id, title and parties for a request-offer round. */
    private static String definition(Proceedings.Opening opening) {
        if (opening.negotiation() != null) return NegotiationDefinition.write(opening.negotiation());
        ObjectNode o = MAPPER.createObjectNode();
        o.put("id", opening.id()).put("title", opening.title());
        opening.parties().forEach(o.putArray("parties")::add);
        return MAPPER.writeValueAsString(o);
    }

    public boolean exists(String negotiationId) {
        return jdbc.sql("select count(*) from negotiation where id = ?")
                        .param(negotiationId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    public List<Record> list() {
        return transactions.execute(status ->
                jdbc.sql("select id from negotiation order by opened_at, id").query(String.class).list().stream()
                        .map(this::record)
                        .toList());
    }

    public Optional<Record> find(String negotiationId) {
        return transactions.execute(
                status -> exists(negotiationId) ? Optional.of(record(negotiationId)) : Optional.empty());
    }

    /** The record, or a {@link NoSuchElementException} naming the id. */
    public Record get(String negotiationId) {
        return find(negotiationId)
                .orElseThrow(() -> new NoSuchElementException("no negotiation '" + negotiationId + "'"));
    }

    private Record record(String id) {
        return jdbc.sql("select * from negotiation where id = ?")
                .param(id)
                .query((rs, n) -> {
                    Proceedings.Opening opening = opening(rs);
                    List<Step> steps = jdbc.sql(
                                    "select * from negotiation_step where negotiation_id = ? order by number")
                            .param(id)
                            .query((s, m) -> new Step(
                                    s.getInt("number"),
                                    instant(s, "at"),
                                    s.getString("actor"),
                                    s.getString("party"),
                                    ProcedureJson.readAct(s.getString("act"))))
                            .list();
                    return new Record(Proceedings.replay(opening, steps), instant(rs, "opened_at"));
                })
                .single();
    }

    private static Proceedings.Opening opening(ResultSet rs) throws SQLException {
        String id = rs.getString("id");
        String stored = rs.getString("procedure");
        Procedure procedure = stored == null
                ? Procedure.mediatedSingleText()
                : ProcedureJson.read(MAPPER.readTree(stored), "negotiation " + id + " procedure");
        if (procedure.format() == Procedure.Format.SINGLE_TEXT) {
            Negotiation negotiation = NegotiationDefinition.read(rs.getString("definition"), "negotiation " + id);
            return Proceedings.Opening.of(negotiation, procedure, rs.getBoolean("illustrative"));
        }
        JsonNode definition = MAPPER.readTree(rs.getString("definition"));
        List<String> parties = new ArrayList<>();
        definition.path("parties").forEach(p -> parties.add(p.asString()));
        return new Proceedings.Opening(
                id, rs.getString("title"), parties, procedure, null, rs.getBoolean("illustrative"));
    }

    /**
     * Records the next step: in one transaction with the negotiation locked, {@code decide} gets the proceedings as
     * they stand and returns the step they accept (or throws); the step is kept and the status column follows it.
     */
    public Step append(String negotiationId, Function<Proceedings, Step> decide) {
        return transactions.execute(status -> {
            Record record = locked(negotiationId);
            Step step = decide.apply(record.proceedings());
            insert(negotiationId, step);
            return step;
        });
    }

    /** Records a party's valuation step and keeps the valuation itself (private), in one transaction. */
    public Step saveValuation(String negotiationId, Valuation valuation, Function<Proceedings, Step> decide) {
        return transactions.execute(status -> {
            Record record = locked(negotiationId);
            Step step = decide.apply(record.proceedings());
            NegotiationDefinition.readStoredValuation(
                    record.proceedings().negotiation(), NegotiationDefinition.writeValuation(valuation));
            jdbc.sql(
                            "insert into negotiation_valuation (negotiation_id, party, valuation, entered_at) values (?, ?, ?, ?) "
                                    + "on conflict (negotiation_id, party) do update set valuation = excluded.valuation, entered_at = excluded.entered_at")
                    .params(
                            negotiationId,
                            valuation.party(),
                            NegotiationDefinition.writeValuation(valuation),
                            Timestamp.from(step.at()))
                    .update();
            insert(negotiationId, step);
            return step;
        });
    }

    private Record locked(String negotiationId) {
        List<String> found = jdbc.sql("select id from negotiation where id = ? for update")
                .param(negotiationId)
                .query(String.class)
                .list();
        if (found.isEmpty()) throw new NoSuchElementException("no negotiation '" + negotiationId + "'");
        return record(negotiationId);
    }

    private void insert(String negotiationId, Step step) {
        jdbc.sql(
                        "insert into negotiation_step (negotiation_id, number, at, actor, party, kind, act) values (?, ?, ?, ?, ?, ?, ?)")
                .params(
                        negotiationId,
                        step.number(),
                        Timestamp.from(step.at()),
                        step.actor(),
                        step.party(),
                        step.act().kind().name(),
                        ProcedureJson.writeAct(step.act()))
                .update();
        Proceedings now = record(negotiationId).proceedings();
        if (step.act() instanceof Step.Concluded concluded) {
            jdbc.sql("update negotiation set status = ?, concluded_at = ?, instrument_id = ? where id = ?")
                    .params(
                            now.status(step.at()).name(),
                            Timestamp.from(step.at()),
                            concluded.instrumentId(),
                            negotiationId)
                    .update();
        } else {
            jdbc.sql("update negotiation set status = ? where id = ?")
                    .params(now.status(step.at()).name(), negotiationId)
                    .update();
        }
    }

    /**
     * The valuations {@code reader} may see: a party sees only its own (if entered), the
     * {@link #ENGINE} sees every entered valuation, anyone else sees none.
     */
    public Map<String, Valuation> valuationsSeenBy(String negotiationId, String reader) {
        Proceedings proceedings = get(negotiationId).proceedings();
        Map<String, Valuation> seen = new LinkedHashMap<>();
        if (!ENGINE.equals(reader) && !proceedings.parties().contains(reader)) return seen;
        if (!proceedings.hasIssues()) return seen;
        Negotiation negotiation = proceedings.negotiation();
        jdbc.sql(
                        "select party, valuation from negotiation_valuation where negotiation_id = ? and (? or party = ?) order by party")
                .params(negotiationId, ENGINE.equals(reader), reader)
                .query((rs, n) -> NegotiationDefinition.readStoredValuation(negotiation, rs.getString("valuation")))
                .list()
                .forEach(v -> seen.put(v.party(), v));
        return seen;
    }

    /** A party's own valuation, as that party reads it. */
    public Optional<Valuation> ownValuation(String negotiationId, String party) {
        return Optional.ofNullable(valuationsSeenBy(negotiationId, party).get(party));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
