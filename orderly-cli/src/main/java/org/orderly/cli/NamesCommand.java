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
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.orderly.screening.compare.Comparison;
import org.orderly.screening.compare.NameComparator;
import org.orderly.screening.compare.TokenMatch;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Name matching from the command line: compare two names, or every pair in a CSV file. */
@Command(
        name = "names",
        mixinStandardHelpOptions = true,
        description = "Multilingual name matching.",
        subcommands = {NamesCommand.Compare.class})
final class NamesCommand implements Runnable {
    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "say what to do: compare");
    }

    /** Three decimals with a point, whatever the machine's locale: the score is read by programs too. */
    static String score(double score) {
        return String.format(Locale.ROOT, "%.3f", score);
    }

    @Command(
            name = "compare",
            mixinStandardHelpOptions = true,
            description = {
                "Compare two names: a score in [0,1] and the match decision, with the explanation.",
                "With --csv FILE (header name1,name2): the same CSV on standard output with score,match appended to every row."
            })
    static final class Compare implements Runnable {
        @ArgGroup(multiplicity = "1")
        Input input;

        static final class Input {
            @Parameters(arity = "2", paramLabel = "NAME", description = "the two names to compare")
            List<String> names;

            @Option(
                    names = "--csv",
                    paramLabel = "FILE",
                    description = "a CSV file with the columns name1,name2 (others are kept)")
            Path csv;
        }

        @Option(names = "--json", description = "print one JSON document (for two names)")
        boolean json;

        @Override
        public void run() {
            NameComparator comparator = new NameComparator();
            if (input.csv != null) {
                if (json) throw new Orderly.CommandFailure("--json applies to two names; --csv writes CSV");
                System.out.print(compareFile(comparator, input.csv));
                System.out.flush();
                return;
            }
            Comparison c = comparator.compare(input.names.get(0), input.names.get(1));
            if (json) {
                Map<String, Object> document = new LinkedHashMap<>();
                document.put("name1", input.names.get(0));
                document.put("name2", input.names.get(1));
                document.put("score", Double.valueOf(score(c.score())));
                document.put("match", c.match());
                document.put("threshold", c.threshold());
                document.put("explanation", c.explanation());
                document.put("matches", c.matches());
                document.put("unmatched1", c.unmatchedLeft());
                document.put("unmatched2", c.unmatchedRight());
                Json.print(document);
                return;
            }
            System.out.println("score: " + score(c.score()));
            System.out.println("match: " + c.match() + " (threshold " + score(c.threshold()) + ")");
            System.out.println("explanation: " + c.explanation());
            for (TokenMatch m : c.matches()) {
                System.out.println("  " + m.left() + " ~ " + m.right() + ": "
                        + m.kind().name().toLowerCase(Locale.ROOT) + " " + score(m.similarity()));
            }
            if (!c.unmatchedLeft().isEmpty())
                System.out.println("  only in the first name: " + String.join(" ", c.unmatchedLeft()));
            if (!c.unmatchedRight().isEmpty())
                System.out.println("  only in the second name: " + String.join(" ", c.unmatchedRight()));
        }

        /** The whole output is built before any of it is printed, so a malformed file prints an error and nothing else. */
        static String compareFile(NameComparator comparator, Path file) {
            StringBuilder out = new StringBuilder();
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                    CSVParser parser = CSVFormat.RFC4180.builder().get().parse(reader);
                    CSVPrinter printer = new CSVPrinter(
                            out,
                            CSVFormat.RFC4180.builder().setRecordSeparator("\n").get())) {
                Iterator<CSVRecord> records = parser.iterator();
                if (!hasNext(records, 1, file))
                    throw new Orderly.CommandFailure(file + ":1: empty file: expected the header name1,name2");
                CSVRecord header = records.next();
                List<String> columns = new ArrayList<>(header.toList());
                if (!columns.isEmpty() && columns.get(0).startsWith("\uFEFF"))
                    columns.set(0, columns.get(0).substring(1));
                int name1 = indexOf(columns, "name1");
                int name2 = indexOf(columns, "name2");
                if (name1 < 0 || name2 < 0) {
                    throw new Orderly.CommandFailure(
                            file + ":1: the header needs the columns name1 and name2, found " + columns);
                }
                List<String> outHeader = new ArrayList<>(columns);
                outHeader.add("score");
                outHeader.add("match");
                printer.printRecord(outHeader);
                while (true) {
                    // A record starts on the line after the last one read (quoted fields may span lines).
                    long line = parser.getCurrentLineNumber() + 1;
                    if (!hasNext(records, line, file)) break;
                    CSVRecord row = records.next();
                    if (row.size() == 1 && row.get(0).isBlank()) continue;
                    if (row.size() != columns.size()) {
                        throw new Orderly.CommandFailure(file + ":" + line + ": expected " + columns.size()
                                + " fields as in the header, found " + row.size());
                    }
                    Comparison c = comparator.compare(row.get(name1), row.get(name2));
                    List<String> values = new ArrayList<>(row.toList());
                    values.add(score(c.score()));
                    values.add(Boolean.toString(c.match()));
                    printer.printRecord(values);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
            return out.toString();
        }

        private static boolean hasNext(Iterator<CSVRecord> records, long line, Path file) {
            try {
                return records.hasNext();
            } catch (UncheckedIOException e) {
                // Commons CSV reports an unclosed quote as an I/O problem; say where, as our other parsers do.
                throw new Orderly.CommandFailure(file + ":" + line + ": malformed CSV: "
                        + (e.getCause() == null ? e.getMessage() : e.getCause().getMessage()));
            }
        }

        private static int indexOf(List<String> columns, String name) {
            for (int i = 0; i < columns.size(); i++) {
                if (columns.get(i).trim().equalsIgnoreCase(name)) return i;
            }
            return -1;
        }
    }
}
