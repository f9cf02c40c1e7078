package org.orderly.screening.watchlist;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
    private WatchlistCsv() {
    }

    /** Loads a file; the list is named after the file without its extension. */
    public static Watchlist load(Path file) {
        String name = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(name, reader, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read watchlist " + file, e);
        }
    }

    public static Watchlist read(String listName, Reader reader, String file) throws IOException {
        CsvRecords records = new CsvRecords(reader, file);
        CsvRecords.Row header = records.next();
        if (header == null) {
            throw new WatchlistFormatException(file, 1, "empty file: expected a header line");
        }
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.fields().size(); i++) {
            String column = header.fields().get(i).trim().toLowerCase(Locale.ROOT);
            if (i == 0 && column.startsWith("\uFEFF")) {
                column = column.substring(1);
            }
            columns.put(column, i);
        }
        List<PersonEntry> persons = new ArrayList<>();
        List<DocumentEntry> documents = new ArrayList<>();
        boolean documentList = columns.containsKey("document_number");
        String nameColumn = columns.containsKey("name") ? "name" : "full_name";
        if (!documentList && !columns.containsKey(nameColumn)) {
            throw new WatchlistFormatException(file, header.line(),
                    "header needs a name or full_name column (persons) or document_number (documents), found "
                            + header.fields());
        }
        CsvRecords.Row row;
        while ((row = records.next()) != null) {
            if (row.fields().size() == 1 && row.fields().get(0).isBlank()) {
                continue;
            }
            if (row.fields().size() > header.fields().size()) {
                throw new WatchlistFormatException(file, row.line(), "expected " + header.fields().size()
                        + " fields as in the header, found " + row.fields().size());
            }
            try {
                if (documentList) {
                    documents.add(new DocumentEntry(fieldOr(row, columns, "id", Integer.toString(row.line())),
                            field(row, columns, "document_number"), field(row, columns, "issuing_state"),
                            field(row, columns, "note")));
                } else {
                    persons.add(person(row, columns, nameColumn));
                }
            } catch (IllegalArgumentException | java.time.DateTimeException e) {
                throw new WatchlistFormatException(file, row.line(), e.getMessage());
            }
        }
        return new Watchlist(listName, persons, documents);
    }

    private static PersonEntry person(CsvRecords.Row row, Map<String, Integer> columns, String nameColumn) {
        String name = field(row, columns, nameColumn);
        if (name.isBlank()) {
            String joined = String.join(" ", field(row, columns, "first_name"), field(row, columns, "middle_name"),
                    field(row, columns, "last_name")).trim();
            name = joined;
        }
        if (name.isBlank()) {
            throw new IllegalArgumentException("column " + nameColumn + " is empty");
        }
        String aliases = field(row, columns, "aliases");
        List<String> aliasList = aliases.isBlank() ? List.of()
                : Arrays.stream(aliases.split(";")).map(String::trim).filter(a -> !a.isEmpty()).toList();
        String birth = columns.containsKey("birth_date") ? field(row, columns, "birth_date")
                : field(row, columns, "date_of_birth");
        return new PersonEntry(fieldOr(row, columns, "id", Integer.toString(row.line())), name, aliasList,
                BirthDate.parse(birth), field(row, columns, "nationality"));
    }

    private static String field(CsvRecords.Row row, Map<String, Integer> columns, String column) {
        Integer index = columns.get(column);
        return index == null || index >= row.fields().size() ? "" : row.fields().get(index).trim();
    }

    private static String fieldOr(CsvRecords.Row row, Map<String, Integer> columns, String column, String fallback) {
        String value = field(row, columns, column);
        return value.isEmpty() ? fallback : value;
    }
}
