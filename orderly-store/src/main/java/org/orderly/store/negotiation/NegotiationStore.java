package org.orderly.store.negotiation;

import org.orderly.negotiation.Deal;
import org.orderly.negotiation.Negotiation;
import org.orderly.negotiation.Valuation;
import org.orderly.negotiation.format.NegotiationDefinition;
import org.orderly.negotiation.round.Round;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import javax.sql.DataSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * Keeps negotiations in PostgreSQL: the public record (definition, status, proposals, answers) and
 * each party's private valuation, which every read method returns only to a named reader.
 */
public final class NegotiationStore {
    /** The reader name of the mediating engine, the only reader that sees every party's valuation. */
    public static final String ENGINE = "engine";

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, String>> CHOICES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    public NegotiationStore(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    /** A negotiation's public record: nothing in it depends on a valuation. */
    public record Record(Negotiation negotiation, Round.Status status, boolean illustrative, Instant openedAt,
                         Instant concludedAt, String instrumentId, List<String> partiesWithValuations, List<Proposal> proposals) {
        public Record {
            partiesWithValuations = List.copyOf(partiesWithValuations);
            proposals = List.copyOf(proposals);
        }

        public String id() {
            return negotiation.id();
        }

        /** The latest proposal, if the engine has made one. */
        public Optional<Proposal> latest() {
            return proposals.isEmpty() ? Optional.empty() : Optional.of(proposals.get(proposals.size() - 1));
        }
    }

    /**
     * One proposal of the engine: its number in the negotiation, the objective, the deal, a public
     * summary (JSON: proof, gap, method, norm checks; never utilities) and each party's answer.
     */
    public record Proposal(int number, String objective, Deal deal, String summary, Instant proposedAt, Map<String, Answer> answers) {
        public Proposal {
            answers = Map.copyOf(answers);
        }

        public boolean rejected() {
            return answers.values().stream().anyMatch(a -> a.answer() == Round.Answer.REJECT);
        }
    }

    /** A party's answer to a proposal, with its reason when it rejects. */
    public record Answer(String party, Round.Answer answer, String reason, Instant answeredAt) {
    }

    /** Opens a negotiation; fails if one with that id exists. */
    public void open(Negotiation negotiation, boolean illustrative) {
        if (exists(negotiation.id())) throw new IllegalArgumentException("a negotiation " + negotiation.id() + " exists already");
        jdbc.sql("insert into negotiation (id, title, definition, status, illustrative, opened_at) values (?, ?, ?, 'OPEN', ?, ?)")
                .params(negotiation.id(), negotiation.title(), NegotiationDefinition.write(negotiation), illustrative, now())
                .update();
    }

    public boolean exists(String negotiationId) {
        return jdbc.sql("select count(*) from negotiation where id = ?").param(negotiationId).query(Long.class).single() > 0;
    }

    public List<Record> list() {
        return transactions.execute(status -> jdbc.sql("select id from negotiation order by opened_at, id").query(String.class).list()
                .stream().map(this::record).toList());
    }

    public Optional<Record> find(String negotiationId) {
        return transactions.execute(status -> exists(negotiationId) ? Optional.of(record(negotiationId)) : Optional.empty());
    }

    /** The record, or a {@link NoSuchElementException} naming the id. */
    public Record get(String negotiationId) {
        return find(negotiationId).orElseThrow(() -> new NoSuchElementException("no negotiation '" + negotiationId + "'"));
    }

    private Record record(String id) {
        return jdbc.sql("select * from negotiation where id = ?").param(id).query((rs, n) -> {
            Negotiation negotiation = NegotiationDefinition.read(rs.getString("definition"), "negotiation " + id);
            return new Record(negotiation, Round.Status.valueOf(rs.getString("status")), rs.getBoolean("illustrative"),
                    instant(rs, "opened_at"), instant(rs, "concluded_at"), rs.getString("instrument_id"),
                    jdbc.sql("select party from negotiation_valuation where negotiation_id = ? order by party").param(id)
                            .query(String.class).list(),
                    proposals(id));
        }).single();
    }

    private List<Proposal> proposals(String id) {
        return jdbc.sql("select * from negotiation_proposal where negotiation_id = ? order by number").param(id)
                .query((rs, n) -> {
                    int number = rs.getInt("number");
                    Map<String, Answer> answers = new LinkedHashMap<>();
                    jdbc.sql("select * from negotiation_answer where negotiation_id = ? and number = ? order by party").params(id, number)
                            .query((a, m) -> new Answer(a.getString("party"), Round.Answer.valueOf(a.getString("answer")),
                                    a.getString("reason"), instant(a, "answered_at")))
                            .list().forEach(answer -> answers.put(answer.party(), answer));
                    return new Proposal(number, rs.getString("objective"), new Deal(MAPPER.readValue(rs.getString("deal"), CHOICES)),
                            rs.getString("summary"), instant(rs, "proposed_at"), answers);
                }).list();
    }

    /** Enters or replaces a party's valuation, while the negotiation is open. */
    public void saveValuation(String negotiationId, Valuation valuation) {
        transactions.executeWithoutResult(status -> {
            requireStatus(negotiationId, Round.Status.OPEN, "valuations can be entered");
            jdbc.sql("insert into negotiation_valuation (negotiation_id, party, valuation, entered_at) values (?, ?, ?, ?) "
                            + "on conflict (negotiation_id, party) do update set valuation = excluded.valuation, entered_at = excluded.entered_at")
                    .params(negotiationId, valuation.party(), NegotiationDefinition.writeValuation(valuation), now())
                    .update();
        });
    }

    /**
     * The valuations {@code reader} may see: a party sees only its own (if entered), the
     * {@link #ENGINE} sees every entered valuation, anyone else sees none.
     */
    public Map<String, Valuation> valuationsSeenBy(String negotiationId, String reader) {
        Negotiation negotiation = get(negotiationId).negotiation();
        Map<String, Valuation> seen = new LinkedHashMap<>();
        if (!ENGINE.equals(reader) && !negotiation.parties().contains(reader)) return seen;
        jdbc.sql("select party, valuation from negotiation_valuation where negotiation_id = ? and (? or party = ?) order by party")
                .params(negotiationId, ENGINE.equals(reader), reader)
                .query((rs, n) -> NegotiationDefinition.readStoredValuation(negotiation, rs.getString("valuation")))
                .list().forEach(v -> seen.put(v.party(), v));
        return seen;
    }

    /** A party's own valuation, as that party reads it. */
    public Optional<Valuation> ownValuation(String negotiationId, String party) {
        return Optional.ofNullable(valuationsSeenBy(negotiationId, party).get(party));
    }

    /** Records the engine's proposal and marks the negotiation PROPOSED; returns the proposal's number. */
    public int saveProposal(String negotiationId, String objective, Deal deal, String summary) {
        return transactions.execute(status -> {
            requireStatus(negotiationId, Round.Status.OPEN, "the engine can propose");
            int number = jdbc.sql("select coalesce(max(number), 0) + 1 from negotiation_proposal where negotiation_id = ?")
                    .param(negotiationId).query(Integer.class).single();
            jdbc.sql("insert into negotiation_proposal (negotiation_id, number, objective, deal, summary, proposed_at) values (?, ?, ?, ?, ?, ?)")
                    .params(negotiationId, number, objective, MAPPER.writeValueAsString(deal.choices()), summary, now()).update();
            jdbc.sql("update negotiation set status = 'PROPOSED' where id = ?").param(negotiationId).update();
            return number;
        });
    }

    /**
     * Records a party's answer to the pending proposal; a rejection reopens the negotiation (the
     * engine will not propose that deal again).
     */
    public void saveAnswer(String negotiationId, String party, Round.Answer answer, String reason) {
        transactions.executeWithoutResult(status -> {
            requireStatus(negotiationId, Round.Status.PROPOSED, "parties can answer");
            int number = jdbc.sql("select max(number) from negotiation_proposal where negotiation_id = ?").param(negotiationId)
                    .query(Integer.class).single();
            jdbc.sql("insert into negotiation_answer (negotiation_id, number, party, answer, reason, answered_at) values (?, ?, ?, ?, ?, ?) "
                            + "on conflict (negotiation_id, number, party) do update set answer = excluded.answer, reason = excluded.reason, "
                            + "answered_at = excluded.answered_at")
                    .params(negotiationId, number, party, answer.name(), reason, now()).update();
            if (answer == Round.Answer.REJECT) jdbc.sql("update negotiation set status = 'OPEN' where id = ?").param(negotiationId).update();
        });
    }

    /** Marks the negotiation concluded into an instrument. */
    public void markConcluded(String negotiationId, String instrumentId) {
        transactions.executeWithoutResult(status -> {
            requireStatus(negotiationId, Round.Status.PROPOSED, "the negotiation can be concluded");
            jdbc.sql("update negotiation set status = 'CONCLUDED', concluded_at = ?, instrument_id = ? where id = ?")
                    .params(now(), instrumentId, negotiationId).update();
        });
    }

    private void requireStatus(String negotiationId, Round.Status required, String what) {
        List<String> found = jdbc.sql("select status from negotiation where id = ? for update").param(negotiationId).query(String.class).list();
        if (found.isEmpty()) throw new NoSuchElementException("no negotiation '" + negotiationId + "'");
        if (!found.get(0).equals(required.name())) {
            throw new IllegalStateException(what + " only while negotiation " + negotiationId + " is " + required + "; it is " + found.get(0));
        }
    }

    private static Timestamp now() {
        return Timestamp.from(Instant.now());
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
