package org.orderly.store;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.orderly.regime.Commitment;
import org.orderly.regime.CommitmentTerms;
import org.orderly.regime.EntryPolicy;
import org.orderly.regime.Instrument;
import org.orderly.regime.Organisation;
import org.orderly.regime.Participation;
import org.orderly.regime.Party;
import org.orderly.regime.Pillar;
import org.orderly.regime.Process;
import org.orderly.regime.Registry;
import org.orderly.regime.Scope;
import org.orderly.regime.Source;
import org.orderly.regime.State;
import org.orderly.regime.Term;
import org.orderly.regime.TravelCategory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads and writes the registry in PostgreSQL with plain SQL; every write is one transaction, and discards the
 * {@link RegistrySnapshot} (when it begins and when its transaction ends), so that no command answers from a registry
 * older than a write.
 */
public final class RegistryStore {
    /** The origin of rows written from Orderly's own reference data. */
    public static final String REFERENCE = "reference";
    /** The origin of rows written by the secretariat through the API. */
    public static final String SECRETARIAT = "secretariat";

    /**
     * Of the rows that several origins hold for one party, subject and status, the one read: the newest fact
     * (latest as-of date), and on the same date another origin's before reference data, then the last written.
     */
    private static final String CURRENT_PARTICIPATIONS = """
            select distinct on (party_id, subject_id, status) * from participation
            order by party_id, subject_id, status, as_of desc, (origin = 'reference'), id desc""";

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final TransactionTemplate snapshots;
    private final RegistrySnapshot snapshot;

    /** A store that keeps no snapshot file (an external database, a test's). */
    public RegistryStore(DataSource dataSource) {
        this(dataSource, RegistrySnapshot.none());
    }

    /** A store whose writes discard {@code snapshot}, and which can write it ({@link #loadIntoSnapshot()}). */
    public RegistryStore(DataSource dataSource, RegistrySnapshot snapshot) {
        this.dataSource = dataSource;
        this.jdbc = JdbcClient.create(dataSource);
        this.snapshot = snapshot;
        DataSourceTransactionManager manager = new DataSourceTransactionManager(dataSource);
        this.transactions = new RegistryWrites(manager);
        // The five tables are read as of one moment: a write committed half-way through a load is not seen at all.
        this.snapshots = new TransactionTemplate(manager);
        snapshots.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        snapshots.setReadOnly(true);
    }

    /** The transactions every registry write runs in: each discards the snapshot as it begins and as it ends. */
    private final class RegistryWrites extends TransactionTemplate {
        @java.io.Serial
        private static final long serialVersionUID = 1L;

        RegistryWrites(PlatformTransactionManager manager) {
            super(manager);
        }

        @Override
        public <T> T execute(TransactionCallback<T> action) {
            return super.execute(status -> {
                snapshotOutdated();
                return action.doInTransaction(status);
            });
        }
    }

