package org.orderly.store;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.orderly.csv.CsvException;
import org.orderly.csv.CsvHeader;
import org.orderly.csv.CsvReader;
import org.orderly.csv.CsvRow;
import org.orderly.csv.CsvTable;
import org.orderly.monitoring.visa.VisaRequirement;
import org.orderly.regime.EntryPolicy;
import org.orderly.regime.RegimeDates;
import org.orderly.regime.Source;
import org.orderly.regime.State;
import org.orderly.regime.TravelCategory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Imports a visa matrix in the Passport Index tidy format ({@code Passport,Destination,Requirement},
 * ISO alpha-3 codes) as each destination's unilateral entry policy on the snapshot's date. The whole file is
 * checked before anything is written; then it replaces the snapshot of the same date in one transaction, keeping
 * snapshots of other dates (a travel answer uses the one nearest its date).
 */
public final class VisaMatrixImporter {
    public static final String ORIGIN = "import:visa-matrix";
    /** The Passport Index tidy format's columns, compared ignoring case. */
    static final CsvHeader COLUMNS =
            CsvHeader.requiring("Passport", "Destination", "Requirement").ignoringCase();

    private final RegistryStore store;

    public VisaMatrixImporter(RegistryStore store) {
        this.store = store;
    }

    /** A parsed requirement cell: the category and, for a number of visa-free days, the days. */
    record Requirement(TravelCategory category, Integer stayDays, boolean ownCountry) {}

    /**
     * Reads a cell with the project's one reader of the Passport Index format ({@link VisaRequirement}) and its one
     * mapping to a category: the 2022 snapshot's {@code covid ban} is kept as a temporary COVID-19 entry ban, its own kind,
     * never as the state's ordinary "no admission".
     */
    static Requirement parseRequirement(String text) {
        VisaRequirement cell = VisaRequirement.parse(text);
        return new Requirement(cell.category(), cell.days(), cell.kind() == VisaRequirement.Kind.OWN_COUNTRY);
    }

    /** A matrix read and checked whole: its entry policies (own-country rows left out), rows read and content hash. */
    public record Matrix(List<EntryPolicy> policies, int rowsRead, String sha256) {}

    /**
     * Reads and checks a matrix file against the known state codes, without touching any database.
     *
     * @throws ImportException naming the line of the first problem
     */
    public static Matrix read(Path file, Set<String> states, LocalDate asOf) {
        try {
            return read(file, CsvReader.read(file, COLUMNS), states, asOf);
        } catch (CsvException e) {
            throw new ImportException(file, e);
        }
    }

    private static Matrix read(Path file, CsvTable csv, Set<String> states, LocalDate asOf) {
        Map<String, Long> seen = new HashMap<>();
        List<EntryPolicy> policies = new java.util.ArrayList<>(csv.rows().size());
        String title = "Visa matrix " + file.getFileName() + " (Passport Index tidy format)";
        for (CsvRow row : csv.rows()) {
            String passport = row.get("passport").toUpperCase(Locale.ROOT);
            String destination = row.get("destination").toUpperCase(Locale.ROOT);
            check(row, "passport", passport, states);
            check(row, "destination", destination, states);
            Requirement requirement;
            try {
                requirement = parseRequirement(row.get("requirement"));
            } catch (IllegalArgumentException e) {
                throw row.error("requirement", e.getMessage());
            }
            if (requirement.ownCountry() != passport.equals(destination)) {
                throw row.error(
                        "requirement",
                        requirement.ownCountry()
                                ? "requirement -1 (own country) for different states " + passport + " and "
                                        + destination
                                : "passport " + passport + " to its own state needs requirement -1, found '"
                                        + row.get("requirement") + "'");
            }
            Long earlier = seen.put(passport + destination, row.line());
            if (earlier != null) {
                throw row.error("the pair " + passport + " → " + destination + " appears again (first on line "
                        + earlier + ")");
            }
            if (requirement.ownCountry()) continue;
            policies.add(new EntryPolicy(
                    destination,
                    passport,
                    requirement.category(),
                    requirement.stayDays(),
                    new Source(title, file.getFileName() + " line " + row.line(), asOf)));
        }
        return new Matrix(List.copyOf(policies), csv.rows().size(), csv.sha256());
    }

    /**
     * Imports the file. {@code asOf} is the date the matrix describes (the dataset's release date). A file that would
     * replace the current matrix with far less (see {@link Replacement}) is refused.
     *
     * @throws ImportException naming the line of the first problem; the database is unchanged
     */
    public ImportReport importFile(Path file, LocalDate asOf) {
        return importFile(file, asOf, false);
    }

