package org.orderly.regime;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.orderly.csv.CsvException;
import org.orderly.csv.CsvHeader;
import org.orderly.csv.CsvReader;
import org.orderly.csv.CsvRow;
import org.orderly.csv.CsvTable;

/**
 * A whole status list of one instrument or process, as the secretariat records it from one source: CSV read with the
 * project's one reader, columns {@code party,status,since} and optionally {@code until,reservations}. {@code since} is
 * the date as published ("2014", "2014-06-26", or empty when the source gives none); reservations are separated by
 * {@code |}. The whole list is checked before anything is recorded, and a wrong cell is refused with its line and column.
 */
public final class StatusList {
    /** The list's columns, compared ignoring case. */
    public static final CsvHeader COLUMNS = CsvHeader.requiring("party", "status", "since")
            .withOptional("until", "reservations")
            .ignoringCase();

    private StatusList() {}

    /**
     * Reads a list for {@code subjectId}, every participation with the list's {@code source}.
     *
     * @param knownParty whether a code names a party of the registry
     * @throws CsvException naming the file, line, column and field of the first problem
     */
    public static List<Participation> read(
            String file, String text, String subjectId, Source source, Predicate<String> knownParty) {
        CsvTable table = CsvReader.read(file, text, COLUMNS);
        if (table.rows().isEmpty())
            throw new CsvException(file, 1, 0, null, "holds no participation (only a header, or nothing)");
        Map<String, Long> seen = new HashMap<>();
        List<Participation> participations = new ArrayList<>(table.rows().size());
        for (CsvRow row : table.rows()) {
            String party = row.get("party").strip().toUpperCase(Locale.ROOT);
            if (party.isEmpty()) throw row.error("party", "party is empty");
            if (!knownParty.test(party))
                throw row.error("party", "'" + row.get("party") + "' is not a party of the registry");
            Participation.Status status;
            try {
                status = Participation.Status.valueOf(row.get("status").strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw row.error(
                        "status",
                        "'" + row.get("status") + "' is not one of " + List.of(Participation.Status.values()));
            }
            LocalDate until = null;
            String untilText = row.has("until") ? row.get("until").strip() : "";
            if (!untilText.isEmpty()) {
                try {
                    until = LocalDate.parse(untilText);
                } catch (DateTimeParseException e) {
                    throw row.error("until", "'" + untilText + "' is not a date (yyyy-mm-dd)");
                }
            }
            List<String> reservations =
                    row.has("reservations") && !row.get("reservations").isBlank()
                            ? List.of(row.get("reservations").split("\\|")).stream()
                                    .map(String::strip)
                                    .filter(r -> !r.isEmpty())
                                    .toList()
                            : List.of();
            Participation participation;
            try {
                participation = Participation.published(
                        party, subjectId, status, row.get("since"), until, reservations, source);
            } catch (IllegalArgumentException e) {
                throw row.error(e.getMessage().startsWith("since") ? "since" : "until", e.getMessage());
            }
            Long earlier = seen.put(party + " " + status, row.line());
            if (earlier != null)
                throw row.error(
                        "status",
                        party + " " + status.name().toLowerCase(Locale.ROOT) + " appears again (first on line "
                                + earlier + ")");
            participations.add(participation);
        }
        return List.copyOf(participations);
    }
}
