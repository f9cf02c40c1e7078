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

/**
 * The Lucene baseline is only a fair opponent if it finds what the comparator accepts: on random lists and perturbed
 * queries, every listed name that scores at or above the threshold when every name is scored is among Lucene's
 * candidates (typos up to the comparator's bound, phonetic and skeleton look-alikes, dropped and reordered words,
 * initials, particles, parts written as one or as two).
 */
class LuceneCandidatesTest {
    private static final String LETTERS = "abdeghiklmnorstuyz";
    private static final String[] PARTICLES = {"al", "bin", "van", "de"};

    @TempDir
    Path folder;

    @Test
    void everyNameTheComparatorAcceptsIsACandidate() {
        NameComparator comparator = new NameComparator();
        int hits = 0;
        Set<MatchKind> kinds = new TreeSet<>();
        for (int seed = 0; seed < 150; seed++) {
            Random random = new Random(seed);
            List<String> vocabulary = new ArrayList<>();
            int words = 8 + random.nextInt(20);
            for (int w = 0; w < words; w++) {
                vocabulary.add(word(random));
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
                    String base = random.nextBoolean() ? listed.get(random.nextInt(listed.size()))
                            : name(random, vocabulary);
                    String query = perturb(random, base);
                    NameFeatures features = comparator.features(query);
                    Set<Integer> candidates = Arrays.stream(lucene.candidates(features)).boxed()
                            .collect(Collectors.toSet());
                    for (int ordinal = 0; ordinal < names.size(); ordinal++) {
                        double score = comparator.score(features, null, null, names.get(ordinal), null, null);
                        if (score >= comparator.threshold()) {
                            hits++;
                            comparator.compare(features, null, null, names.get(ordinal), null, null).matches()
                                    .forEach(match -> kinds.add(match.kind()));
                            assertThat(candidates).as("Lucene candidates for \"%s\" include \"%s\" (score %.3f,"
                                    + " seed %d)", query, listed.get(ordinal), score, seed).contains(ordinal);
                        }
                    }
                }
            }
        }
        assertThat(hits).as("the random lists give hits to check").isGreaterThan(500);
        assertThat(kinds).as("hits through every kind of token pair the generator claims to cover")
                .contains(MatchKind.EXACT, MatchKind.TYPO, MatchKind.INITIAL, MatchKind.COMPOUND);
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
                case 0 -> parts.add(i + 1 < count ? PARTICLES[random.nextInt(PARTICLES.length)]
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
            default -> {
            }
        }
        for (int e = random.nextInt(3); e > 0; e--) {
            int at = random.nextInt(parts.size());
            String word = parts.get(at);
            int i = random.nextInt(word.length());
            char letter = LETTERS.charAt(random.nextInt(LETTERS.length()));
            parts.set(at, switch (random.nextInt(4)) {
                case 0 -> word.substring(0, i) + letter + word.substring(i + 1);
                case 1 -> word.length() > 1 ? word.substring(0, i) + word.substring(i + 1) : word;
                case 2 -> word.substring(0, i) + letter + word.substring(i);
                default -> i + 1 < word.length()
                        ? word.substring(0, i) + word.charAt(i + 1) + word.charAt(i) + word.substring(i + 2) : word;
            });
        }
        return String.join(" ", parts);
    }
}
