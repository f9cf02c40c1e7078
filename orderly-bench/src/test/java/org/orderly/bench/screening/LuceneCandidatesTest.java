package org.orderly.bench.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orderly.screening.compare.BirthDate;
import org.orderly.screening.compare.MatchKind;
import org.orderly.screening.compare.NameComparator;
import org.orderly.screening.compare.NameFeatures;
import org.orderly.screening.index.CandidateIndex;

/**
 * The Lucene baseline is only a fair opponent if it finds what the comparator accepts: on random lists and perturbed
 * queries, every listed name that scores at or above the threshold when every name is scored is among Lucene's
 * candidates (typos up to the comparator's bound, phonetic and skeleton look-alikes, dropped and reordered words,
 * initials, particles, parts written as one or as two). The same holds for the two score-bounded variants: the
 * word-count bound, and Orderly's per-name bound ({@link NameBoundQuery}), checked with birth dates and nationalities.
 */
class LuceneCandidatesTest {
    private static final String LETTERS = "abdeghiklmnorstuyz";
    private static final String[] PARTICLES = {"al", "bin", "van", "de"};
    private static final String[] STEMS = {"ivanov", "kowalsk", "petrausk", "novak", "berzin"};
    private static final String[] ENDINGS = {"", "a", "s", "as", "ova", "i", "iene", "aite", "aya", "y"};
    private static final String[] ROMANISED = {
        "jiang", "chiang", "zedong", "tsetung", "jeongil", "chongil", "gim", "kim", "xiangzhi", "hsiangchih"
    };
    private static final String[] HYPOCORISMS = {"aleksandr", "sasha", "jose", "pepe", "yosef", "yossi"};

    @TempDir
    Path folder;

    @Test
    void everyNameTheComparatorAcceptsIsACandidate() {
        NameComparator comparator = new NameComparator();
        Checked checked = check(comparator, 1.0, 150);
        assertThat(checked.misses())
                .as("hits the comparator accepts that a Lucene generator missed")
                .isEmpty();
        assertThat(checked.hits()).as("the random lists give hits to check").isGreaterThan(500);
        assertThat(checked.detailedHits())
                .as("hits with birth dates and nationalities to check")
                .isGreaterThan(500);
        assertThat(checked.boundedCandidates())
                .as("the score bound leaves fewer names to score than every match")
                .isLessThan(checked.allCandidates());
        assertThat(checked.perNameCandidates())
                .as("the per-name bound leaves fewer names to score than the word-count bound")
                .isLessThan(checked.boundedCandidates() / 2);
        assertThat(checked.kinds())
                .as("hits through every kind of token pair the generator claims to cover")
                .contains(
                        MatchKind.EXACT,
                        MatchKind.TYPO,
                        MatchKind.INITIAL,
                        MatchKind.COMPOUND,
                        MatchKind.INFLECTION,
                        MatchKind.ROMANISATION,
                        MatchKind.HYPOCORISM,
                        MatchKind.TWO_LETTERS);
    }

    /**
     * The check above has teeth: the per-name bound with every link lowered by 5% (each listed token's best
     * similarity to the query, the maxima its score is summed from) is no longer an upper bound, and the same random
     * lists (the first 40) catch it.
     */
    @Test
    void aLoweredPerNameBoundIsCaught() {
        Checked checked = check(new NameComparator(), 0.95, 40);
        assertThat(checked.misses())
                .as("hits missed by a per-name bound whose links are lowered by 5%")
                .isNotEmpty()
                .allMatch(miss -> miss.startsWith("per-name bound"));
    }

    /** What the random lists gave: hits, candidates per generator, and each hit a generator missed. */
    private record Checked(
            int hits,
            int detailedHits,
            long allCandidates,
            long boundedCandidates,
            long perNameCandidates,
            Set<MatchKind> kinds,
            List<String> misses) {}

