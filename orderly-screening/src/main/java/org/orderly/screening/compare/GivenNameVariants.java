package org.orderly.screening.compare;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.orderly.csv.CsvHeader;
import org.orderly.csv.CsvReader;
import org.orderly.csv.CsvRow;

/**
 * Given names and their hypocorisms (William, Bill, Will…) read as data from a maintained public list: each formal name
 * and its nicknames form a group, and two names correspond when they share a group. The comparator accepts such a
 * pair and the candidate index enumerates it by the groups' keys.
 */
public final class GivenNameVariants {
    /** No list: no pair is a hypocorism. */
    public static final GivenNameVariants NONE = new GivenNameVariants(Map.of());

    private static final int[] NO_GROUPS = new int[0];

    private final Map<String, int[]> groups;

    private GivenNameVariants(Map<String, int[]> groups) {
        this.groups = groups;
    }

    /**
     * Reads a list with the header {@code name1,relationship,name2} whose every row is {@code has_nickname} (the
     * carltonnorthern/nicknames format); anything else is refused naming file, line, column and field.
     */
    public static GivenNameVariants load(Path file) {
        return of(read(CsvReader.read(file, HEADER).rows()));
    }

    private static final CsvHeader HEADER = CsvHeader.exactly(List.of("name1", "relationship", "name2"));

    /**
     * The hypocorisms Orderly ships, beyond English (Sasha for Aleksandr, Pepe for José, Yossi for Yosef, Hamada for
     * Muhammad): {@code given-name-hypocorisms.csv} beside this class, compiled from common usage and unverified (see
     * its SOURCE file). The default comparator uses them; a list given with {@code --given-names} is added to them.
     */
    public static final GivenNameVariants BUILT_IN = builtIn();

    private static GivenNameVariants builtIn() {
        String name = "given-name-hypocorisms.csv";
        try (java.io.InputStream in = GivenNameVariants.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the class path");
            }
            String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            return of(read(CsvReader.read(name, text, HEADER).rows()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** This list and another as one: a pair related in either is related. */
    public GivenNameVariants with(GivenNameVariants other) {
        if (other.isEmpty()) {
            return this;
        }
        if (isEmpty()) {
            return other;
        }
        int offset = groups.values().stream()
                        .flatMapToInt(java.util.Arrays::stream)
                        .max()
                        .orElse(-1)
                + 1;
        Map<String, int[]> merged = new HashMap<>(groups);
        other.groups.forEach((name, ids) -> merged.merge(
                name,
                java.util.Arrays.stream(ids).map(id -> id + offset).toArray(),
                (mine, theirs) -> java.util.stream.IntStream.concat(
                                java.util.Arrays.stream(mine), java.util.Arrays.stream(theirs))
                        .toArray()));
        return new GivenNameVariants(Map.copyOf(merged));
    }

    private static Map<String, List<String>> read(List<CsvRow> rows) {
        Map<String, List<String>> byName = new java.util.TreeMap<>();
        for (CsvRow row : rows) {
            if (!row.get("relationship").equals("has_nickname")) {
                throw row.error("relationship", "expected has_nickname, found '" + row.get("relationship") + "'");
            }
            String formal = word(row, "name1");
            String nickname = word(row, "name2");
            if (formal != null && nickname != null) {
                byName.computeIfAbsent(formal, n -> new ArrayList<>()).add(nickname);
            }
        }
        return byName;
    }

    /**
     * The name as one lower-case word; null for an abbreviation of initials ("k.c."), which the comparator's initial
     * rule covers already; anything else is refused.
     */
    private static String word(CsvRow row, String column) {
        String value = row.get(column).trim().toLowerCase(Locale.ROOT);
        if (value.matches("([a-z]\\.)+")) {
            return null;
        }
        if (value.isEmpty() || !value.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
            throw row.error(
                    column,
                    "a given name of letters a-z (or initials such as k.c.) is expected, found '" + row.get(column)
                            + "'");
        }
        return value;
    }

    /** Groups from formal names to their hypocorisms (lower-case ASCII). */
    public static GivenNameVariants of(Map<String, List<String>> nicknamesOfName) {
        Map<String, List<Integer>> groupsOf = new HashMap<>();
        int group = 0;
        for (Map.Entry<String, List<String>> entry : nicknamesOfName.entrySet()) {
            groupsOf.computeIfAbsent(entry.getKey(), n -> new ArrayList<>()).add(group);
            for (String nickname : entry.getValue()) {
                List<Integer> of = groupsOf.computeIfAbsent(nickname, n -> new ArrayList<>());
                if (!of.contains(group)) {
                    of.add(group);
                }
            }
            group++;
        }
        Map<String, int[]> groups = new HashMap<>();
        groupsOf.forEach((name, ids) ->
                groups.put(name, ids.stream().mapToInt(Integer::intValue).toArray()));
        return new GivenNameVariants(Map.copyOf(groups));
    }

    /** The groups a name belongs to (empty when none). */
    public int[] groups(String name) {
        return groups.getOrDefault(name, NO_GROUPS);
    }

    /** Whether two different names are a given name and its hypocorism, or two hypocorisms of one name. */
    public boolean related(String a, String b) {
        int[] x = groups(a);
        if (x.length == 0 || a.equals(b)) {
            return false;
        }
        for (int g : groups(b)) {
            for (int h : x) {
                if (g == h) {
                    return true;
                }
            }
        }
        return false;
    }

    public boolean isEmpty() {
        return groups.isEmpty();
    }

    /** A digest of the list (names and their groups, in name order): an index built with another list differs. */
    public long fingerprint() {
        long h = 0xcbf29ce484222325L;
        for (String name : new java.util.TreeSet<>(groups.keySet())) {
            for (int i = 0; i < name.length(); i++) {
                h = (h ^ name.charAt(i)) * 0x100000001b3L;
            }
            for (int group : groups.get(name)) {
                h = (h ^ group) * 0x100000001b3L;
            }
            h = (h ^ 0xFFFF) * 0x100000001b3L;
        }
        return h;
    }
}
