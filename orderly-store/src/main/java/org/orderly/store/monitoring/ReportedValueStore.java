package org.orderly.store.monitoring;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;
import org.orderly.monitoring.ReportedValue;
import org.orderly.regime.Source;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Self-reported indicator values in PostgreSQL: every submission is kept; reading gives the latest per indicator, party and period. */
public final class ReportedValueStore {
    private final JdbcClient jdbc;

    public ReportedValueStore(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    /** Keeps a submission; the value it replaces (same indicator, party and period) stays in the table as history. */
    public ReportedValue add(ReportedValue reported) {
        jdbc.sql("""
                insert into reported_indicator_value (indicator_id, party, period, value, source_title, source_reference, source_as_of,
                    submitted_by, submitted_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        reported.indicatorId(),
                        reported.party(),
                        reported.period(),
                        reported.value(),
                        reported.source().title(),
                        reported.source().reference(),
                        reported.source().asOf(),
                        reported.submittedBy(),
                        Timestamp.from(reported.submittedAt()))
                .update();
        return reported;
    }

    /** The latest submission for each party and period of an indicator, by party then period. */
    public List<ReportedValue> latest(String indicatorId) {
        return jdbc.sql("""
                select distinct on (party, period) * from reported_indicator_value where indicator_id = ?
                order by party, period, submitted_at desc, id desc""").param(indicatorId).query((rs, n) -> reported(rs)).list();
    }

    /** The latest submission for each indicator and period of a party, by indicator then period. */
    public List<ReportedValue> latestOf(String party) {
        return jdbc.sql("""
                select distinct on (indicator_id, period) * from reported_indicator_value where party = ?
                order by indicator_id, period, submitted_at desc, id desc""").param(party).query((rs, n) -> reported(rs)).list();
    }

    private static ReportedValue reported(ResultSet rs) throws SQLException {
        return new ReportedValue(
                rs.getString("indicator_id"),
                rs.getString("party"),
                rs.getString("period"),
                rs.getDouble("value"),
                new Source(
                        rs.getString("source_title"),
                        rs.getString("source_reference"),
                        rs.getObject("source_as_of", LocalDate.class)),
                rs.getString("submitted_by"),
                rs.getTimestamp("submitted_at").toInstant());
    }
}
