package org.orderly.border.crossing;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.orderly.border.record.FieldException;
import org.orderly.border.record.RecordFields;
import org.orderly.csv.CsvException;
import org.orderly.csv.CsvHeader;
import org.orderly.csv.CsvReader;
import org.orderly.csv.CsvRow;
import org.orderly.csv.CsvTable;

/**
 * A crossing as one CSV record (RFC 4180): the columns {@code id,direction,at,state,crossing_point,document_number,
 * issuing_state} and optionally {@code traveller}, {@code nationality} and {@code rule} (an entry without one gets the
 * rulebook's, or is refused: {@link CrossingIntake});
 * {@code direction} is {@code entry} or {@code exit}, {@code at} an ISO-8601 instant such as {@code 2026-01-05T08:30:00Z}.
 * A crossings file has a header line naming the columns in any order; a message on a stream is one record without a
 * header, its fields in the order of {@link #ORDER}, the trailing optional ones may be left out.
 */
public final class CrossingRecords {
    public static final CsvHeader COLUMNS = CsvHeader.requiring(
                    "id", "direction", "at", "state", "crossing_point", "document_number", "issuing_state")
            .withOptional("traveller", "nationality", "rule")
            .ignoringCase();
    /** The order of the fields of a record sent without a header: the columns as {@link #COLUMNS} declares them. */
    public static final List<String> ORDER = COLUMNS.columns();

    private static final CsvHeader MESSAGE = COLUMNS.reportingShortRows();
    private static final CSVFormat FORMAT =
            CSVFormat.RFC4180.builder().setRecordSeparator("").get();

    private CrossingRecords() {}

    /**
     * The crossing of a row read under {@link #COLUMNS}, taken in by {@code intake} (the same as the API's).
     *
     * @throws CsvException naming the row's file, line, column and field and what is wrong
     */
    public static Crossing crossing(CsvRow row, CrossingIntake intake) {
        Crossing.Direction direction;
        try {
            direction = Crossing.Direction.valueOf(row.get("direction").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw row.error(
                    "direction", "direction '" + RecordFields.quoted(row.get("direction")) + "' is not entry or exit");
        }
        Instant at;
        try {
            at = Instant.parse(row.get("at"));
        } catch (DateTimeParseException e) {
            throw row.error(
                    "at",
                    "'" + RecordFields.quoted(row.get("at"))
                            + "' is not an ISO-8601 instant such as 2026-01-05T08:30:00Z");
        }
        try {
            return intake.crossing(
                    row.get("id"),
                    row.get("traveller"),
                    direction,
                    at,
                    row.get("state"),
                    row.get("crossing_point"),
                    row.get("document_number"),
                    row.get("issuing_state"),
                    row.get("nationality"),
                    row.get("rule"));
        } catch (FieldException e) {
            throw row.error(e.field(), e.getMessage());
        }
    }

    /**
     * One crossing sent as one record without a header (fields in the order of {@link #ORDER}; {@code traveller},
     * {@code nationality} and {@code rule} may be left out at the end).
     *
     * @param where what errors name as the place of the record, e.g. a topic, partition and offset
     * @param intake the intake of every crossing (the same as the API's and a file's)
     * @throws CsvException naming {@code where}, the column and field, and what is wrong
     */
    public static Crossing read(String where, String record, CrossingIntake intake) {
        CsvTable table;
        try {
            table = CsvReader.readWithoutHeader(where, ORDER, record, MESSAGE);
        } catch (CsvException e) {
            throw new CsvException(where, 0, e.column(), e.field(), e.problem());
        }
        if (table.rows().size() != 1) {
            throw new CsvException(
                    where,
                    0,
                    0,
                    null,
                    table.rows().isEmpty()
                            ? "the record is empty; it must hold one crossing (" + String.join(",", ORDER) + ")"
                            : "it holds " + table.rows().size() + " records; one crossing is one record");
        }
        CsvRow row = table.rows().get(0);
        if (row.size() < COLUMNS.required().size()) {
            String missing = ORDER.get(row.size());
            throw new CsvException(
                    where,
                    0,
                    row.size() + 1,
                    missing,
                    "the record ends after " + row.size() + " fields; it needs at least "
                            + String.join(",", COLUMNS.required()));
        }
        try {
            return crossing(row, intake);
        } catch (CsvException e) {
            throw new CsvException(where, 0, e.column(), e.field(), e.problem());
        }
    }

    /** The crossing as one record without a header, its fields in the order of {@link #ORDER}: what {@link #read} reads. */
    public static String write(Crossing crossing) {
        return FORMAT.format(
                crossing.id(),
                crossing.direction().name().toLowerCase(Locale.ROOT),
                crossing.at(),
                crossing.state(),
                crossing.crossingPoint(),
                crossing.documentNumber(),
                crossing.issuingState(),
                crossing.traveller(),
                crossing.nationality(),
                crossing.rule() == null ? "" : crossing.rule());
    }
}
