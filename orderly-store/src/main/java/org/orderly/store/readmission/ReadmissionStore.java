package org.orderly.store.readmission;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.NoSuchElementException;
import javax.sql.DataSource;
import org.orderly.border.readmission.ReadmissionCase;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Readmission cases in PostgreSQL: a case and its answers, each answer checked by {@link ReadmissionCase#answer} before it is kept. */
public final class ReadmissionStore {
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    public ReadmissionStore(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    /** Keeps a new case. @throws IllegalArgumentException when the id is taken */
    public ReadmissionCase open(ReadmissionCase opened) {
        int inserted = jdbc.sql("""
                insert into readmission_case (id, requesting, requested, person_reference, nationality, requested_on, instrument_id, answer_deadline_days)
                values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (id) do nothing""")
                .params(
                        opened.id(),
                        opened.requesting(),
                        opened.requested(),
                        opened.personReference(),
                        opened.nationality(),
                        opened.requestedOn(),
                        opened.instrumentId(),
                        opened.answerDeadlineDays())
                .update();
        if (inserted == 0) throw new IllegalArgumentException("readmission case '" + opened.id() + "' already exists");
        return opened;
    }

    /** Adds an answer to a case, in one transaction with the case locked. */
    public ReadmissionCase answer(String id, ReadmissionCase.Answer answer) {
        return transactions.execute(status -> {
            // The case's row stays locked until the transaction ends: answers are numbered one at a time.
            String locked = jdbc.sql("select id from readmission_case where id = ? for update")
                    .param(id)
                    .query(String.class)
                    .optional()
                    .orElseThrow(() -> new NoSuchElementException("no readmission case '" + id + "'"));
            ReadmissionCase answered = find(locked).answer(answer);
            jdbc.sql(
                            "insert into readmission_answer (case_id, position, answered_on, kind, reason) values (?, ?, ?, ?, ?)")
                    .params(
                            id,
                            answered.answers().size(),
                            answer.on(),
                            answer.kind().name(),
                            answer.reason())
                    .update();
            return answered;
        });
    }

    public ReadmissionCase find(String id) {
        ReadmissionCase found = jdbc.sql("select * from readmission_case where id = ?")
                .param(id)
                .query((rs, n) -> opened(rs))
                .optional()
                .orElseThrow(() -> new NoSuchElementException("no readmission case '" + id + "'"));
        return withAnswers(found);
    }

    /** Every case, newest first (monitoring; a state reads its own with {@link #of}). */
    public List<ReadmissionCase> all(int limit) {
        return jdbc
                .sql("select * from readmission_case order by requested_on desc, id limit ?")
                .param(limit)
                .query((rs, n) -> opened(rs))
                .list()
                .stream()
                .map(this::withAnswers)
                .toList();
    }

    /** The cases {@code state} requested or was requested in, newest first: no other state's. */
    public List<ReadmissionCase> of(String state, int limit) {
        return jdbc
                .sql(
                        "select * from readmission_case where requesting = ? or requested = ? order by requested_on desc, id limit ?")
                .params(state, state, limit)
                .query((rs, n) -> opened(rs))
                .list()
                .stream()
                .map(this::withAnswers)
                .toList();
    }

    /** Cases whose answer deadline was breached as of {@code on}, for monitoring. */
    public List<ReadmissionCase> breached(LocalDate on) {
        return all(100_000).stream().filter(c -> c.breached(on)).toList();
    }

    private ReadmissionCase withAnswers(ReadmissionCase opened) {
        List<ReadmissionCase.Answer> answers = jdbc.sql(
                        "select * from readmission_answer where case_id = ? order by position")
                .param(opened.id())
                .query((rs, n) -> new ReadmissionCase.Answer(
                        rs.getObject("answered_on", LocalDate.class),
                        ReadmissionCase.Kind.valueOf(rs.getString("kind")),
                        rs.getString("reason")))
                .list();
        return new ReadmissionCase(
                opened.id(),
                opened.requesting(),
                opened.requested(),
                opened.personReference(),
                opened.nationality(),
                opened.requestedOn(),
                opened.instrumentId(),
                opened.answerDeadlineDays(),
                answers);
    }

    private static ReadmissionCase opened(ResultSet rs) throws SQLException {
        return new ReadmissionCase(
                rs.getString("id"),
                rs.getString("requesting"),
                rs.getString("requested"),
                rs.getString("person_reference"),
                rs.getString("nationality"),
                rs.getObject("requested_on", LocalDate.class),
                rs.getString("instrument_id"),
                (Integer) rs.getObject("answer_deadline_days"),
                List.of());
    }
}
