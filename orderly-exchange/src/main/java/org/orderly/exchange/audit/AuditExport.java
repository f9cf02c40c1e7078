package org.orderly.exchange.audit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * An audit log exported for offline verification: its entries and the signed checkpoints, as UTF-8 text, one record
 * per line, fields separated by tabs (in text fields a backslash, tab, line feed and carriage return are written
 * {@code \\}, {@code \t}, {@code \n}, {@code \r}):
 * <pre>
 * orderly-audit-export/1
 * entry      sequence  at  actor  party  action  subject  detail  previous-hash  hash  signature
 * checkpoint entries  head-hash  at  signature
 * </pre>
 * With the public key alone, anyone can check it: {@link #verify(AuditKey, List)}.
 */
public record AuditExport(List<AuditEntry> entries, List<AuditCheckpoint> checkpoints) {
    public static final String HEADER = "orderly-audit-export/1";
    private static final String ENTRY = "entry";

    public AuditExport {
        entries = List.copyOf(entries);
        checkpoints = List.copyOf(checkpoints);
    }

    /** Writes the first line. */
    public static void writeHeader(Writer out) throws IOException {
        out.write(HEADER + "\n");
    }

    /** Writes one entry line. */
    public static void write(Writer out, AuditEntry entry) throws IOException {
        out.write(String.join(
                        "\t",
                        ENTRY,
                        Long.toString(entry.sequence()),
                        entry.at().toString(),
                        escape(entry.actor()),
                        escape(entry.party()),
                        escape(entry.action()),
                        escape(entry.subject()),
                        escape(entry.detail()),
                        entry.previousHash(),
                        entry.hash(),
                        entry.signature())
                + "\n");
    }

    /** Writes one checkpoint line. */
    public static void write(Writer out, AuditCheckpoint checkpoint) throws IOException {
        out.write(checkpoint.line() + "\n");
    }

    /**
     * Reads an export.
     *
     * @throws IllegalArgumentException naming the line of the first problem
     */
    public static AuditExport read(Reader in) {
        List<AuditEntry> entries = new ArrayList<>();
        List<AuditCheckpoint> checkpoints = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(in)) {
            String first = reader.readLine();
            if (first == null || !first.strip().equals(HEADER)) {
                throw new IllegalArgumentException("line 1: an Orderly audit export starts with '" + HEADER + "'");
            }
            long number = 1;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                number++;
                if (line.isBlank()) continue;
                try {
                    if (line.startsWith(AuditCheckpoint.TAG + "\t")) checkpoints.add(AuditCheckpoint.parse(line));
                    else if (line.startsWith(ENTRY + "\t")) entries.add(entry(line));
                    else throw new IllegalArgumentException("expected an 'entry' or 'checkpoint' line");
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("line " + number + ": " + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new AuditExport(entries, checkpoints);
    }

    private static AuditEntry entry(String line) {
        String[] f = line.split("\t", -1);
        if (f.length != 11)
            throw new IllegalArgumentException("an entry line has 11 tab-separated fields, found " + f.length);
        try {
            return new AuditEntry(
                    Long.parseLong(f[1]),
                    Instant.parse(f[2]),
                    unescape(f[3]),
                    unescape(f[4]),
                    unescape(f[5]),
                    unescape(f[6]),
                    unescape(f[7]),
                    f[8],
                    f[9],
                    f[10]);
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException("an entry needs a sequence number and a time: " + e.getMessage(), e);
        }
    }

    /** The checkpoint that counts the most entries (the latest), if any. */
    public static Optional<AuditCheckpoint> latest(List<AuditCheckpoint> checkpoints) {
        return checkpoints.stream()
                .max(Comparator.comparingLong(AuditCheckpoint::entries).thenComparing(AuditCheckpoint::at));
    }

    /** Verifies the exported entries with the key, against the latest of its checkpoints and of {@code moreCheckpoints}. */
    public AuditChain.Verification verify(AuditKey key, List<AuditCheckpoint> moreCheckpoints) {
        List<AuditCheckpoint> all = new ArrayList<>(checkpoints);
        all.addAll(moreCheckpoints);
        return AuditChain.verify(entries, key, latest(all).orElse(null));
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    static String unescape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (++i == text.length()) throw new IllegalArgumentException("a field ends with a lone backslash");
            switch (text.charAt(i)) {
                case '\\' -> out.append('\\');
                case 't' -> out.append('\t');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                default -> throw new IllegalArgumentException("unknown escape \\" + text.charAt(i));
            }
        }
        return out.toString();
    }
}
