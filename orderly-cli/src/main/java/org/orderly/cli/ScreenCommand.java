package org.orderly.cli;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.orderly.border.check.HitView;
import org.orderly.screening.Hit;
import org.orderly.screening.Screener;
import org.orderly.screening.compare.BirthDate;
import org.orderly.screening.compare.GivenNameVariants;
import org.orderly.screening.compare.NameComparator;
import org.orderly.screening.compare.PersonDetails;
import org.orderly.screening.normalise.NameNormaliser;
import org.orderly.screening.watchlist.Watchlist;
import org.orderly.screening.watchlist.WatchlistCsv;
import org.orderly.screening.watchlist.WatchlistFormatException;
import org.orderly.store.OwnerOnlyFile;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Screens persons against watchlist files on the operator's own machine, with explained hits. */
@Command(
        name = "screen",
        mixinStandardHelpOptions = true,
        description = {
            "Screen a person, or every person in a queries CSV (name,birth_date,nationality), against "
                    + "watchlist CSV files: hits with score, matched fields and explanation.",
            "Watchlists and queries are personal data: keep the files, and this command's output, where only "
                    + "people entitled to them can read them."
        })
final class ScreenCommand implements Runnable {
    @Option(
            names = "--watchlist",
            required = true,
            paramLabel = "FILE",
            description =
                    "a watchlist CSV (id,name,aliases,birth_date,nationality; or the shared data-set columns); repeatable")
    List<Path> watchlists;

    @ArgGroup(multiplicity = "1")
    Query query;

    static final class Query {
        @ArgGroup(exclusive = false)
        Person person;

        @Option(
                names = "--queries",
                paramLabel = "FILE",
                description = "a CSV with the header name,birth_date,nationality")
        Path queries;
    }

    static final class Person {
        @Option(names = "--name", required = true, description = "the person's name, in any script")
        String name;

        @Option(names = "--birth-date", paramLabel = "DATE", description = "YYYY-MM-DD or YYYY")
        String birthDate;

        @Option(
                names = "--nationality",
                paramLabel = "XXX",
                description = "ISO 3166 alpha-3 (alpha-2 or an English name also work)")
        String nationality;
    }

    @Option(
            names = "--save-index",
            paramLabel = "FILE",
            description = "save the built index (readable by its owner only) to reopen it with --index next time")
    Path saveIndex;

    @Option(
            names = "--index",
            paramLabel = "FILE",
            description = "reopen an index saved with --save-index for the same watchlists instead of building it")
    Path savedIndex;

    @Option(names = "--json", description = "print one JSON document")
    boolean json;

    /** The JSON document being written, with {@code --json}. */
    private tools.jackson.core.JsonGenerator document;

    @Option(
            names = "--given-names",
            paramLabel = "FILE",
            description = "a list of given names and their hypocorisms (name1,relationship,name2 with has_nickname, "
                    + "e.g. ../shared/data/names/nicknames.csv): Bill then matches William")
    Path givenNames;

    /** One query and what it found. */
    record Result(int line, String name, String birthDate, String nationality, List<HitView> hits) {}

    @Override
    public void run() {
        List<Watchlist> lists = new ArrayList<>();
        for (Path file : watchlists) {
            try {
                lists.add(WatchlistCsv.load(file));
            } catch (WatchlistFormatException e) {
                throw new Orderly.CommandFailure("watchlist " + e.getMessage());
            } catch (UncheckedIOException e) {
                throw new Orderly.CommandFailure(
                        e.getMessage() + ": " + e.getCause().getMessage());
            }
        }
        GivenNameVariants variants = GivenNameVariants.BUILT_IN;
        if (givenNames != null) {
            try {
                variants = GivenNameVariants.BUILT_IN.with(GivenNameVariants.load(givenNames));
            } catch (org.orderly.csv.CsvException e) {
                throw new Orderly.CommandFailure("given names " + e.getMessage());
            }
        }
        Screener screener;
        try {
            screener = new Screener(
                    lists,
                    new NameComparator(new NameNormaliser(), NameComparator.DEFAULT_THRESHOLD, variants),
                    savedIndex);
            if (saveIndex != null) {
                // Derived from the watchlists, which are personal data: readable by its owner only, never through a
                // link.
                try {
                    OwnerOnlyFile.write(saveIndex, screener::saveIndex);
                } catch (IllegalStateException | IllegalArgumentException refused) {
                    throw new Orderly.CommandFailure("--save-index: " + refused.getMessage());
                }
                System.err.println("index saved to " + saveIndex);
            }
        } catch (org.orderly.screening.index.SavedIndexException e) {
            throw new Orderly.CommandFailure(e.getMessage());
        } catch (UncheckedIOException e) {
            throw new Orderly.CommandFailure("index file: " + e.getMessage());
        }
        List<Map<String, Object>> listSummaries = lists.stream()
                .map(l -> Map.<String, Object>of(
                        "name",
                        l.name(),
                        "persons",
                        l.persons().size(),
                        "documents",
                        l.documents().size()))
                .toList();
        for (Screener.UnreadableName name : screener.unreadableNames()) {
            System.err.println("warning: watchlist " + name.watchlist() + " #" + name.entryId() + ": \"" + name.name()
                    + "\" has no letter Orderly can read; that name is not screened (compare by eye)");
        }
        if (json) {
            // One document, written as results come: {"watchlists": [...], "unreadableNames": [...], "results": [...]}.
            document = Json.stream();
            document.writeStartObject();
            document.writePOJOProperty("watchlists", listSummaries);
            document.writePOJOProperty("unreadableNames", screener.unreadableNames());
            document.writeArrayPropertyStart("results");
        } else {
            System.out.println("screened against "
                    + lists.stream()
                            .map(l -> l.name() + " (" + l.persons().size() + " persons)")
                            .toList());
        }
        if (query.queries != null) {
            streamQueries(screener, query.queries);
        } else {
            print(screen(screener, 0, person(query.person.name, query.person.birthDate, query.person.nationality, "")));
        }
        if (json) {
            document.writeEndArray();
            document.writeEndObject();
            document.close();
            System.out.println();
        }
    }

