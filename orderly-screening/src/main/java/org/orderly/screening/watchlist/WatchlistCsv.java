package org.orderly.screening.watchlist;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.orderly.csv.CsvException;
import org.orderly.csv.CsvHeader;
import org.orderly.csv.CsvReader;
import org.orderly.csv.CsvRow;
import org.orderly.csv.CsvTable;
import org.orderly.screening.compare.BirthDate;

/**
 * Loads a watchlist from CSV, recognised by its header:
 * <ul>
 *   <li>persons, Orderly format: {@code id,name,aliases,birth_date,nationality} — aliases separated by {@code ;},
 *       birth date {@code YYYY} or {@code YYYY-MM-DD}, nationality alpha-3, alpha-2 or an English country name;</li>
 *   <li>persons, shared data-set format:
 *       {@code full_name,first_name,middle_name,last_name,gender,date_of_birth,place_of_birth,nationality}
 *       (the id is the line number);</li>
 *   <li>lost and stolen documents: {@code document_number,issuing_state[,id][,note]}.</li>
 * </ul>
 * Only {@code name}/{@code full_name} or {@code document_number} is required; other columns may be absent or empty.
 */
public final class WatchlistCsv {
    /** The columns a person list may have beyond its name column (the two formats' columns). */
    private static final List<String> PERSON_COLUMNS = List.of(
            "id",
            "name",
            "aliases",
            "birth_date",
            "nationality",
            "full_name",
            "first_name",
            "middle_name",
            "last_name",
            "gender",
            "date_of_birth",
            "place_of_birth");

    private WatchlistCsv() {}

    /** Loads a file; the list is named after the file without its extension. */
    public static Watchlist load(Path file) {
        String name = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(name, reader, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read watchlist " + file, e);
        }
    }

    /**
     * Reads a watchlist through the project's CSV reader ({@code orderly-csv}): unknown columns, short rows, rows with
     * too many fields and dates or nationalities that do not parse are refused, naming file, line, column and field.
     */
    public static Watchlist read(String listName, Reader reader, String file) throws IOException {
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[8192];
        for (int n; (n = reader.read(buffer)) > 0; ) {
            text.append(buffer, 0, n);
        }
        String firstLine =
                text.toString().replaceFirst("^\uFEFF", "").lines().findFirst().orElse("");
        java.util.Set<String> headerNames = new java.util.HashSet<>();
        for (String column : firstLine.split(",")) {
            headerNames.add(column.trim().replace("\"", "").toLowerCase(Locale.ROOT));
        }
        boolean documentList = headerNames.contains("document_number");
        String nameColumn = headerNames.contains("name") ? "name" : "full_name";
        if (firstLine.isBlank()) {
            throw new WatchlistFormatException(file, 1, "empty file: expected a header line");
        }
        if (!documentList && !headerNames.contains(nameColumn)) {
            throw new WatchlistFormatException(
                    file,
                    1,
                    "header needs a name or full_name column (persons) or document_number (documents), found "
                            + firstLine);
        }
        CsvHeader header = documentList
                ? CsvHeader.requiring("document_number").withOptional("issuing_state", "id", "note")
                : CsvHeader.requiring(nameColumn)
                        .withOptional(PERSON_COLUMNS.stream()
                                .filter(c -> !c.equals(nameColumn))
                                .toArray(String[]::new));
        CsvTable table;
        try {
            table = CsvReader.read(file, text.toString(), header.ignoringCase());
        } catch (CsvException e) {
            throw new WatchlistFormatException(e);
        }
        List<PersonEntry> persons = new ArrayList<>();
        List<DocumentEntry> documents = new ArrayList<>();
        for (CsvRow row : table.rows()) {
            if (documentList) {
                documents.add(new DocumentEntry(
                        fieldOr(row, "id", Long.toString(row.line())),
                        row.get("document_number").trim(),
                        row.get("issuing_state").trim(),
                        row.get("note").trim()));
            } else {
                persons.add(person(row, nameColumn));
            }
        }
        return new Watchlist(listName, persons, documents);
    }

    private static PersonEntry person(CsvRow row, String nameColumn) {
        String name = row.get(nameColumn).trim();
        if (name.isBlank()) {
            name = String.join(
                            " ",
                            row.get("first_name").trim(),
                            row.get("middle_name").trim(),
                            row.get("last_name").trim())
                    .trim();
        }
        if (name.isBlank()) {
            throw new WatchlistFormatException(row.error(nameColumn, "is empty"));
        }
        String aliases = row.get("aliases").trim();
        List<String> aliasList = aliases.isBlank()
                ? List.of()
                : Arrays.stream(aliases.split(";"))
                        .map(String::trim)
                        .filter(a -> !a.isEmpty())
                        .toList();
        String birthColumn = row.has("birth_date") ? "birth_date" : "date_of_birth";
        BirthDate birth;
        try {
            birth = BirthDate.parse(row.get(birthColumn).trim());
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            throw new WatchlistFormatException(row.error(birthColumn, e.getMessage()));
        }
        try {
            return new PersonEntry(
                    fieldOr(row, "id", Long.toString(row.line())),
                    name,
                    aliasList,
                    birth,
                    row.get("nationality").trim());
        } catch (IllegalArgumentException e) {
            throw new WatchlistFormatException(row.error("nationality", e.getMessage()));
        }
    }

    private static String fieldOr(CsvRow row, String column, String fallback) {
        String value = row.get(column).trim();
        return value.isEmpty() ? fallback : value;
    }
}
