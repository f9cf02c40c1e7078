package org.orderly.store.passengers;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javax.sql.DataSource;
import org.orderly.exchange.sharing.RetentionSchedule;
import org.orderly.passengers.ManifestReader;
import org.orderly.passengers.assessment.Finding;
import org.orderly.passengers.assessment.TravellerAssessment;
import org.orderly.passengers.edifact.EdifactException;
import org.orderly.passengers.manifest.Flight;
import org.orderly.passengers.manifest.Manifest;
import org.orderly.passengers.manifest.TravelDocument;
import org.orderly.passengers.manifest.Traveller;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Passenger messages in PostgreSQL. Ingestion is idempotent (the digest of the exact bytes is unique per holder and
 * carrier: a message re-sent to the same state by the same carrier is recognised, not doubled; the same bytes sent to
 * another state are that state's own message, and a carrier never learns what another state or carrier received) and
 * transactional (the message, its travellers and its hits
 * are stored together or not at all); a message that cannot be read is kept aside with the reason.
 */
public final class ManifestStore {
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    public ManifestStore(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    /** What became of a message. */
    public sealed interface Ingestion {
        long id();

        /** The one dispatch over the family: a new kind of outcome fails to compile where it is not handled. */
        <R> R match(
                java.util.function.Function<Stored, R> stored,
                java.util.function.Function<Duplicate, R> duplicate,
                java.util.function.Function<Rejected, R> rejected);

        /**
         * What the audit log records of this outcome for the holder state (a stored message and one kept aside alike),
         * or null for a message already stored: the API and the command line audit an ingestion in these words.
         */
        default AuditNote auditNote(String holder) {
            return match(
                    s -> new AuditNote(
                            "manifest:" + s.id(),
                            "for " + holder + "; travellers: " + s.travellers() + ", with hits: "
                                    + s.travellersWithHits()),
                    d -> null,
                    r -> new AuditNote("rejected:" + r.id(), "for " + holder + "; unreadable"));
        }

        /** An audit entry's target and detail. */
        record AuditNote(String target, String detail) {}

        record Stored(long id, int travellers, int travellersWithHits, int warnings) implements Ingestion {
            @Override
            public <R> R match(
                    java.util.function.Function<Stored, R> stored,
                    java.util.function.Function<Duplicate, R> duplicate,
                    java.util.function.Function<Rejected, R> rejected) {
                return stored.apply(this);
            }
        }

        record Duplicate(long id) implements Ingestion {
            @Override
            public <R> R match(
                    java.util.function.Function<Stored, R> stored,
                    java.util.function.Function<Duplicate, R> duplicate,
                    java.util.function.Function<Rejected, R> rejected) {
                return duplicate.apply(this);
            }
        }

        record Rejected(long id, String reason) implements Ingestion {
            @Override
            public <R> R match(
                    java.util.function.Function<Stored, R> stored,
                    java.util.function.Function<Duplicate, R> duplicate,
                    java.util.function.Function<Rejected, R> rejected) {
                return rejected.apply(this);
            }
        }
    }

    /** A held manifest, without its travellers. */
    public record Summary(
            long id,
            String carrier,
            String holder,
            Instant receivedAt,
            String messageType,
            String version,
            String flights,
            int travellers,
            int warnings,
            Instant maskedAt) {}

    /** A stored traveller (masked ones have no name, birth date, documents or booking reference). */
    public record StoredTraveller(
            long manifestId,
            String travellerId,
            String role,
            boolean infant,
            String surname,
            String givenNames,
            LocalDate birthDate,
            String sex,
            String nationality,
            String documentNumbers,
            String bookingReference) {}

    public record StoredHit(String travellerId, String kind, String reference, Double score, String explanation) {}

    public record Rejected(long id, String carrier, String holder, Instant receivedAt, String reason) {}

    public record Transfer(
            long id,
            Long manifestId,
            String sender,
            String recipient,
            String purpose,
            List<String> fields,
            String instrumentId,
            int retentionDays,
            Instant sentAt,
            Instant maskedAt) {}

    public static String digest(byte[] raw) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /** Reads, assesses and stores a message for the holder state, in one transaction. */
    public Ingestion ingest(
            byte[] raw,
            String carrier,
            String holder,
            Instant at,
            Function<Manifest, List<TravellerAssessment>> assessment) {
        String digest = digest(raw);
        Optional<Long> known = jdbc.sql("select id from manifest where digest = ? and holder = ? and carrier = ?")
                .params(digest, holder, carrier)
                .query(Long.class)
                .optional();
        if (known.isPresent()) return new Ingestion.Duplicate(known.get());
        Manifest manifest;
        try {
            manifest = ManifestReader.read(raw, java.time.LocalDate.ofInstant(at, java.time.ZoneOffset.UTC));
        } catch (EdifactException e) {
            return reject(raw, digest, carrier, holder, at, e.getMessage());
        }
        List<TravellerAssessment> assessed = assessment.apply(manifest);
        return transactions.execute(status -> {
            Optional<Long> id = jdbc.sql("""
                    insert into manifest (digest, carrier, holder, received_at, message_type, version, flights, travellers, warnings, raw)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (digest, holder, carrier) do nothing returning id""")
                    .params(
                            digest,
                            carrier,
                            holder,
                            Timestamp.from(at),
                            manifest.type().name(),
                            manifest.version(),
                            String.join(
                                    "; ",
                                    manifest.flights().stream()
                                            .map(Flight::describe)
                                            .toList()),
                            manifest.travellers().size(),
                            manifest.warnings().size(),
                            raw)
                    .query(Long.class)
                    .optional();
            if (id.isEmpty()) {
                // Another ingestion of the same bytes for the same holder, from the same carrier, committed first.
                return new Ingestion.Duplicate(
                        jdbc.sql("select id from manifest where digest = ? and holder = ? and carrier = ?")
                                .params(digest, holder, carrier)
                                .query(Long.class)
                                .single());
            }
            for (Traveller t : manifest.travellers()) {
                jdbc.sql("""
                        insert into manifest_traveller (manifest_id, traveller_id, role, infant, surname, given_names, birth_date,
                          sex, nationality, document_numbers, booking_reference) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                        .params(
                                id.get(),
                                t.id(),
                                t.role().name(),
                                t.infant(),
                                t.surname(),
                                t.givenNames(),
                                t.birthDate() == null ? null : Date.valueOf(t.birthDate()),
                                t.sex(),
                                t.nationality(),
                                t.documents().isEmpty()
                                        ? null
                                        : String.join(
                                                " ",
                                                t.documents().stream()
                                                        .map(TravelDocument::number)
                                                        .toList()),
                                t.bookingReference())
                        .update();
            }
            int withHits = 0;
            for (TravellerAssessment a : assessed) {
                if (a.hit()) withHits++;
                for (Finding f : a.findings()) {
                    jdbc.sql(
                                    "insert into manifest_hit (manifest_id, traveller_id, kind, reference, score, explanation) values (?, ?, ?, ?, ?, ?)")
                            .params(
                                    id.get(),
                                    a.travellerId(),
                                    f.kind().name(),
                                    f.reference(),
                                    f.score(),
                                    f.explanation())
                            .update();
                }
            }
            return new Ingestion.Stored(
                    id.get(),
                    manifest.travellers().size(),
                    withHits,
                    manifest.warnings().size());
        });
    }

    private Ingestion reject(byte[] raw, String digest, String carrier, String holder, Instant at, String reason) {
        jdbc.sql("""
                insert into manifest_rejected (digest, carrier, holder, received_at, reason, raw) values (?, ?, ?, ?, ?, ?)
                on conflict (digest, holder, carrier) do nothing""")
                .params(digest, carrier, holder, Timestamp.from(at), reason, raw)
                .update();
        long id = jdbc.sql("select id from manifest_rejected where digest = ? and holder = ? and carrier = ?")
                .params(digest, holder, carrier)
                .query(Long.class)
                .single();
        return new Ingestion.Rejected(id, reason);
    }

    public List<Summary> held(String holder) {
        return jdbc.sql("select * from manifest where holder = ? order by received_at desc, id desc")
                .param(holder)
                .query(ManifestStore::summary)
                .list();
    }

    public Optional<Summary> find(long id) {
        return jdbc.sql("select * from manifest where id = ?")
                .param(id)
                .query(ManifestStore::summary)
                .optional();
    }

    public List<StoredTraveller> travellers(long manifestId) {
        return jdbc.sql(
                        "select * from manifest_traveller where manifest_id = ? order by length(traveller_id), traveller_id")
                .param(manifestId)
                .query(ManifestStore::traveller)
                .list();
    }

    public List<StoredHit> hits(long manifestId) {
        return jdbc.sql(
                        "select * from manifest_hit where manifest_id = ? order by length(traveller_id), traveller_id, kind")
                .param(manifestId)
                .query((rs, n) -> new StoredHit(
                        rs.getString("traveller_id"),
                        rs.getString("kind"),
                        rs.getString("reference"),
                        (Double) rs.getObject("score"),
                        rs.getString("explanation")))
                .list();
    }

    /** Messages kept aside, for the carrier that sent them or the state they were sent to. */
    public List<Rejected> rejected(String carrier, String holder) {
        return jdbc.sql("select * from manifest_rejected where carrier = ? or holder = ? order by id")
                .params(carrier == null ? "" : carrier, holder == null ? "" : holder)
                .query((rs, n) -> new Rejected(
                        rs.getLong("id"),
                        rs.getString("carrier"),
                        rs.getString("holder"),
                        rs.getTimestamp("received_at").toInstant(),
                        rs.getString("reason")))
                .list();
    }

    public long recordTransfer(
            long manifestId,
            String sender,
            String recipient,
            String purpose,
            List<String> fields,
            String instrumentId,
            int retentionDays,
            Instant at) {
        return jdbc.sql("""
                insert into manifest_transfer (manifest_id, sender, recipient, purpose, fields, instrument_id, retention_days, sent_at)
                values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(
                        manifestId,
                        sender,
                        recipient,
                        purpose,
                        String.join(",", fields),
                        instrumentId,
                        retentionDays,
                        Timestamp.from(at))
                .query(Long.class)
                .single();
    }

    public Optional<Transfer> transfer(long id) {
        return jdbc.sql("select * from manifest_transfer where id = ?")
                .param(id)
                .query(ManifestStore::transfer)
                .optional();
    }

    public List<Transfer> transfersTo(String recipient) {
        return jdbc.sql("select * from manifest_transfer where recipient = ? order by id")
                .param(recipient)
                .query(ManifestStore::transfer)
                .list();
    }

    /** What a retention run did. */
    public record RetentionRun(int manifestsMasked, int manifestsDeleted, int transfersMasked, int rejectedDeleted) {}

    /**
     * Masks held manifests past the holder's retention (names, birth dates, documents, booking references,
     * hit explanations and the raw message go; role, sex, nationality stay for statistics), deletes them
     * later; masks transfers past the retention their commitment allows. Each step in one transaction.
     */
    public RetentionRun applyRetention(RetentionSchedule held, Instant now) {
        return transactions.execute(status -> {
            Timestamp maskBefore = Timestamp.from(held.maskBefore(now));
            Timestamp deleteBefore = Timestamp.from(held.deleteBefore(now));
            int deleted = jdbc.sql("delete from manifest where received_at <= ?")
                    .param(deleteBefore)
                    .update();
            int rejectedDeleted = jdbc.sql("delete from manifest_rejected where received_at <= ?")
                    .param(deleteBefore)
                    .update();
            jdbc.sql("""
                    update manifest_traveller set surname = null, given_names = null, birth_date = null, document_numbers = null,
                      booking_reference = null where manifest_id in (select id from manifest where masked_at is null and received_at <= ?)""").param(maskBefore).update();
            jdbc.sql("update manifest_hit set explanation = null, reference = null where manifest_id in "
                            + "(select id from manifest where masked_at is null and received_at <= ?)")
                    .param(maskBefore)
                    .update();
            int masked = jdbc.sql(
                            "update manifest set raw = null, masked_at = ? where masked_at is null and received_at <= ?")
                    .params(Timestamp.from(now), maskBefore)
                    .update();
            int transfers = jdbc.sql("""
                    update manifest_transfer set masked_at = ?
                    where masked_at is null and sent_at + make_interval(days => retention_days) <= ?""")
                    .params(Timestamp.from(now), Timestamp.from(now))
                    .update();
            return new RetentionRun(masked, deleted, transfers, rejectedDeleted);
        });
    }

    /** Every stored traveller with this surname (any case) and birth date, for a data subject's access report. */
    public List<StoredTraveller> subject(String surname, LocalDate birthDate) {
        return jdbc.sql(
                        "select * from manifest_traveller where upper(surname) = upper(?) and birth_date = ? order by manifest_id")
                .params(surname, Date.valueOf(birthDate))
                .query(ManifestStore::traveller)
                .list();
    }

    /** An entry of the audit log about one of the given subjects (e.g. {@code manifest:12}): who saw or passed on what, when. */
    public record Access(long sequence, Instant at, String actor, String party, String action, String subject) {}

    /** The audit log's entries about these subjects, read only (the log is written through its own store). */
    public List<Access> accesses(List<String> subjects) {
        if (subjects.isEmpty()) return List.of();
        return jdbc.sql(
                        "select sequence, at, actor, party, action, subject from audit_entry where subject in (:subjects) order by sequence")
                .param("subjects", subjects)
                .query((rs, n) -> new Access(
                        rs.getLong("sequence"),
                        rs.getTimestamp("at").toInstant(),
                        rs.getString("actor"),
                        rs.getString("party"),
                        rs.getString("action"),
                        rs.getString("subject")))
                .list();
    }

    private static Summary summary(ResultSet rs, int n) throws SQLException {
        Timestamp masked = rs.getTimestamp("masked_at");
        return new Summary(
                rs.getLong("id"),
                rs.getString("carrier"),
                rs.getString("holder"),
                rs.getTimestamp("received_at").toInstant(),
                rs.getString("message_type"),
                rs.getString("version"),
                rs.getString("flights"),
                rs.getInt("travellers"),
                rs.getInt("warnings"),
                masked == null ? null : masked.toInstant());
    }

    private static StoredTraveller traveller(ResultSet rs, int n) throws SQLException {
        Date birth = rs.getDate("birth_date");
        return new StoredTraveller(
                rs.getLong("manifest_id"),
                rs.getString("traveller_id"),
                rs.getString("role"),
                rs.getBoolean("infant"),
                rs.getString("surname"),
                rs.getString("given_names"),
                birth == null ? null : birth.toLocalDate(),
                rs.getString("sex"),
                rs.getString("nationality"),
                rs.getString("document_numbers"),
                rs.getString("booking_reference"));
    }

    private static Transfer transfer(ResultSet rs, int n) throws SQLException {
        Timestamp masked = rs.getTimestamp("masked_at");
        Long manifest = rs.getObject("manifest_id") == null ? null : rs.getLong("manifest_id");
        return new Transfer(
                rs.getLong("id"),
                manifest,
                rs.getString("sender"),
                rs.getString("recipient"),
                rs.getString("purpose"),
                List.of(rs.getString("fields").split(",")),
                rs.getString("instrument_id"),
                rs.getInt("retention_days"),
                rs.getTimestamp("sent_at").toInstant(),
                masked == null ? null : masked.toInstant());
    }
}