    /**
     * Imports the file; {@code replace} forces an import that would replace the current matrix with far less.
     *
     * @throws ImportException naming the line of the first problem, or the numbers of a refused replacement; the database is unchanged
     * @throws IllegalArgumentException when {@code asOf} lies outside {@link RegimeDates}
     */
    public ImportReport importFile(Path file, LocalDate asOf, boolean replace) {
        RegimeDates.requireWithin("as-of date", asOf);
        long started = System.nanoTime();
        Matrix matrix = read(file, store.stateCodes(), asOf);
        List<Object[]> rows = matrix.policies().stream()
                .map(p -> new Object[] {
                    p.destination(),
                    p.passport(),
                    p.category().name(),
                    p.stayDays(),
                    p.source().title(),
                    p.source().reference(),
                    p.source().asOf(),
                    ORIGIN
                })
                .toList();
        JdbcTemplate template = new JdbcTemplate(store.dataSource());
        boolean unchanged = Boolean.TRUE.equals(store.transactions().execute(status -> {
            // Runs are recorded with the snapshot's date as their subject, so each snapshot is compared with its own
            // last import.
            replacement(matrix, asOf).check(file, replace);
            boolean same = store.jdbc()
                                    .sql("select count(*) from import_run where kind = ? and sha256 = ? and id = "
                                            + "(select max(id) from import_run where kind = ? and subject = ?)")
                                    .params(ORIGIN, matrix.sha256(), ORIGIN, asOf.toString())
                                    .query(Integer.class)
                                    .single()
                            > 0
                    && store.jdbc()
                                    .sql("select count(*) from entry_policy where origin = ? and as_of = ?")
                                    .params(ORIGIN, asOf)
                                    .query(Integer.class)
                                    .single()
                            == rows.size();
            template.update("delete from entry_policy where origin = ? and as_of = ?", ORIGIN, asOf);
            template.batchUpdate("""
                    insert into entry_policy (destination, passport, category, stay_days, source_title, source_reference, as_of, origin)
                    values (?, ?, ?, ?, ?, ?, ?, ?)
                    on conflict (destination, passport, as_of) do update set category = excluded.category,
                        stay_days = excluded.stay_days, source_title = excluded.source_title,
                        source_reference = excluded.source_reference, as_of = excluded.as_of, origin = excluded.origin""", rows);
            store.jdbc()
                    .sql("insert into import_run (kind, subject, file_name, sha256, rows_read) values (?, ?, ?, ?, ?)")
                    .params(ORIGIN, asOf.toString(), file.getFileName().toString(), matrix.sha256(), matrix.rowsRead())
                    .update();
            return same;
        }));
        return new ImportReport(
                "visa-matrix",
                "",
                file.toString(),
                matrix.sha256(),
                matrix.rowsRead(),
                rows.size(),
                unchanged,
                (System.nanoTime() - started) / 1_000_000);
    }

    private Replacement replacement(Matrix matrix, LocalDate asOf) {
        Set<String> current = new HashSet<>();
        Set<String> currentStates = new HashSet<>();
        Map<String, Integer> currentPassports = new HashMap<>();
        store.jdbc()
                .sql("select passport, destination from entry_policy where origin = ? and as_of = ?")
                .params(ORIGIN, asOf)
                .query(rs -> {
                    current.add(rs.getString(1) + ">" + rs.getString(2));
                    currentStates.add(rs.getString(1));
                    currentStates.add(rs.getString(2));
                    currentPassports.merge(rs.getString(1), 1, Integer::sum);
                });
        Set<String> incoming = new HashSet<>();
        Set<String> incomingStates = new HashSet<>();
        Map<String, Integer> incomingPassports = new LinkedHashMap<>();
        for (EntryPolicy policy : matrix.policies()) {
            incoming.add(policy.passport() + ">" + policy.destination());
            incomingStates.add(policy.passport());
            incomingStates.add(policy.destination());
            incomingPassports.merge(policy.passport(), 1, Integer::sum);
        }
        return new Replacement(
                "entry policies",
                current,
                incoming,
                currentStates,
                incomingStates,
                "passports",
                currentPassports,
                incomingPassports);
    }

    private static void check(CsvRow row, String column, String code, Set<String> states) {
        if (code.isEmpty()) throw row.error(column, column + " is empty");
        if (!State.isCode(code)) {
            throw row.error(column, column + " '" + row.get(column) + "' is not an ISO 3166 alpha-3 code");
        }
        if (!states.contains(code)) {
            throw row.error(column, column + " " + code + " is not a state in the registry");
        }
    }
}
