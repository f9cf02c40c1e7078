package org.orderly.monitoring.visa;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.orderly.csv.CsvException;
import org.orderly.csv.CsvHeader;
import org.orderly.csv.CsvReader;
import org.orderly.csv.CsvRow;
import org.orderly.csv.CsvTable;
import org.orderly.monitoring.MonitoringInputException;
import org.orderly.monitoring.Provenance;

/**
 * A visa matrix as published on one date (Passport Index tidy format, {@code Passport,Destination,Requirement}, read with the project's one CSV reader): every
 * passport → destination requirement, keyed {@code "PPP→DDD"}, with the file's name and SHA-256 as its provenance.
 */
public final class VisaSnapshot {
    /**
     * The release date of the current Passport Index file in the public data sets ({@code visa/passport-index-tidy-iso3.csv},
     * whose name carries no date; see shared/data/SOURCES.md).
     */
    public static final LocalDate SHARED_DATA_CURRENT_AS_OF = LocalDate.of(2025, 1, 12);

    private static final Pattern DATE_IN_NAME = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})");

    private final LocalDate date;
    private final Provenance provenance;
    private final Map<String, VisaRequirement> requirements;
    private final Set<String> states;

    private VisaSnapshot(
            LocalDate date, Provenance provenance, Map<String, VisaRequirement> requirements, Set<String> states) {
        this.date = date;
        this.provenance = provenance;
        this.requirements = Collections.unmodifiableMap(requirements);
        this.states = Collections.unmodifiableSet(states);
    }

    /**
     * Reads a snapshot. {@code date} is the date the matrix describes; when null, it is taken from a date written in the
     * file name ({@code …-2024-07-02.csv}).
     *
     * @throws MonitoringInputException naming the file and line of the first problem
     */
    public static VisaSnapshot read(Path file, LocalDate date) {
        LocalDate asOf = date != null ? date : dateInName(file);
        CsvTable table = CsvReader.read(file, CsvHeader.exactly(List.of("Passport", "Destination", "Requirement")));
        if (table.rows().isEmpty()) throw new CsvException(table.file(), 1, 0, null, "holds no rows");
        Map<String, VisaRequirement> requirements = new LinkedHashMap<>();
        Set<String> states = new TreeSet<>();
        for (CsvRow row : table.rows()) {
            String passport = code(row, "Passport");
            String destination = code(row, "Destination");
            VisaRequirement requirement;
            try {
                requirement = VisaRequirement.parse(row.get("Requirement"));
            } catch (IllegalArgumentException e) {
                throw row.error("Requirement", e.getMessage());
            }
            if ((requirement.kind() == VisaRequirement.Kind.OWN_COUNTRY) != passport.equals(destination)) {
                throw row.error(
                        "Requirement",
                        "-1 (own country) is for a passport to its own state only, found " + passport + " → "
                                + destination + " '" + row.get("Requirement") + "'");
            }
            if (requirements.put(pair(passport, destination), requirement) != null) {
                throw row.error("the pair " + passport + " → " + destination + " appears twice");
            }
            states.add(passport);
            states.add(destination);
        }
        return new VisaSnapshot(asOf, Provenance.file(table.file(), table.sha256(), asOf), requirements, states);
    }

    /** A published visa-matrix file and the date it describes. */
    public record PublishedFile(Path file, LocalDate date) {}

    /**
     * The matrices in a public data folder, oldest first: each dated snapshot in {@code visa/history} (the date in its
     * file name, {@code …-YYYY-MM-DD.csv}), then the current {@code visa/passport-index-tidy-iso3.csv}, which carries no
     * date in its name and is dated {@code currentAsOf}. Files that are absent are left out.
     */
    public static List<PublishedFile> publishedIn(Path data, LocalDate currentAsOf) {
        java.util.List<PublishedFile> files = new java.util.ArrayList<>();
        Path history = data.resolve("visa/history");
        if (java.nio.file.Files.isDirectory(history)) {
            try (java.util.stream.Stream<Path> listed = java.nio.file.Files.list(history)) {
                for (Path file : listed.sorted().toList()) {
                    Matcher dated = DATE_IN_NAME.matcher(file.getFileName().toString());
                    if (file.getFileName().toString().endsWith(".csv") && dated.find()) {
                        files.add(new PublishedFile(file, LocalDate.parse(dated.group(1))));
                    }
                }
            } catch (java.io.IOException e) {
                throw new MonitoringInputException(history, 0, "cannot be listed: " + e.getMessage());
            }
        }
        Path current = data.resolve("visa/passport-index-tidy-iso3.csv");
        if (java.nio.file.Files.isRegularFile(current)) files.add(new PublishedFile(current, currentAsOf));
        files.sort(java.util.Comparator.comparing(PublishedFile::date));
        return List.copyOf(files);
    }

    /**
     * A snapshot from requirements already read (for example the entry policies of an imported matrix), keyed by
     * {@link #pair}.
     */
    public static VisaSnapshot of(LocalDate date, Provenance provenance, Map<String, VisaRequirement> requirements) {
        Set<String> states = new TreeSet<>();
        for (String pair : requirements.keySet()) {
            int arrow = pair.indexOf('→');
            if (arrow != 3 || pair.length() != 7)
                throw new IllegalArgumentException("'" + pair + "' is not a pair key PPP→DDD");
            states.add(pair.substring(0, arrow));
            states.add(pair.substring(arrow + 1));
        }
        return new VisaSnapshot(date, provenance, new LinkedHashMap<>(requirements), states);
    }

    /**
     * The snapshots a registry holds: its entry policies grouped by the date of the matrix they were imported from, oldest
     * first. Each cell reads back as the matrix wrote it ({@link VisaRequirement#of} inverts the import's mapping), so the
     * server and the command line, which both compute indicators from a registry, see the same matrices as the files.
     */
    public static List<VisaSnapshot> fromEntryPolicies(List<org.orderly.regime.EntryPolicy> policies) {
        Map<LocalDate, Map<String, VisaRequirement>> byDate = new java.util.TreeMap<>();
        Map<LocalDate, String> titles = new java.util.HashMap<>();
        for (org.orderly.regime.EntryPolicy policy : policies) {
            LocalDate asOf = policy.source().asOf();
            byDate.computeIfAbsent(asOf, d -> new java.util.HashMap<>())
                    .put(
                            pair(policy.passport(), policy.destination()),
                            VisaRequirement.of(policy.category(), policy.stayDays()));
            titles.putIfAbsent(asOf, policy.source().title());
        }
        List<VisaSnapshot> snapshots = new java.util.ArrayList<>();
        byDate.forEach((date, requirements) -> snapshots.add(
                of(date, Provenance.records("entry policies imported from " + titles.get(date), date), requirements)));
        return List.copyOf(snapshots);
    }

    private static String code(CsvRow row, String column) {
        String value = row.get(column);
        if (!value.matches("[A-Za-z]{3}")) throw row.error(column, "'" + value + "' is not an ISO 3166-1 alpha-3 code");
        return value.toUpperCase(java.util.Locale.ROOT);
    }

    private static LocalDate dateInName(Path file) {
        Matcher matcher = DATE_IN_NAME.matcher(file.getFileName().toString());
        if (!matcher.find()) {
            throw new MonitoringInputException(
                    file, 0, "no date given and none in the file name: say which date the matrix describes");
        }
        return LocalDate.parse(matcher.group(1));
    }

    /** The key of a pair in {@link #requirements()}. */
    public static String pair(String passport, String destination) {
        return passport + "→" + destination;
    }

    public LocalDate date() {
        return date;
    }

    public Provenance provenance() {
        return provenance;
    }

    /** Every pair's requirement, keyed by {@link #pair}. */
    public Map<String, VisaRequirement> requirements() {
        return requirements;
    }

    /** The requirement for one pair, or null when the snapshot does not list it. */
    public VisaRequirement requirement(String passport, String destination) {
        return requirements.get(pair(passport, destination));
    }

    /**
     * The snapshot as each destination's unilateral entry policy on its date (own-country cells left out), sourced to the
     * file as the visa-matrix import sources them, for a registry built without a database.
     */
    public List<org.orderly.regime.EntryPolicy> entryPolicies() {
        org.orderly.regime.Source source = new org.orderly.regime.Source(
                "Visa matrix " + provenance.reference() + " (Passport Index tidy format)",
                provenance.reference(),
                date);
        List<org.orderly.regime.EntryPolicy> policies = new java.util.ArrayList<>(requirements.size());
        requirements.forEach((pair, requirement) -> {
            if (requirement.kind() == VisaRequirement.Kind.OWN_COUNTRY) return;
            policies.add(new org.orderly.regime.EntryPolicy(
                    pair.substring(4), pair.substring(0, 3), requirement.category(), requirement.days(), source));
        });
        return List.copyOf(policies);
    }

    /** The state codes that appear in the snapshot, sorted. */
    public Set<String> states() {
        return states;
    }
}