    private void print(Result result) {
        if (json) {
            document.writePOJO(result);
            document.flush();
            return;
        }
        System.out.println((result.line() > 0 ? "line " + result.line() + ": " : "") + result.name()
                + (result.birthDate() == null ? "" : ", born " + result.birthDate())
                + (result.nationality() == null ? "" : ", " + result.nationality())
                + " → "
                + (result.hits().isEmpty()
                        ? "no hit"
                        : result.hits().size() == 1 ? "1 hit" : result.hits().size() + " hits"));
        for (HitView hit : result.hits()) {
            System.out.println(
                    "  " + NamesCommand.score(hit.score()) + "  " + hit.watchlist() + " #" + hit.entryId() + "  "
                            + hit.listedName()
                            + (hit.matchedName() != null && !hit.matchedName().equals(hit.listedName())
                                    ? " (alias " + hit.matchedName() + ")"
                                    : "")
                            + "  matched " + String.join(", ", hit.matchedFields()));
            System.out.println("      " + hit.explanation());
        }
    }

    private static Result screen(Screener screener, int line, PersonDetails person) {
        List<HitView> hits = new ArrayList<>();
        for (Hit hit : screener.screen(person)) hits.add(HitView.of(hit));
        return new Result(
                line,
                person.name(),
                person.birthDate() == null ? null : person.birthDate().toString(),
                person.nationality(),
                hits);
    }

    private static PersonDetails person(String name, String birthDate, String nationality, String where) {
        if (name == null || name.isBlank()) throw new Orderly.CommandFailure(where + "a query needs a name");
        try {
            return new PersonDetails(name, BirthDate.parse(birthDate), nationality);
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            throw new Orderly.CommandFailure(where + e.getMessage());
        }
    }

    /**
     * Screens the queries of a CSV file one by one as they are read and prints each result at once, so memory stays
     * flat for any number of queries and output starts before the input ends; on a terminal a progress bar (share of
     * the file read) goes to standard error. A malformed row stops the run there with its line (results before it are
     * already printed).
     */
    private void streamQueries(Screener screener, Path file) {
        long size;
        try {
            size = Math.max(1, Files.size(file));
        } catch (IOException e) {
            throw new Orderly.CommandFailure("cannot read " + file + ": " + e.getMessage());
        }
        boolean terminal = System.console() != null;
        long[] consumed = new long[1];
        try (java.io.InputStream in = new java.io.FilterInputStream(Files.newInputStream(file)) {
                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        int n = super.read(buffer, offset, length);
                        consumed[0] += Math.max(0, n);
                        return n;
                    }
                };
                Reader reader = new java.io.BufferedReader(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
                CSVParser parser = CSVFormat.RFC4180.builder().get().parse(reader)) {
            Iterator<CSVRecord> records = parser.iterator();
            Map<String, Integer> columns = new LinkedHashMap<>();
            int line = 1;
            int screened = 0;
            long started = System.nanoTime();
            long shown = 0;
            while (true) {
                try {
                    if (!records.hasNext()) break;
                } catch (UncheckedIOException e) {
                    throw new Orderly.CommandFailure(file + ":" + line + ": malformed CSV: "
                            + (e.getCause() == null
                                    ? e.getMessage()
                                    : e.getCause().getMessage()));
                }
                CSVRecord row = records.next();
                if (columns.isEmpty()) {
                    for (int i = 0; i < row.size(); i++) {
                        columns.put(row.get(i).replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT), i);
                    }
                    if (!columns.containsKey("name")) {
                        throw new Orderly.CommandFailure(
                                file + ":1: the header needs a name column (name,birth_date,nationality), found "
                                        + row.toList());
                    }
                } else if (!(row.size() == 1 && row.get(0).isBlank())) {
                    PersonDetails person = person(
                            field(row, columns, "name"),
                            field(row, columns, "birth_date"),
                            field(row, columns, "nationality"),
                            file + ":" + line + ": ");
                    print(screen(screener, line, person));
                    screened++;
                    long now = System.nanoTime();
                    if (terminal && now - shown > 200_000_000L) {
                        shown = now;
                        progress(consumed[0] / (double) size, screened, started, now);
                    }
                }
                line = (int) parser.getCurrentLineNumber() + 1;
            }
            if (terminal && screened > 0) {
                progress(1, screened, started, System.nanoTime());
                System.err.println();
            }
            if (screened == 0) throw new Orderly.CommandFailure(file + ": no queries after the header");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** A one-line progress bar on standard error: share of the file read, queries screened, rate. */
    private static void progress(double share, int screened, long started, long now) {
        int width = 30;
        int filled = (int) Math.round(Math.min(1, share) * width);
        double rate = screened / Math.max(1e-9, (now - started) / 1e9);
        System.err.printf(
                Locale.ROOT,
                "\r[%s%s] %3.0f %%  %,d screened  %,.0f/s",
                "#".repeat(filled),
                " ".repeat(width - filled),
                100 * Math.min(1, share),
                screened,
                rate);
        System.err.flush();
    }

    private static String field(CSVRecord row, Map<String, Integer> columns, String column) {
        Integer index = columns.get(column);
        return index == null || index >= row.size() ? null : row.get(index);
    }
}
