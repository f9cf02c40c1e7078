package org.orderly.travel.channel.occupation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.orderly.csv.CsvHeader;
import org.orderly.csv.CsvReader;
import org.orderly.csv.CsvRow;

/**
 * The ESCO occupations and ISCO-08 groups as ESCO publishes them ({@code esco-occupations_en.csv},
 * {@code esco-isco-groups_en.csv}, read unmodified through the one CSV reader; alternative labels are one per line
 * inside a field), and the way from a person's own words to an occupation: an ESCO label equal to the words, else the
 * labels that hold every word, closest first, voting for an ISCO group; else suggestions of labels that share words or
 * differ by a typing slip.
 */
public final class EscoOccupations {
    /** The occupations file's name in the ESCO download. */
    public static final String OCCUPATIONS_FILE = "esco-occupations_en.csv";
    /** The ISCO groups file's name in the ESCO download. */
    public static final String GROUPS_FILE = "esco-isco-groups_en.csv";

    private static final String REGULATED = "http://data.europa.eu/esco/regulated-professions/regulated";
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private final List<EscoOccupation> occupations;
    private final Map<String, String> groups;
    /** Every label, normalised, with the occupations that carry it. */
    private final Map<String, List<Label>> byText = new HashMap<>();
    /** Every label with its spaces taken out, so that "dishwasher" finds "dish washer". */
    private final Map<String, List<Label>> byJoined = new HashMap<>();
    /** Label ids by word, for the labels that hold every word of a question. */
    private final Map<String, List<Label>> byWord = new HashMap<>();

    private record Label(String text, List<String> words, EscoOccupation occupation, boolean preferred, String shown) {}

    private EscoOccupations(List<EscoOccupation> occupations, Map<String, String> groups) {
        this.occupations = List.copyOf(occupations);
        this.groups = Map.copyOf(groups);
        for (EscoOccupation o : occupations) {
            add(o, o.preferredLabel(), true);
            for (String alt : o.alternativeLabels()) add(o, alt, false);
        }
    }

    private void add(EscoOccupation occupation, String shown, boolean preferred) {
        List<String> words = words(shown);
        if (words.isEmpty()) return;
        Label label = new Label(String.join(" ", words), words, occupation, preferred, shown.strip());
        byText.computeIfAbsent(label.text(), k -> new ArrayList<>()).add(label);
        byJoined.computeIfAbsent(String.join("", words), k -> new ArrayList<>()).add(label);
        for (String w : new LinkedHashSet<>(words))
            byWord.computeIfAbsent(w, k -> new ArrayList<>()).add(label);
    }

    /**
     * Reads the two ESCO files in {@code folder}.
     *
     * @throws org.orderly.csv.CsvException naming the file, line and column of what cannot be read
     * @throws IllegalArgumentException when a file is missing, or an occupation names an ISCO group the groups file lacks
     */
    public static EscoOccupations read(Path folder) {
        for (String file : List.of(OCCUPATIONS_FILE, GROUPS_FILE)) {
            if (!Files.isRegularFile(folder.resolve(file)))
                throw new IllegalArgumentException(file + " is not in " + folder);
        }
        Map<String, String> groups = new LinkedHashMap<>();
        for (CsvRow row : CsvReader.read(
                        folder.resolve(GROUPS_FILE),
                        CsvHeader.requiring("code", "preferredLabel").ignoringOtherColumns())
                .rows()) {
            String code = row.get("code").strip();
            if (!code.matches("[0-9]{1,4}"))
                throw row.error("code", "ISCO-08 code '" + code + "' must be 1 to 4 digits");
            groups.put(code, row.get("preferredLabel").strip());
        }
        List<EscoOccupation> occupations = new ArrayList<>();
        for (CsvRow row : CsvReader.read(
                        folder.resolve(OCCUPATIONS_FILE),
                        CsvHeader.requiring(
                                        "conceptUri",
                                        "iscoGroup",
                                        "preferredLabel",
                                        "altLabels",
                                        "hiddenLabels",
                                        "regulatedProfessionNote")
                                .ignoringOtherColumns())
                .rows()) {
            String isco = row.get("iscoGroup").strip();
            if (!isco.matches("[0-9]{4}"))
                throw row.error("iscoGroup", "ISCO-08 unit group '" + isco + "' must be 4 digits");
            if (!groups.containsKey(isco))
                throw row.error("iscoGroup", "ISCO-08 unit group " + isco + " is not in " + GROUPS_FILE);
            List<String> alternatives = new ArrayList<>();
            for (String column : List.of("altLabels", "hiddenLabels")) {
                for (String line : row.get(column).split("\\R")) if (!line.isBlank()) alternatives.add(line.strip());
            }
            occupations.add(new EscoOccupation(
                    row.get("conceptUri").strip(),
                    isco,
                    row.get("preferredLabel").strip(),
                    alternatives,
                    row.get("regulatedProfessionNote").strip().equals(REGULATED)));
        }
        return new EscoOccupations(occupations, groups);
    }

