package org.orderly.screening.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.orderly.screening.compare.NameComparator;
import org.orderly.screening.compare.NameFeatures;

class CandidateIndexTest {
    private final NameComparator comparator = new NameComparator();

    private CandidateIndex index(List<String> names) {
        return new CandidateIndex(names.stream().map(comparator::features).toList());
    }

    @Test
    void findsNameWhoseSurnameHasATypo() {
        CandidateIndex index = index(List.of("Patricia Wheeler", "Jean-Marie Runiga", "Muhammad Yusuf Khalil"));
        assertThat(index.candidates(comparator.features("Patricia Wheelre"))).contains(0);
        assertThat(index.candidates(comparator.features("Jean Marie Rnuiga"))).contains(1);
    }

    @Test
    void findsNameWrittenAsOneWord() {
        CandidateIndex index = index(List.of("Abdul Rahman Haddad", "Nadia Abdulrahman"));
        assertThat(index.candidates(comparator.features("Abdulrahman Haddad"))).contains(0);
        assertThat(index.candidates(comparator.features("Nadia Abdul Rahman"))).contains(1);
    }

    @Test
    void commonGivenNameAloneDoesNotFloodTheCandidates() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            names.add("Muhammad " + surname(i));
        }
        CandidateIndex index = index(names);
        int[] candidates = index.candidates(comparator.features("Muhammad " + surname(1_234)));
        assertThat(candidates).contains(1_234);
        assertThat(candidates.length).isLessThan(50);
    }

    @Property(tries = 200)
    void everyNameTheComparatorAcceptsAfterOneEditIsACandidate(@ForAll("smallLists") List<String> names,
                                                                @ForAll("edits") int edit) {
        CandidateIndex index = index(names);
        String target = names.get(Math.floorMod(edit, names.size()));
        String query = perturb(target, edit);
        NameFeatures queryFeatures = comparator.features(query);
        int[] candidates = index.candidates(queryFeatures);
        for (int n = 0; n < names.size(); n++) {
            double score = comparator.score(queryFeatures, null, null, comparator.features(names.get(n)), null, null);
            if (score >= comparator.threshold()) {
                assertThat(candidates).as("%s should find %s (score %.3f)", query, names.get(n), score).contains(n);
            }
        }
    }

    @Provide
    Arbitrary<List<String>> smallLists() {
        Arbitrary<String> word = Arbitraries.strings().withChars("abdeghiklmnorstuyz").ofMinLength(3).ofMaxLength(9);
        return word.list().ofMinSize(2).ofMaxSize(3).map(parts -> String.join(" ", parts)).list().ofMinSize(1)
                .ofMaxSize(30);
    }

    @Provide
    Arbitrary<Integer> edits() {
        return Arbitraries.integers().between(0, 1_000_000);
    }

    /** One edit chosen by the seed: a letter replaced, deleted, inserted, or two neighbours swapped. */
    private static String perturb(String name, int seed) {
        int at = 1 + Math.floorMod(seed / 7, Math.max(1, name.length() - 2));
        if (at >= name.length() - 1 || name.charAt(at) == ' ' || name.charAt(at + 1) == ' ') {
            return name;
        }
        switch (seed % 4) {
            case 0:
                return name.substring(0, at) + 'x' + name.substring(at + 1);
            case 1:
                return name.substring(0, at) + name.substring(at + 1);
            case 2:
                return name.substring(0, at) + 'e' + name.substring(at);
            default:
                return name.substring(0, at) + name.charAt(at + 1) + name.charAt(at) + name.substring(at + 2);
        }
    }

    private static String surname(int i) {
        String letters = "bdfgklmnprstvz";
        String vowels = "aeiou";
        StringBuilder out = new StringBuilder();
        int v = i;
        for (int s = 0; s < 4; s++) {
            out.append(letters.charAt(v % letters.length())).append(vowels.charAt((v / 14) % vowels.length()));
            v /= 7;
        }
        return out.toString();
    }
}
