package org.orderly.regime.reference;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.orderly.regime.Registry;
import org.orderly.regime.Source;
import org.orderly.regime.State;

/**
 * Finds the state a person means from what they typed: an ISO 3166-1 alpha-3, alpha-2 or numeric
 * code, the state's name in the reference data, or a common alias from {@code state-aliases.csv}
 * (each with its source). Case, accents, punctuation, spaces and a leading "the" do not matter,
 * so "cote divoire", "Côte d'Ivoire" and "CIV" all find the same state; an unknown input gets
 * suggestions instead of a guess.
 */
public final class StateNames {
    static final String ALIAS_FILE = "state-aliases.csv";

    private final Map<String, Entry> byKey;
    private final List<State> states;

    /** How an input was matched: the state, and by what (code, name or an alias with its source). */
    public record Match(State state, String matchedBy, Source source) {}

    /** What an input resolves to. */
    public sealed interface Resolution permits Found, NotFound {
        String input();

        /** The one dispatch over the family: found or not (a new kind fails to compile where it is not handled). */
        <R> R match(java.util.function.Function<Found, R> found, java.util.function.Function<NotFound, R> notFound);
    }

    /** The input names exactly one state. */
    public record Found(String input, Match match) implements Resolution {
        @Override
        public <R> R match(
                java.util.function.Function<Found, R> found, java.util.function.Function<NotFound, R> notFound) {
            return found.apply(this);
        }

        public State state() {
            return match.state();
        }
    }

    /** The input names no state; {@code suggestions} are the closest names, best first (possibly none). */
    public record NotFound(String input, List<State> suggestions) implements Resolution {
        @Override
        public <R> R match(
                java.util.function.Function<Found, R> found, java.util.function.Function<NotFound, R> notFound) {
            return notFound.apply(this);
        }
    }

    private record Entry(State state, String matchedBy, Source source) {}

    private StateNames(Map<String, Entry> byKey, List<State> states) {
        this.byKey = byKey;
        this.states = states;
    }

    /** The resolver for a registry's states with the aliases shipped on the class path. */
    public static StateNames of(Registry registry) {
        return of(registry, readAliases());
    }

    static StateNames of(Registry registry, String aliasText) {
        Map<String, Entry> byKey = new HashMap<>();
        List<State> states = registry.states();
        for (State s : states) {
            put(byKey, s.id(), new Entry(s, "ISO 3166-1 alpha-3 code", s.source()), null);
            if (s.alpha2() != null && !s.alpha2().isEmpty())
                put(byKey, s.alpha2(), new Entry(s, "ISO 3166-1 alpha-2 code", s.source()), null);
            if (s.numeric() != null && !s.numeric().isEmpty())
                put(byKey, s.numeric(), new Entry(s, "ISO 3166-1 numeric code", s.source()), null);
            put(byKey, s.name(), new Entry(s, "name", s.source()), null);
        }
        Map<String, State> byId = new LinkedHashMap<>();
        states.forEach(s -> byId.put(s.id(), s));
        for (ReferenceFile.Row row : ReferenceFile.read(
                ALIAS_FILE, aliasText, List.of("alias", "state", "source_title", "source_reference", "as_of"))) {
            String alias = row.required("alias");
            State state = byId.get(row.required("state"));
            if (state == null)
                throw row.error("state '" + row.required("state") + "' is not a state in the reference data");
            put(byKey, alias, new Entry(state, "alias", row.source()), row);
        }
        return new StateNames(Map.copyOf(byKey), List.copyOf(states));
    }

    private static void put(Map<String, Entry> byKey, String text, Entry entry, ReferenceFile.Row row) {
        String key = key(text);
        if (key.isEmpty()) return;
        Entry earlier = byKey.putIfAbsent(key, entry);
        if (earlier != null && !earlier.state().id().equals(entry.state().id())) {
            String problem = "'" + text + "' would name both " + earlier.state().id() + " and "
                    + entry.state().id();
            if (row != null) throw row.error(problem);
            throw new IllegalArgumentException(problem);
        }
    }

    private static String readAliases() {
        try (InputStream in = StateNames.class.getResourceAsStream(ALIAS_FILE)) {
            if (in == null)
                throw new ReferenceDataException(
                        ALIAS_FILE, 0, "not found on the class path next to " + StateNames.class.getName());
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ReferenceDataException(ALIAS_FILE, 0, "cannot be read: " + e.getMessage());
        }
    }

    /**
     * The comparison key: accents removed, letters and digits only, lower case, without a leading
     * "the". "Côte d'Ivoire" and "cote divoire" share a key, as do "Viet Nam" and "Vietnam".
     */
    static String key(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKD)
                .toLowerCase(Locale.ROOT)
                .replace("&", " and ")
                .replaceAll("\\p{M}+", "")
                .strip();
        if (folded.startsWith("the ")) folded = folded.substring(4);
        return folded.replaceAll("[^a-z0-9]", "");
    }

    /** Resolves one input; never throws for unknown text. */
    public Resolution resolve(String input) {
        Objects.requireNonNull(input, "input");
        Entry entry = byKey.get(key(input));
        if (entry != null) return new Found(input, new Match(entry.state(), entry.matchedBy(), entry.source()));
        return new NotFound(input, suggest(key(input)));
    }

    /** Every alias with its state and source, for the documentation and the pages. */
    public List<Match> aliases() {
        return byKey.values().stream()
                .filter(e -> e.matchedBy().equals("alias"))
                .distinct()
                .map(e -> new Match(e.state(), e.matchedBy(), e.source()))
                .sorted(Comparator.comparing((Match m) -> m.state().name()))
                .toList();
    }

    private List<State> suggest(String key) {
        if (key.isEmpty()) return List.of();
        // Ranked by edit distance; on a tie, the longer name first (people drop letters more often than they add them).
        record Scored(State state, int distance, int shortfall) {}
        Map<String, Scored> best = new LinkedHashMap<>();
        for (Map.Entry<String, Entry> e : byKey.entrySet()) {
            String candidate = e.getKey();
            if (candidate.length() <= 3 && key.length() > 3) continue; // codes suggest only for code-like input
            int distance = distance(key, candidate);
            boolean contains = candidate.contains(key) || (key.length() >= 4 && key.contains(candidate));
            if (!contains && distance > Math.max(1, key.length() / 3)) continue;
            State state = e.getValue().state();
            Scored scored = new Scored(state, distance, Math.max(0, key.length() - candidate.length()));
            best.merge(state.id(), scored, (a, b) -> a.distance() <= b.distance() ? a : b);
        }
        List<State> ranked = new ArrayList<>();
        best.values().stream()
                .sorted(Comparator.comparingInt(Scored::distance)
                        .thenComparingInt(Scored::shortfall)
                        .thenComparing(s -> s.state().name()))
                .limit(5)
                .forEach(s -> ranked.add(s.state()));
        return List.copyOf(ranked);
    }

    /** Levenshtein distance: the fewest insertions, deletions and substitutions turning one text into the other. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) previous[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /** All states the resolver knows, in the registry's order. */
    public List<State> states() {
        return states;
    }
}
