package org.orderly.store.crossing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.orderly.border.crossing.Crossing;
import org.orderly.border.crossing.CrossingIntake;
import org.orderly.border.crossing.CrossingRecords;
import org.orderly.border.record.RecordFields;
import org.orderly.csv.CsvException;
import org.orderly.csv.CsvReader;
import org.orderly.csv.CsvRow;
import org.orderly.store.ImportException;

/**
 * A batch of crossings in CSV with a header line, the columns of {@link CrossingRecords} in any order. The whole file is
 * read before anything is recorded; the first bad cell refuses it, naming file, line and column.
 */
public final class CrossingFile {
    private CrossingFile() {}

    /**
     * @param intake the intake of every crossing (the same as the API's and the stream's)
     * @throws ImportException naming the file, line and column of the first problem
     */
    public static List<Crossing> read(Path file, CrossingIntake intake) {
        try {
            List<Crossing> crossings = new ArrayList<>();
            Map<String, Long> seen = new HashMap<>();
            for (CsvRow row : CsvReader.read(file, CrossingRecords.COLUMNS).rows()) {
                Long earlier = seen.put(row.get("id"), row.line());
                if (earlier != null)
                    throw row.error(
                            "id",
                            "crossing '" + RecordFields.quoted(row.get("id")) + "' appears again (first on line "
                                    + earlier + ")");
                crossings.add(CrossingRecords.crossing(row, intake));
            }
            return crossings;
        } catch (CsvException e) {
            throw new ImportException(file, e);
        }
    }
}