    /**
     * {@code lists} random lists and perturbed queries; each listed person and query has, or not, a birth date and a nationality.
     * Names are checked against the candidates of each generator: every match and the word-count bound by the name
     * score alone, the per-name bound (its links multiplied by {@code linkFactor}) by the score with birth dates and
     * nationalities.
     */
    private Checked check(NameComparator comparator, double linkFactor, int lists) {
        int hits = 0;
        int detailedHits = 0;
        long boundedCandidates = 0;
        long allCandidates = 0;
        long perNameCandidates = 0;
        Set<MatchKind> kinds = new TreeSet<>();
        List<String> misses = new ArrayList<>();
        for (int seed = 0; seed < lists; seed++) {
            Random random = new Random(seed);
            List<String> vocabulary = new ArrayList<>();
            int words = 8 + random.nextInt(20);
            for (int w = 0; w < words; w++) {
                // Some words of the rules that are not spelling look-ups: grammatical forms, romanised syllables,
                // hypocorisms of the shipped list.
                vocabulary.add(
                        switch (random.nextInt(10)) {
                            case 0 -> STEMS[random.nextInt(STEMS.length)] + ENDINGS[random.nextInt(ENDINGS.length)];
                            case 1 -> ROMANISED[random.nextInt(ROMANISED.length)];
                            case 2 -> HYPOCORISMS[random.nextInt(HYPOCORISMS.length)];
                            default -> word(random);
                        });
            }
            List<String> listed = new ArrayList<>();
            List<NameFeatures> names = new ArrayList<>();
            List<BirthDate> births = new ArrayList<>();
            List<String> nationalities = new ArrayList<>();
            int size = 1 + random.nextInt(40);
            for (int i = 0; i < size; i++) {
                String name = name(random, vocabulary);
                listed.add(name);
                names.add(comparator.features(name));
                births.add(birthDate(random));
                nationalities.add(nationality(random));
            }
            try (LuceneCandidates lucene = LuceneCandidates.build(
                    names, births, nationalities, folder.resolve("list" + seed), comparator.givenNames())) {
                lucene.lowerLinks(linkFactor);
                for (int q = 0; q < 10; q++) {
                    String base =
                            random.nextBoolean() ? listed.get(random.nextInt(listed.size())) : name(random, vocabulary);
                    String query = perturb(random, base);
                    BirthDate birth = birthDate(random);
                    String nationality = nationality(random);
                    NameFeatures features = comparator.features(query);
                    Set<Integer> candidates =
                            Arrays.stream(lucene.candidates(features)).boxed().collect(Collectors.toSet());
                    int fewest = CandidateIndex.fewestWordsMatched(features, comparator.threshold() - 1e-6);
                    Set<Integer> bounded = Arrays.stream(lucene.boundedCandidates(features, fewest))
                            .boxed()
                            .collect(Collectors.toSet());
                    Set<Integer> perName = Arrays.stream(
                                    lucene.nameBoundCandidates(features, birth, nationality, comparator.threshold()))
                            .boxed()
                            .collect(Collectors.toSet());
                    boundedCandidates += bounded.size();
                    allCandidates += candidates.size();
                    perNameCandidates += perName.size();
                    for (int ordinal = 0; ordinal < names.size(); ordinal++) {
                        double score = comparator.score(features, null, null, names.get(ordinal), null, null);
                        String pair = String.format(
                                Locale.ROOT,
                                "\"%s\" (%s, %s) -> \"%s\" (%s, %s), name score %.3f, seed %d",
                                query,
                                birth,
                                nationality,
                                listed.get(ordinal),
                                births.get(ordinal),
                                nationalities.get(ordinal),
                                score,
                                seed);
                        if (score >= comparator.threshold()) {
                            hits++;
                            comparator
                                    .compare(features, null, null, names.get(ordinal), null, null)
                                    .matches()
                                    .forEach(match -> kinds.add(match.kind()));
                            if (!candidates.contains(ordinal)) {
                                misses.add("every match: " + pair);
                            }
                            if (!bounded.contains(ordinal)) {
                                misses.add("word-count bound (" + fewest + " words): " + pair);
                            }
                        }
                        double detailed = comparator.score(
                                features,
                                birth,
                                nationality,
                                names.get(ordinal),
                                births.get(ordinal),
                                nationalities.get(ordinal));
                        if (detailed >= comparator.threshold()) {
                            detailedHits++;
                            if (!perName.contains(ordinal)) {
                                misses.add("per-name bound: " + pair + ", with details " + detailed);
                            }
                        }
                    }
                }
            }
        }
        return new Checked(hits, detailedHits, allCandidates, boundedCandidates, perNameCandidates, kinds, misses);
    }

