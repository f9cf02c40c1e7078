package org.orderly.store;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
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
import org.orderly.regime.Participation;
import org.orderly.regime.RegimeDates;
import org.orderly.regime.Source;

/**
 * Imports the status of states toward one instrument from a UN Treaty Collection extract in the layout of the
 * world-politics-datalab/humanrights-treaties-ratification-status repository
 * ({@code iso2, member, state party, year ratification or accession, signatory, no action, status, note})
 * as participations: a state party becomes RATIFIED (ratification or accession) in the year given, stored with
 * year precision (a year, not 1 January); a signatory SIGNED with its date unknown (the extract gives none).
 * Replaces this importer's earlier rows for the instrument. The extracts list the 193 UN member states only;
 * the import records that coverage, so that pages say non-member states' participation is not recorded.
 */
public final class TreatyStatusImporter {
    public static final String ORIGIN = "import:treaty-status";
    /** Alpha-2 codes ISO has retired but UN Treaty Collection extracts still use, and the current code. */
    private static final Map<String, String> RETIRED_ALPHA2 = Map.of("TP", "TL");
    /** The extract's columns (see shared/data/SOURCES.md); the last four are read but not used. */
    static final CsvHeader COLUMNS = CsvHeader.requiring(
                    "iso2", "state party", "year ratification or accession", "signatory")
            .withOptional("member", "no action", "status", "note");

    private final RegistryStore store;

    /**
     * What a count drawn from an imported extract must say: "in the extract of 2022-08". The extracts are monthly (the
     * shared data's UN Treaty Collection extract is of August 2022, stored as of its first day).
     */
    public static String extractNote(LocalDate asOf) {
        return "in the extract of "
                + (asOf.getDayOfMonth() == 1 ? java.time.YearMonth.from(asOf).toString() : asOf.toString());
    }

    /** How the title of every participation imported from an extract begins, so that a page can tell them apart. */
    public static final String SOURCE_TITLE_PREFIX = "UN Treaty Collection status of ";

    /** The note for an instrument's counts, "" when its participations were not imported from an extract. */
    public static String extractNote(RegistryStore store, String instrumentId) {
        return store.extractAsOf(ORIGIN, instrumentId)
                .map(TreatyStatusImporter::extractNote)
                .orElse("");
    }

    public TreatyStatusImporter(RegistryStore store) {
        this.store = store;
    }

    /**
     * Imports the file for the instrument. {@code asOf} is the date of the extract. A file that would replace the
     * instrument's imported participations with far fewer (see {@link Replacement}) is refused.
     *
     * @throws ImportException naming the line of the first problem; the database is unchanged
     */
    public ImportReport importFile(String instrumentId, Path file, LocalDate asOf) {
        return importFile(instrumentId, file, asOf, false);
    }

    /**
     * Imports the file for the instrument; {@code replace} forces an import that would replace the current
     * participations with far fewer.
     *
     * @throws ImportException naming the line of the first problem, or the numbers of a refused replacement; the database is unchanged
     */
    public ImportReport importFile(String instrumentId, Path file, LocalDate asOf, boolean replace) {
        RegimeDates.requireWithin("as-of date", asOf);
        long started = System.nanoTime();
        List<String> instruments = store.instrumentIds();
        if (!instruments.contains(instrumentId)) {
            throw new ImportException(
                    file,
                    0,
                    "no instrument '" + instrumentId + "' in the registry (known: " + String.join(", ", instruments)
                            + ")");
        }
        try {
            return importRows(instrumentId, file, asOf, CsvReader.read(file, COLUMNS), started, replace);
        } catch (CsvException e) {
            throw new ImportException(file, e);
        }
    }

