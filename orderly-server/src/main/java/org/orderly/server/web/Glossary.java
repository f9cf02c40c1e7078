package org.orderly.server.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.springframework.stereotype.Component;

/**
 * The regime's terms in plain words ({@code glossary.csv}): the glossary page, the hover text on
 * each term, and the label that stands in for an enum name (REGIONAL_AGREEMENT is "regional agreement").
 */
@Component("glossary")
public class Glossary {
    /** One term: its key (the enum name), the words shown, a definition and, where there is one, its source. */
    public record Entry(String key, String term, String definition, String sourceTitle, String sourceUrl) {
        public String anchor() {
            return "term-" + key.toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final Map<String, Entry> entries;

    public Glossary() {
        Map<String, Entry> read = new LinkedHashMap<>();
        try (InputStream in = Glossary.class.getResourceAsStream("glossary.csv")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (CSVRecord r : CSVFormat.RFC4180
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(new StringReader(text))) {
                if (r.size() != 5)
                    throw new IllegalStateException(
                            "glossary.csv line " + r.getRecordNumber() + 1 + ": expected 5 fields");
                Entry e = new Entry(
                        r.get("key"),
                        r.get("term"),
                        r.get("definition"),
                        r.get("source_title"),
                        r.get("source_reference"));
                if (read.put(e.key(), e) != null)
                    throw new IllegalStateException("glossary.csv defines " + e.key() + " twice");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        entries = read;
    }

    /** Every term, alphabetically. */
    public List<Entry> entries() {
        List<Entry> all = new ArrayList<>(entries.values());
        all.sort(Comparator.comparing(e -> e.term().toLowerCase(Locale.ROOT)));
        return all;
    }

    /** The words for an enum constant or a key; never the raw enum name. */
    public String label(Object value) {
        if (value == null) return "";
        String key = value instanceof Enum<?> e ? e.name() : value.toString();
        Entry e = entries.get(key);
        return e != null ? e.term() : key.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** The definition shown on hover; empty when the term is not in the glossary. */
    public String define(Object value) {
        if (value == null) return "";
        String key = value instanceof Enum<?> e ? e.name() : value.toString();
        Entry e = entries.get(key);
        return e == null ? "" : e.definition();
    }

    /** The link to the term on the glossary page. */
    public String link(Object value) {
        String key = value instanceof Enum<?> e ? e.name() : String.valueOf(value);
        Entry e = entries.get(key);
        return e == null ? "/glossary" : "/glossary#" + e.anchor();
    }

    public boolean has(Object value) {
        return value != null && entries.containsKey(value instanceof Enum<?> e ? e.name() : value.toString());
    }
}