    /**
     * Discards the snapshot now and again when the (outermost) transaction ends: a reader that read the registry between
     * the two finds a revision that moved (the database raises it in this transaction), see {@link #loadIntoSnapshot()}.
     */
    private void snapshotOutdated() {
        snapshot.discard();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    snapshot.discard();
                }
            });
        }
    }

    DataSource dataSource() {
        return dataSource;
    }

    JdbcClient jdbc() {
        return jdbc;
    }

    TransactionTemplate transactions() {
        return transactions;
    }

    /**
     * Loads the whole registry as one consistent snapshot: one REPEATABLE READ, read-only transaction, so a
     * concurrent write is seen whole or not at all. Where several origins hold the same participation, the newest fact is read.
     */
    public Registry load() {
        return snapshots.execute(status -> new Registry(
                jdbc.sql("select * from party order by kind, id")
                        .query((rs, n) -> party(rs))
                        .list(),
                jdbc.sql("select * from instrument order by id")
                        .query((rs, n) -> instrument(rs))
                        .list(),
                jdbc.sql("select * from (" + CURRENT_PARTICIPATIONS + ") p order by subject_id, party_id, status")
                        .query((rs, n) -> participation(rs))
                        .list(),
                jdbc.sql("select * from commitment order by id")
                        .query((rs, n) -> commitment(rs))
                        .list(),
                jdbc.sql("select * from entry_policy order by destination, passport, as_of")
                        .query((rs, n) -> entryPolicy(rs))
                        .list()));
    }

    /** The registry's revision: raised by the database in the transaction of every change to the registry's tables. */
    public long revision() {
        return jdbc.sql("select revision from registry_revision")
                .query(Long.class)
                .single();
    }

    /**
     * Loads the registry as {@link #load()} does and writes it, with the revision it was read at, to the snapshot; when
     * the revision has moved by the time the file is written (a write committed meanwhile), the file is discarded again.
     */
    public Registry loadIntoSnapshot() {
        record Loaded(Registry registry, long revision) {}
        Loaded loaded = snapshots.execute(status -> new Loaded(load(), revision()));
        try {
            snapshot.write(loaded.registry(), loaded.revision());
        } catch (IllegalStateException | IllegalArgumentException | java.io.UncheckedIOException cannotWrite) {
            // A file system without owner-only modes, a full disk: no snapshot, and commands read the database.
            return loaded.registry();
        }
        if (revision() != loaded.revision()) snapshot.discard();
        return loaded.registry();
    }

    /** Discards a snapshot whose revision is not the database's (its writer stopped between its commit and its discard). */
    public void discardStaleSnapshot() {
        if (snapshot.exists() && !snapshot.revision().equals(java.util.Optional.of(revision()))) snapshot.discard();
    }

    /** What the latest import of an origin for a subject says its file covers ("" when it did not say, or none ran). */
    public String importCoverage(String origin, String subject) {
        return jdbc.sql("select coverage from import_run where kind = ? and subject = ? order by id desc limit 1")
                .params(origin, subject)
                .query(String.class)
                .optional()
                .orElse("");
    }

    /**
     * The date of the status extract that an import wrote the subject's participations from (the newest, when several
     * were imported), empty when none was imported: a count drawn from it is "in the extract of" that date, not today's.
     */
    public java.util.Optional<LocalDate> extractAsOf(String origin, String subject) {
        return jdbc.sql("select max(as_of) from participation where origin = ? and subject_id = ?")
                .params(origin, subject)
                .query(LocalDate.class)
                .optional();
    }

    /** The codes of the states in the registry, without reading the rest of it. */
    public java.util.Set<String> stateCodes() {
        return java.util.Set.copyOf(jdbc.sql("select id from party where kind = 'STATE'")
                .query(String.class)
                .list());
    }

    /** State alpha-2 code → alpha-3 code, for data sets keyed by alpha-2. */
    public java.util.Map<String, String> stateCodesByAlpha2() {
        java.util.Map<String, String> codes = new java.util.HashMap<>();
        jdbc.sql("select alpha2, id from party where kind = 'STATE' and alpha2 is not null")
                .query(rs -> {
                    codes.put(rs.getString("alpha2"), rs.getString("id"));
                });
        return codes;
    }

    /** The ids of the instruments in the registry. */
    public List<String> instrumentIds() {
        return jdbc.sql("select id from instrument order by id")
                .query(String.class)
                .list();
    }

    /** Whether the database holds no parties yet. */
    public boolean isEmpty() {
        return jdbc.sql("select count(*) from party").query(Long.class).single() == 0;
    }

    /** Whether an import of that kind (origin) for that subject has ever run. */
    public boolean hasImported(String origin, String subject) {
        return jdbc.sql("select count(*) from import_run where kind = ? and subject = ?")
                        .params(origin, subject)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    public int countEntryPolicies() {
        return jdbc.sql("select count(*) from entry_policy")
                .query(Integer.class)
                .single();
    }

    /** The number of entry policies of the snapshot dated {@code asOf}. */
    public int countEntryPolicies(LocalDate asOf) {
        return jdbc.sql("select count(*) from entry_policy where as_of = ?")
                .param(asOf)
                .query(Integer.class)
                .single();
    }

    /**
     * Writes Orderly's reference data: parties and instruments are inserted or updated, and the
     * participations and commitments that came from reference data are replaced. Idempotent.
     */
    public void saveReference(Registry reference) {
        transactions.executeWithoutResult(status -> {
            reference.parties().forEach(this::upsertParty);
            reference.instruments().forEach(this::upsertInstrument);
            jdbc.sql("delete from participation where origin = ?")
                    .param(REFERENCE)
                    .update();
            reference.participations().forEach(p -> insertParticipation(p, REFERENCE));
            jdbc.sql("delete from commitment where origin = ?").param(REFERENCE).update();
            reference.commitments().forEach(c -> insertCommitment(c, REFERENCE));
        });
    }

    /**
     * Records a new or amended instrument with its commitments and participations in one
     * transaction, replacing what the same origin wrote for that instrument before.
     */
    public void saveInstrument(
            Instrument instrument, List<Commitment> commitments, List<Participation> participations, String origin) {
        for (Commitment c : commitments) {
            if (!c.instrumentId().equals(instrument.id())) {
                throw new IllegalArgumentException("commitment '" + c.describe() + "' belongs to " + c.instrumentId()
                        + ", not to " + instrument.id());
            }
        }
        for (Participation p : participations) {
            if (!p.subjectId().equals(instrument.id())) {
                throw new IllegalArgumentException(
                        "participation of " + p.partyId() + " is in " + p.subjectId() + ", not in " + instrument.id());
            }
        }
        Set<String> parties = new TreeSet<>();
        participations.forEach(p -> parties.add(p.partyId()));
        for (Commitment c : commitments) {
            // A grantor is never ANY (Scope.Directed refuses it), so one filter serves both lists.
            c.scope()
                    .match(
                            reciprocal -> java.util.stream.Stream.<String>empty(),
                            d -> java.util.stream.Stream.concat(d.grantors().stream(), d.beneficiaries().stream()))
                    .filter(id -> !Scope.PARTIES.equals(id) && !Scope.ANY.equals(id))
                    .forEach(parties::add);
        }
        transactions.executeWithoutResult(status -> {
            // Checked with targeted queries inside the transaction, instead of reading the whole registry back.
            requireParties(parties);
            if (partyExists(instrument.id())) {
                throw new IllegalArgumentException("instrument id '" + instrument.id() + "' is already a party id");
            }
            upsertInstrument(instrument);
            jdbc.sql("delete from commitment where instrument_id = ? and origin = ?")
                    .params(instrument.id(), origin)
                    .update();
            jdbc.sql("delete from participation where subject_id = ? and origin = ?")
                    .params(instrument.id(), origin)
                    .update();
            commitments.forEach(c -> insertCommitment(c, origin));
            participations.forEach(p -> insertParticipation(p, origin));
        });
    }

    /**
     * Adds one participation of an origin, replacing that origin's earlier one of the same party, subject and
     * status; other origins' rows are kept (the newest fact is the one read).
     *
     * @throws IllegalArgumentException when the party or the instrument or process is unknown; nothing is written
     */
    public void saveParticipation(Participation participation, String origin) {
        saveParticipations(List.of(participation), origin);
    }

    /**
     * Adds a whole status list of an origin in one transaction: every participation is written, or (when one names an
     * unknown party, instrument or process) none is. Each replaces that origin's earlier one of the same party, subject
     * and status.
     *
     * @throws IllegalArgumentException naming the unknown party or subject; nothing is written
     */
    public void saveParticipations(List<Participation> participations, String origin) {
        transactions.executeWithoutResult(status -> participations.forEach(participation -> {
            requireParties(Set.of(participation.partyId()));
            boolean subjectKnown = jdbc.sql("select (exists (select 1 from instrument where id = :id)"
                            + " or exists (select 1 from party where id = :id and kind = 'PROCESS'))")
                    .param("id", participation.subjectId())
                    .query(Boolean.class)
                    .single();
            if (!subjectKnown) {
                throw new IllegalArgumentException("participation of " + participation.partyId()
                        + " names unknown instrument or process " + participation.subjectId());
            }
            insertParticipation(participation, origin);
        }));
    }

    private boolean partyExists(String id) {
        return jdbc.sql("select exists (select 1 from party where id = ?)")
                .param(id)
                .query(Boolean.class)
                .single();
    }

    private void requireParties(Set<String> ids) {
        if (ids.isEmpty()) return;
        List<String> known = jdbc.sql("select id from party where id = any(string_to_array(?, ','))")
                .param(String.join(",", ids))
                .query(String.class)
                .list();
        Set<String> unknown = new TreeSet<>(ids);
        known.forEach(unknown::remove);
        if (!unknown.isEmpty()) throw new IllegalArgumentException("unknown party " + String.join(", ", unknown));
    }

    /** Replaces every participation in a subject that a given origin wrote. */
    void replaceParticipations(String subjectId, String origin, List<Participation> participations) {
        jdbc.sql("delete from participation where subject_id = ? and origin = ?")
                .params(subjectId, origin)
                .update();
        participations.forEach(p -> insertParticipation(p, origin));
    }

    private void upsertParty(Party party) {
        String alpha2 = null, numeric = null, region = null, subRegion = null, standing = null;
        // A switch over the kind with no default: a new kind of party fails to compile here.
        String description = switch (party.kind()) {
            case STATE -> "";
            case ORGANISATION -> ((Organisation) party).mandate();
            case PROCESS -> ((Process) party).focus();
        };
        if (party instanceof State s) {
            alpha2 = s.alpha2();
            numeric = s.numeric();
            region = s.region();
            subRegion = s.subRegion();
            standing = s.standing().name();
        }
        jdbc.sql("""
                insert into party (id, kind, name, alpha2, numeric_code, region, sub_region, standing, description,
                                   source_title, source_reference, as_of)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (id) do update set kind = excluded.kind, name = excluded.name, alpha2 = excluded.alpha2,
                    numeric_code = excluded.numeric_code, region = excluded.region, sub_region = excluded.sub_region,
                    standing = excluded.standing, description = excluded.description, source_title = excluded.source_title,
                    source_reference = excluded.source_reference, as_of = excluded.as_of""")
                .params(
                        party.id(),
                        party.kind().name(),
                        party.name(),
                        alpha2,
                        numeric,
                        region,
                        subRegion,
                        standing,
                        description,
                        party.source().title(),
                        party.source().reference(),
                        party.source().asOf())
                .update();
    }

    private void upsertInstrument(Instrument i) {
        jdbc.sql("""
                insert into instrument (id, title, kind, level, binding, adopted, in_force, applied_from, pillars,
                                        source_title, source_reference, as_of)
                values (?, ?, ?, ?, ?, ?, ?, ?, string_to_array(?, ','), ?, ?, ?)
                on conflict (id) do update set title = excluded.title, kind = excluded.kind, level = excluded.level,
                    binding = excluded.binding, adopted = excluded.adopted, in_force = excluded.in_force,
                    applied_from = excluded.applied_from,
                    pillars = excluded.pillars, source_title = excluded.source_title,
                    source_reference = excluded.source_reference, as_of = excluded.as_of""")
                .params(
                        i.id(),
                        i.title(),
                        i.kind().name(),
                        i.level().name(),
                        i.binding(),
                        i.adopted(),
                        i.inForce(),
                        i.appliedFrom(),
                        String.join(
                                ",",
                                new TreeSet<>(
                                        i.pillars().stream().map(Enum::name).toList())),
                        i.source().title(),
                        i.source().reference(),
                        i.source().asOf())
                .update();
    }

    void insertParticipation(Participation p, String origin) {
        jdbc.sql("""
                insert into participation (party_id, subject_id, status, since, since_precision, until, reservations,
                                           source_title, source_reference, as_of, origin)
                values (?, ?, ?, ?, ?, ?, string_to_array(?, chr(31)), ?, ?, ?, ?)
                on conflict (party_id, subject_id, status, origin) do update set since = excluded.since,
                    since_precision = excluded.since_precision, until = excluded.until,
                    reservations = excluded.reservations, source_title = excluded.source_title,
                    source_reference = excluded.source_reference, as_of = excluded.as_of""")
                .params(
                        p.partyId(),
                        p.subjectId(),
                        p.status().name(),
                        p.since(),
                        p.sincePrecision().name(),
                        p.until(),
                        String.join("\u001f", p.reservations()),
                        p.source().title(),
                        p.source().reference(),
                        p.source().asOf(),
                        origin)
                .update();
    }

    private void insertCommitment(Commitment c, String origin) {
        boolean reciprocal = c.scope().isReciprocal();
        String grantors = c.scope().match(r -> "", d -> String.join(",", new TreeSet<>(d.grantors())));
        String beneficiaries = c.scope().match(r -> "", d -> String.join(",", new TreeSet<>(d.beneficiaries())));
        jdbc.sql("""
                insert into commitment (instrument_id, kind, reciprocal, grantors, beneficiaries, term_from, term_until,
                                        term_condition, terms, source_title, source_reference, as_of, origin)
                values (?, ?, ?, string_to_array(?, ','), string_to_array(?, ','), ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        c.instrumentId(),
                        c.kind().name(),
                        reciprocal,
                        grantors,
                        beneficiaries,
                        c.term().from(),
                        c.term().until(),
                        c.term().condition(),
                        CommitmentTerms.format(CommitmentTerms.of(c)),
                        c.source().title(),
                        c.source().reference(),
                        c.source().asOf(),
                        origin)
                .update();
    }

    private static Source source(ResultSet rs) throws SQLException {
        return new Source(
                rs.getString("source_title"), rs.getString("source_reference"), rs.getObject("as_of", LocalDate.class));
    }

    private static Party party(ResultSet rs) throws SQLException {
        String kind = rs.getString("kind");
        Source source = source(rs);
        return switch (kind) {
            case "STATE" ->
                new State(
                        rs.getString("id"),
                        rs.getString("alpha2"),
                        rs.getString("numeric_code"),
                        rs.getString("name"),
                        rs.getString("region"),
                        rs.getString("sub_region"),
                        State.Standing.valueOf(rs.getString("standing")),
                        source);
            case "ORGANISATION" ->
                new Organisation(rs.getString("id"), rs.getString("name"), rs.getString("description"), source);
            default -> new Process(rs.getString("id"), rs.getString("name"), rs.getString("description"), source);
        };
    }

    private static Instrument instrument(ResultSet rs) throws SQLException {
        Set<Pillar> pillars = EnumSet.noneOf(Pillar.class);
        for (String p : strings(rs.getArray("pillars"))) pillars.add(Pillar.valueOf(p));
        return new Instrument(
                rs.getString("id"),
                rs.getString("title"),
                Instrument.Kind.valueOf(rs.getString("kind")),
                Instrument.Level.valueOf(rs.getString("level")),
                rs.getBoolean("binding"),
                rs.getObject("adopted", LocalDate.class),
                rs.getObject("in_force", LocalDate.class),
                rs.getObject("applied_from", LocalDate.class),
                pillars,
                source(rs));
    }

    private static Participation participation(ResultSet rs) throws SQLException {
        return new Participation(
                rs.getString("party_id"),
                rs.getString("subject_id"),
                Participation.Status.valueOf(rs.getString("status")),
                rs.getObject("since", LocalDate.class),
                rs.getObject("until", LocalDate.class),
                strings(rs.getArray("reservations")),
                source(rs),
                Participation.Precision.valueOf(rs.getString("since_precision")));
    }

    private static Commitment commitment(ResultSet rs) throws SQLException {
        Scope scope = rs.getBoolean("reciprocal")
                ? Scope.reciprocal()
                : Scope.directed(
                        Set.copyOf(strings(rs.getArray("grantors"))),
                        Set.copyOf(strings(rs.getArray("beneficiaries"))));
        return CommitmentTerms.toCommitment(
                Commitment.Kind.valueOf(rs.getString("kind")),
                rs.getString("instrument_id"),
                scope,
                new Term(
                        rs.getObject("term_from", LocalDate.class),
                        rs.getObject("term_until", LocalDate.class),
                        rs.getString("term_condition")),
                CommitmentTerms.parse(rs.getString("terms")),
                source(rs));
    }

    private static EntryPolicy entryPolicy(ResultSet rs) throws SQLException {
        Integer stay = rs.getObject("stay_days", Integer.class);
        return new EntryPolicy(
                rs.getString("destination"),
                rs.getString("passport"),
                TravelCategory.valueOf(rs.getString("category")),
                stay,
                source(rs));
    }

    private static List<String> strings(Array array) throws SQLException {
        if (array == null) return List.of();
        return new ArrayList<>(Arrays.asList((String[]) array.getArray()));
    }
}
