package org.orderly.bench.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orderly.screening.compare.MatchKind;
import org.orderly.screening.compare.NameComparator;
import org.orderly.screening.compare.NameFeatures;
import org.orderly.screening.index.CandidateIndex;

/**
 * The Lucene baseline is only a fair opponent if it finds what the comparator accepts: on random lists and perturbed
 * queries, every listed name that scores at or above the threshold when every name is scored is among Lucene's
 * candidates (typos up to the comparator's bound, phonetic and skeleton look-alikes, dropped and reordered words,
 * initials, particles, parts written as one or as two).
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
        int hits = 0;
        long boundedCandidates = 0;
        long allCandidates = 0;
        Set<MatchKind> kinds = new TreeSet<>();
        for (int seed = 0; seed < 150; seed++) {
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
            int size = 1 + random.nextInt(40);
            for (int i = 0; i < size; i++) {
                String name = name(random, vocabulary);
                listed.add(name);
                names.add(comparator.features(name));
            }
            try (LuceneCandidates lucene = LuceneCandidates.build(names, folder.resolve("list" + seed))) {
                for (int q = 0; q < 10; q++) {
                    String base =
                            random.nextBoolean() ? listed.get(random.nextInt(listed.size())) : name(random, vocabulary);
                    String query = perturb(random, base);
                    NameFeatures features = comparator.features(query);
                    Set<Integer> candidates =
                            Arrays.stream(lucene.candidates(features)).boxed().collect(Collectors.toSet());
                    int fewest = CandidateIndex.fewestWordsMatched(features, comparator.threshold() - 1e-6);
                    Set<Integer> bounded = Arrays.stream(lucene.boundedCandidates(features, fewest))
                            .boxed()
                            .collect(Collectors.toSet());
                    boundedCandidates += bounded.size();
                    allCandidates += candidates.size();
                    for (int ordinal = 0; ordinal < names.size(); ordinal++) {
                        double score = comparator.score(features, null, null, names.get(ordinal), null, null);
                        if (score >= comparator.threshold()) {
                            hits++;
                            comparator
                                    .compare(features, null, null, names.get(ordinal), null, null)
                                    .matches()
                                    .forEach(match -> kinds.add(match.kind()));
                            assertThat(candidates)
                                    .as(
                                            "Lucene candidates for \"%s\" include \"%s\" (score %.3f," + " seed %d)",
                                            query, listed.get(ordinal), score, seed)
                                    .contains(ordinal);
                            assertThat(bounded)
                                    .as(
                                            "score-bounded Lucene candidates for \"%s\" include \"%s\""
                                                    + " (score %.3f, seed %d, %d words needed)",
                                            query, listed.get(ordinal), score, seed, fewest)
                                    .contains(ordinal);
                        }
                    }
                }
            }
        }
        assertThat(hits).as("the random lists give hits to check").isGreaterThan(500);
        assertThat(boundedCandidates)
                .as("the score bound leaves fewer names to score than every match")
                .isLessThan(allCandidates);
        assertThat(kinds)
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
