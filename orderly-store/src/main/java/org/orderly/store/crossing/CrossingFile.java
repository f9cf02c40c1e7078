package org.orderly.store.crossing;

import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.orderly.border.crossing.Crossing;
import org.orderly.csv.CsvException;
import org.orderly.csv.CsvHeader;
import org.orderly.csv.CsvReader;
import org.orderly.csv.CsvRow;
import org.orderly.store.ImportException;

/**
 * A batch of crossings in CSV: {@code id,direction,at,state,crossing_point,document_number,issuing_state} and optionally
 * {@code traveller} (a person's key linking documents), {@code nationality} and {@code rule} (the stay rule applied at
 * entry, e.g. {@code 90/180}; required on entries). {@code at} is an ISO-8601 instant ({@code 2026-01-05T08:30:00Z}).
 * The whole file is read before anything is recorded; the first bad cell refuses it, naming file, line and column.
 */
public final class CrossingFile {
    public static final CsvHeader COLUMNS = CsvHeader.requiring("id", "direction", "at", "state", "crossing_point", "document_number", "issuing_state")
            .withOptional("traveller", "nationality", "rule").ignoringCase();

    private CrossingFile() {
    }

    /** @throws ImportException naming the file, line and column of the first problem */
    public static List<Crossing> read(Path file) {
        try {
            List<Crossing> crossings = new ArrayList<>();
            Map<String, Long> seen = new HashMap<>();
            for (CsvRow row : CsvReader.read(file, COLUMNS).rows()) {
                Long earlier = seen.put(row.get("id"), row.line());
                if (earlier != null) throw row.error("id", "crossing '" + row.get("id") + "' appears again (first on line " + earlier + ")");
                crossings.add(crossing(row));
            }
            return crossings;
        } catch (CsvException e) {
            throw new ImportException(file, e);
        }
    }

    private static Crossing crossing(CsvRow row) {
        Crossing.Direction direction;
        try {
            direction = Crossing.Direction.valueOf(row.get("direction").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw row.error("direction", "direction '" + row.get("direction") + "' is not entry or exit");
        }
        Instant at;
        try {
            at = Instant.parse(row.get("at"));
        } catch (DateTimeParseException e) {
            throw row.error("at", "'" + row.get("at") + "' is not an ISO-8601 instant such as 2026-01-05T08:30:00Z");
        }
        try {
            return new Crossing(row.get("id"), row.get("traveller"), direction, at, row.get("state"), row.get("crossing_point"),
                    row.get("document_number"), row.get("issuing_state"), row.get("nationality"), row.get("rule"));
        } catch (IllegalArgumentException e) {
            String column = e.getMessage().contains("rule") ? "rule" : e.getMessage().replaceFirst("^a crossing needs its ", "");
            throw row.error(COLUMNS.columns().contains(column) ? column : "id", e.getMessage());
        }
    }
}
