package org.orderly.screening.watchlist;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/** Reads RFC 4180 CSV (quoted fields, doubled quotes, line breaks inside quotes) and remembers each record's line. */
final class CsvRecords {
    record Row(int line, List<String> fields) {
    }

    private final Reader reader;
    private final String file;
    private int line = 1;
    private int pushedBack = -2;

    CsvRecords(Reader reader, String file) {
        this.reader = reader;
        this.file = file;
    }

    /** The next record, or null at the end of input. */
    Row next() throws IOException {
        int c = read();
        if (c == -1) {
            return null;
        }
        int startLine = line;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        while (true) {
            if (quoted) {
                if (c == -1) {
                    throw new WatchlistFormatException(file, startLine, "quoted field is not closed");
                }
                if (c == '"') {
                    int n = read();
                    if (n == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        c = n;
                        continue;
                    }
                } else {
                    field.append((char) c);
                }
            } else if (c == '"') {
                if (field.length() > 0 || wasQuoted) {
                    throw new WatchlistFormatException(file, line, "quote inside an unquoted field " + (fields.size() + 1));
                }
                quoted = true;
                wasQuoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
            } else if (c == '\r' || c == '\n' || c == -1) {
                if (c == '\r') {
                    int n = read();
                    if (n != '\n') {
                        pushedBack = n;
                    }
                }
                fields.add(field.toString());
                return new Row(startLine, fields);
            } else {
                if (wasQuoted) {
                    throw new WatchlistFormatException(file, line, "text after closing quote in field " + (fields.size() + 1));
                }
                field.append((char) c);
            }
            c = read();
        }
    }

    private int read() throws IOException {
        int c;
        if (pushedBack != -2) {
            c = pushedBack;
            pushedBack = -2;
        } else {
            c = reader.read();
        }
        if (c == '\n') {
            line++;
        }
        return c;
    }
}