    private static BirthDate birthDate(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> null;
            case 1 -> BirthDate.ofYear(1960 + random.nextInt(4));
            default -> new BirthDate(1960 + random.nextInt(4), 1 + random.nextInt(2), 1 + random.nextInt(2));
        };
    }

    private static String nationality(Random random) {
        return switch (random.nextInt(3)) {
            case 0 -> null;
            case 1 -> "FRA";
            default -> "RUS";
        };
    }

    private static String word(Random random) {
        StringBuilder word = new StringBuilder();
        int length = 3 + random.nextInt(8);
        for (int i = 0; i < length; i++) {
            word.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
        }
        return word.toString();
    }

    private static String name(Random random, List<String> vocabulary) {
        List<String> parts = new ArrayList<>();
        int count = 1 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
            switch (random.nextInt(12)) {
                case 0 ->
                    parts.add(
                            i + 1 < count
                                    ? PARTICLES[random.nextInt(PARTICLES.length)]
                                    : vocabulary.get(random.nextInt(vocabulary.size())));
                case 1 -> parts.add(String.valueOf(LETTERS.charAt(random.nextInt(LETTERS.length()))));
                default -> parts.add(vocabulary.get(random.nextInt(vocabulary.size())));
            }
        }
        return String.join(" ", parts);
    }

    /** A word dropped or shortened to its initial, order reversed, parts joined or split, then up to two typos. */
    private static String perturb(Random random, String name) {
        List<String> parts = new ArrayList<>(List.of(name.split(" ")));
        int p = random.nextInt(parts.size());
        // The other form of a word of the non-spelling rules: another grammatical ending, the other romanisation, the
        // hypocorism (the lists above hold them in pairs).
        for (int i = 0; i < parts.size(); i++) {
            for (String[] pairs : new String[][] {ROMANISED, HYPOCORISMS}) {
                for (int k = 0; k < pairs.length; k++) {
                    if (parts.get(i).equals(pairs[k]) && random.nextBoolean()) {
                        parts.set(i, pairs[k ^ 1]);
                        break;
                    }
                }
            }
            for (String stem : STEMS) {
                if (parts.get(i).startsWith(stem) && random.nextBoolean()) {
                    parts.set(i, stem + ENDINGS[random.nextInt(ENDINGS.length)]);
                }
            }
        }
        switch (random.nextInt(7)) {
            case 0 -> {
                if (parts.size() > 1) {
                    parts.remove(p);
                }
            }
            case 1 -> Collections.reverse(parts);
            case 2 -> parts.set(p, parts.get(p).substring(0, 1));
            case 3 -> {
                if (p + 1 < parts.size()) {
                    parts.set(p, parts.get(p) + parts.remove(p + 1));
                }
            }
            case 4 -> {
                String word = parts.get(p);
                if (word.length() >= 4) {
                    int cut = 1 + random.nextInt(word.length() - 1);
                    parts.set(p, word.substring(0, cut));
                    parts.add(p + 1, word.substring(cut));
                }
            }
            default -> {}
        }
        for (int e = random.nextInt(3); e > 0; e--) {
            int at = random.nextInt(parts.size());
            String word = parts.get(at);
            int i = random.nextInt(word.length());
            char letter = LETTERS.charAt(random.nextInt(LETTERS.length()));
            parts.set(
                    at,
                    switch (random.nextInt(4)) {
                        case 0 -> word.substring(0, i) + letter + word.substring(i + 1);
                        case 1 -> word.length() > 1 ? word.substring(0, i) + word.substring(i + 1) : word;
                        case 2 -> word.substring(0, i) + letter + word.substring(i);
                        default ->
                            i + 1 < word.length()
                                    ? word.substring(0, i) + word.charAt(i + 1) + word.charAt(i) + word.substring(i + 2)
                                    : word;
                    });
        }
        return String.join(" ", parts);
    }
}