    public List<EscoOccupation> occupations() {
        return occupations;
    }

    /** The label of an ISCO-08 group at any level (1 to 4 digits), if ESCO has it. */
    public Optional<String> group(String code) {
        return Optional.ofNullable(groups.get(code));
    }

    /** What the words reach; never null. */
    public OccupationAnswer find(String words) {
        List<String> asked = words(words == null ? "" : words);
        String text = String.join(" ", asked);
        if (asked.isEmpty()) return new OccupationAnswer.NotFound(words == null ? "" : words.strip(), List.of());
        List<Label> exact = byText.getOrDefault(text, List.of());
        if (!exact.isEmpty()) return found(words, vote(exact), true);
        List<Label> joined = byJoined.getOrDefault(String.join("", asked), List.of());
        if (!joined.isEmpty()) return found(words, vote(joined), false);
        List<Label> holding = holdingEvery(asked);
        if (!holding.isEmpty()) {
            String head = asked.get(asked.size() - 1);
            List<Label> headed = holding.stream()
                    .filter(l -> l.words().get(l.words().size() - 1).equals(head))
                    .toList();
            List<Label> pool = headed.isEmpty() ? holding : headed;
            int fewest = pool.stream().mapToInt(l -> l.words().size()).min().orElseThrow();
            return found(
                    words,
                    vote(pool.stream().filter(l -> l.words().size() == fewest).toList()),
                    false);
        }
        return new OccupationAnswer.NotFound(words.strip(), suggestions(asked));
    }

    private OccupationAnswer.Found found(String words, Label label, boolean exact) {
        return new OccupationAnswer.Found(
                words.strip(),
                label.occupation(),
                label.shown(),
                groups.get(label.occupation().isco()),
                exact);
    }

    /** The labels that hold every asked word. */
    private List<Label> holdingEvery(List<String> asked) {
        List<Label> fewest = null;
        for (String w : asked) {
            List<Label> with = byWord.getOrDefault(w, List.of());
            if (fewest == null || with.size() < fewest.size()) fewest = with;
        }
        List<Label> holding = new ArrayList<>();
        for (Label l : fewest) if (l.words().containsAll(asked)) holding.add(l);
        return holding;
    }

    /** The label whose ISCO group most labels share; within it a preferred label, then the shortest, then the first. */
    private static Label vote(List<Label> labels) {
        Map<String, Integer> votes = new HashMap<>();
        for (Label l : labels) votes.merge(l.occupation().isco(), l.preferred() ? 2 : 1, Integer::sum);
        return labels.stream()
                .min(Comparator.comparingInt(
                                (Label l) -> -votes.get(l.occupation().isco()))
                        .thenComparing(l -> l.occupation().isco())
                        .thenComparing(l -> !l.preferred())
                        .thenComparingInt(l -> l.text().length()))
                .orElseThrow();
    }

    /**
     * Up to five labels that share most of the question's words, a slip of typing allowed (two points a word equal, one a
     * word close); preferred labels, then shorter ones, first.
     */
    private List<String> suggestions(List<String> asked) {
        Map<Label, Integer> scores = new HashMap<>();
        for (var entry : byWord.entrySet()) {
            String word = entry.getKey();
            for (String w : asked) {
                if (!close(w, word)) continue;
                for (Label l : entry.getValue()) scores.merge(l, word.equals(w) ? 2 : 1, Integer::sum);
            }
        }
        return scores.entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<Label, Integer> e) -> -e.getValue())
                        .thenComparing(e -> !e.getKey().preferred())
                        .thenComparingInt(e -> e.getKey().text().length())
                        .thenComparing(e -> e.getKey().text()))
                .map(e -> e.getKey().shown())
                .distinct()
                .limit(5)
                .toList();
    }

    /** Whether two words are the same but for a slip: one edit for short words, two for long ones. */
    static boolean close(String a, String b) {
        if (a.equals(b)) return true;
        int limit = Math.min(a.length(), b.length()) <= 5 ? 1 : 2;
        if (Math.abs(a.length() - b.length()) > limit) return false;
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) previous[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            int best = current[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                best = Math.min(best, current[j]);
            }
            if (best > limit) return false;
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()] <= limit;
    }

    /** The words of a label or a question: letters and digits, lower case, accents removed, a plural's s dropped. */
    static List<String> words(String text) {
        String folded = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD))
                .replaceAll("")
                .toLowerCase(Locale.ROOT);
        List<String> words = new ArrayList<>();
        for (String w : NOT_WORD.split(folded)) {
            if (w.isEmpty()) continue;
            words.add(singular(w));
        }
        return words;
    }

    private static String singular(String w) {
        if (w.length() > 4 && w.endsWith("ies")) return w.substring(0, w.length() - 3) + "y";
        if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is"))
            return w.substring(0, w.length() - 1);
        return w;
    }

    /** Every ISCO code ESCO lists (1 to 4 digits). */
    public Set<String> groupCodes() {
        return groups.keySet();
    }
}
