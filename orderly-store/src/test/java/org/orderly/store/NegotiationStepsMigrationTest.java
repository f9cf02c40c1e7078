package org.orderly.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.orderly.negotiation.format.NegotiationDefinition;
import org.orderly.negotiation.format.NegotiationJson;
import org.orderly.negotiation.procedure.Answer;
import org.orderly.negotiation.procedure.Proceedings;
import org.orderly.store.negotiation.NegotiationStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A database written before negotiations kept steps (proposals and answers in their own tables, a valuation revised
 * after a rejection) migrates to steps that replay to the same negotiation: the same proposals, answers and status.
 */
class NegotiationStepsMigrationTest {
    private static final Instant T0 = Instant.parse("2025-05-01T10:00:00Z");

    @Test
    void proposalsAndAnswersKeptBeforeStepsBecomeStepsThatReplay() throws SQLException {
        var demo = NegotiationJson.demo();
        String id = demo.negotiation().id();
        try (Connection connection = TestDatabase.get().dataSource().getConnection()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("drop schema if exists legacy cascade");
                statement.execute("create schema legacy");
                statement.execute("set search_path to legacy");
            }
            SingleConnectionDataSource legacy = new SingleConnectionDataSource(connection, true);
            try {
                Flyway.configure()
                        .dataSource(legacy)
                        .schemas("legacy")
                        .locations("classpath:db/migration")
                        .target("65")
                        .load()
                        .migrate();
                JdbcClient jdbc = JdbcClient.create(legacy);
                jdbc.sql(
                                "insert into negotiation (id, title, definition, status, illustrative, opened_at) values (?, ?, ?, 'PROPOSED', true, ?)")
                        .params(id, demo.negotiation().title(), NegotiationDefinition.write(demo.negotiation()), at(0))
                        .update();
                jdbc.sql(
                                "insert into negotiation_valuation (negotiation_id, party, valuation, entered_at) values (?, 'DEU', ?, ?)")
                        .params(id, NegotiationDefinition.writeValuation(demo.valuation("DEU")), at(10))
                        .update();
                // MAR revised its valuation after rejecting proposal 1: only that later time was kept.
                jdbc.sql(
                                "insert into negotiation_valuation (negotiation_id, party, valuation, entered_at) values (?, 'MAR', ?, ?)")
                        .params(id, NegotiationDefinition.writeValuation(demo.valuation("MAR")), at(45))
                        .update();
                jdbc.sql(
                                "insert into negotiation_proposal (negotiation_id, number, objective, deal, summary, proposed_at) values (?, 1, 'JOINT', ?, '{}', ?)")
                        .params(
                                id,
                                "{\"labour-care\":\"none\",\"rights-floor\":\"none\",\"readmission\":\"none\",\"return-safeguards\":\"none\","
                                        + "\"documents\":\"none\",\"api-data\":\"none\",\"remittances\":\"none\",\"visa-short-stay\":\"none\"}",
                                at(30))
                        .update();
                jdbc.sql(
                                "insert into negotiation_answer (negotiation_id, number, party, answer, reason, answered_at) values (?, 1, 'MAR', 'REJECT', 'nothing in it', ?)")
                        .params(id, at(40))
                        .update();
                jdbc.sql(
                                "insert into negotiation_proposal (negotiation_id, number, objective, deal, summary, proposed_at) values (?, 2, 'NASH', ?, '{}', ?)")
                        .params(
                                id,
                                "{\"labour-care\":\"q5000\",\"rights-floor\":\"yes\",\"readmission\":\"r30\",\"return-safeguards\":\"yes\","
                                        + "\"documents\":\"none\",\"api-data\":\"none\",\"remittances\":\"none\",\"visa-short-stay\":\"v90\"}",
                                at(50))
                        .update();
                jdbc.sql(
                                "insert into negotiation_answer (negotiation_id, number, party, answer, reason, answered_at) values (?, 2, 'DEU', 'ACCEPT', null, ?)")
                        .params(id, at(60))
                        .update();

                Flyway.configure()
                        .dataSource(legacy)
                        .schemas("legacy")
                        .locations("classpath:db/migration")
                        .outOfOrder(true)
                        .load()
                        .migrate();

                Proceedings proceedings = new NegotiationStore(legacy).get(id).proceedings();
                assertThat(proceedings.proposals()).hasSize(2);
                assertThat(proceedings.proposals().get(0).answers().get("MAR").answer())
                        .isEqualTo(Answer.REJECT);
                assertThat(proceedings.proposals().get(0).answers().get("MAR").reason())
                        .isEqualTo("nothing in it");
                assertThat(proceedings.latest().orElseThrow().answers()).containsOnlyKeys("DEU");
                assertThat(proceedings.status(Instant.now())).isEqualTo(Proceedings.Status.PROPOSED);
                assertThat(proceedings.partiesWithValuations()).containsExactly("DEU", "MAR");
                assertThat(proceedings.steps())
                        .extracting(s -> s.act().kind().name())
                        .containsExactly(
                                "OPENED",
                                "VALUATION_ENTERED",
                                "VALUATION_ENTERED",
                                "PROPOSED",
                                "ANSWERED",
                                "PROPOSED",
                                "ANSWERED");
                assertThat(jdbc.sql(
                                        "select count(*) from information_schema.tables where table_schema = 'legacy' and table_name = 'negotiation_proposal'")
                                .query(Long.class)
                                .single())
                        .isZero();
            } finally {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("set search_path to default");
                    statement.execute("drop schema legacy cascade");
                }
            }
        }
    }

    private static Timestamp at(long seconds) {
        return Timestamp.from(T0.plusSeconds(seconds));
    }
}