    private ImportReport importRows(
            String instrumentId, Path file, LocalDate asOf, CsvTable csv, long started, boolean replace) {
        Map<String, String> byAlpha2 = store.stateCodesByAlpha2();
        Map<String, Long> seen = new HashMap<>();
        List<Participation> participations = new ArrayList<>();
        for (CsvRow row : csv.rows()) {
            String given = row.get("iso2").toUpperCase(Locale.ROOT);
            String alpha2 = RETIRED_ALPHA2.getOrDefault(given, given);
            String state = byAlpha2.get(alpha2);
            if (state == null) {
                throw row.error(
                        "iso2", "iso2 '" + row.get("iso2") + "' is not the alpha-2 code of a state in the registry");
            }
            Long earlier = seen.put(state, row.line());
            if (earlier != null) throw row.error("iso2", state + " appears again (first on line " + earlier + ")");
            boolean party = flag(row, "state party");
            boolean signatory = flag(row, "signatory");
            String reference = file.getFileName() + " line " + row.line();
            // The facts are the UN Treaty Collection's; the file is an intermediary's extract of them, named as such.
            String title = SOURCE_TITLE_PREFIX + instrumentId + ", as extracted by world-politics-datalab/"
                    + "humanrights-treaties-ratification-status (" + file.getFileName() + ", "
                    + extractNote(asOf).substring("in the ".length()) + ")";
            if (party) {
                String year = row.get("year ratification or accession");
                int y;
                try {
                    y = Integer.parseInt(year);
                } catch (NumberFormatException e) {
                    throw row.error(
                            "year ratification or accession",
                            "a state party needs a year of ratification or accession, found '" + year + "'");
                }
                if (y < 1945 || y > asOf.getYear()) {
                    throw row.error(
                            "year ratification or accession", "year " + y + " is outside 1945–" + asOf.getYear());
                }
                participations.add(Participation.inYear(
                        state,
                        instrumentId,
                        Participation.Status.RATIFIED,
                        y,
                        new Source(
                                title,
                                reference + " (ratification or accession in " + y
                                        + "; the extract gives the year only)",
                                asOf)));
            } else if (signatory) {
                participations.add(new Participation(
                        state,
                        instrumentId,
                        Participation.Status.SIGNED,
                        null,
                        null,
                        List.of(),
                        new Source(title, reference + " (signature; the extract gives no date)", asOf)));
            }
        }
        String coverage = coverage(seen.keySet());
        store.transactions().executeWithoutResult(status -> {
            replacement(instrumentId, participations).check(file, replace);
            store.replaceParticipations(instrumentId, ORIGIN, participations);
            store.jdbc()
                    .sql(
                            "insert into import_run (kind, subject, file_name, sha256, rows_read, coverage) values (?, ?, ?, ?, ?, ?)")
                    .params(
                            ORIGIN,
                            instrumentId,
                            file.getFileName().toString(),
                            csv.sha256(),
                            csv.rows().size(),
                            coverage)
                    .update();
        });
        return new ImportReport(
                "treaty-status",
                instrumentId,
                file.toString(),
                csv.sha256(),
                csv.rows().size(),
                participations.size(),
                false,
                (System.nanoTime() - started) / 1_000_000);
    }

    /** Which states the file covers, in words: "UN member states only" when it lists exactly those. */
    private String coverage(java.util.Set<String> listed) {
        java.util.Set<String> members = java.util.Set.copyOf(store.jdbc()
                .sql("select id from party where kind = 'STATE' and standing = 'UN_MEMBER'")
                .query(String.class)
                .list());
        if (!listed.equals(members)) return "";
        List<String> others = store.jdbc()
                .sql("select name from party where kind = 'STATE' and standing = 'UN_OBSERVER' order by name")
                .query(String.class)
                .list();
        return "the " + members.size() + " UN member states only"
                + (others.isEmpty()
                        ? ""
                        : "; non-member observer states (" + String.join(", ", others) + ") are not in the file");
    }

    private Replacement replacement(String instrumentId, List<Participation> participations) {
        Set<String> current = new HashSet<>();
        Set<String> currentStates = new HashSet<>();
        Map<String, Integer> currentByState = new HashMap<>();
        store.jdbc()
                .sql("select party_id, status from participation where subject_id = ? and origin = ?")
                .params(instrumentId, ORIGIN)
                .query(rs -> {
                    current.add(rs.getString(1) + ":" + rs.getString(2));
                    currentStates.add(rs.getString(1));
                    currentByState.merge(rs.getString(1), 1, Integer::sum);
                });
        Set<String> incoming = new HashSet<>();
        Set<String> incomingStates = new HashSet<>();
        Map<String, Integer> incomingByState = new LinkedHashMap<>();
        for (Participation participation : participations) {
            incoming.add(participation.partyId() + ":" + participation.status().name());
            incomingStates.add(participation.partyId());
            incomingByState.merge(participation.partyId(), 1, Integer::sum);
        }
        return new Replacement(
                "participations in " + instrumentId,
                current,
                incoming,
                currentStates,
                incomingStates,
                "states",
                currentByState,
                incomingByState);
    }

    private static boolean flag(CsvRow row, String column) {
        String value = row.get(column);
        if (value.equals("1")) return true;
        if (value.equals("0") || value.isEmpty()) return false;
        throw row.error(column, "must be 0 or 1, found '" + value + "'");
    }
}
