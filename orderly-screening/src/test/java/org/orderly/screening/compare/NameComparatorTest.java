package org.orderly.screening.compare;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class NameComparatorTest {
    private final NameComparator comparator = new NameComparator();

    @Test
    void identicalNamesScoreOne() {
        assertThat(comparator.compare("Abdulhai Salek", "ABDULHAI SALEK").score()).isEqualTo(1.0);
    }

    @Test
    void matchesTranslitertionVariants() {
        assertThat(comparator.compare("Mohammed Yousef", "Muhammad Yusuf").match()).isTrue();
        assertThat(comparator.compare("Aleksandr Petrov", "Alexander Petrov").match()).isTrue();
    }

    @Test
    void matchesArabicParticleSpellings() {
        Comparison comparison = comparator.compare("Abd al-Rahman Khalil", "Abdulrahman Khalil");
        assertThat(comparison.match()).isTrue();
        assertThat(comparison.matches()).anySatisfy(m -> assertThat(m.kind()).isEqualTo(MatchKind.COMPOUND));
    }

    @Test
    void matchesTypoAndReorderedParts() {
        assertThat(comparator.compare("HAFIZ ABDUL SALAM BHUTTAVI", "BHUTTAVI, HAFIZ ABUDL SALAM").match()).isTrue();
    }

    @Test
    void matchesCyrillicAgainstLatin() {
        assertThat(comparator.compare("Владимир Иванов", "Vladimir Ivanov").match()).isTrue();
    }

    @Test
    void doesNotMatchDifferentPeople() {
        Comparison comparison = comparator.compare("Patricia Lucas Wheeler", "Mohammad Azam Elmi");
        assertThat(comparison.match()).isFalse();
        assertThat(comparison.score()).isLessThan(0.3);
    }

    @Test
    void explainsUnmatchedPartsAndScore() {
        Comparison comparison = comparator.compare("Mohammad Azam Elmi", "Azam Elmi");
        assertThat(comparison.unmatchedLeft()).containsExactly("mohammad");
        assertThat(comparison.matches()).extracting(TokenMatch::left).containsExactlyInAnyOrder("azam", "elmi");
        assertThat(comparison.explanation()).contains("unmatched").contains("threshold");
    }

    @Test
    void distantBirthYearWeakensAndSameDateStrengthens() {
        PersonDetails listed = new PersonDetails("Janan Agha", BirthDate.parse("1958-03-01"), "AFG");
        double same = comparator.compare(new PersonDetails("Janan Aga", BirthDate.parse("1958-03-01"), "af"), listed).score();
        double none = comparator.compare(PersonDetails.named("Janan Aga"), listed).score();
        double far = comparator.compare(new PersonDetails("Janan Aga", BirthDate.ofYear(1990), "Afghanistan"), listed).score();
        assertThat(same).isGreaterThan(none);
        assertThat(far).isLessThan(none);
    }

    @Test
    void acceptsTyposOnlyWithinEditsGrowingWithLength() {
        assertThat(similarity("li", "liang")).isZero();
        assertThat(similarity("ali", "aly")).isZero();
        assertThat(similarity("wheeler", "wheelre")).isPositive();
        assertThat(similarity("wheeler", "wheelrex")).isZero();
        assertThat(similarity("hutchinson", "hutchisno")).isPositive();
        assertThat(similarity("keuhebel", "keuhianiki")).isZero();
    }

    @Test
    void doesNotTakeOneMandarinSyllableForAnotherOneLetterApart() {
        assertThat(similarity("jiang", "xiang")).isZero();
        assertThat(similarity("zhang", "zheng")).isZero();
        assertThat(similarity("jiang", "jiangg")).isPositive();
    }

    private static double similarity(String a, String b) {
        return NameComparator.tokenSimilarity(TokenFeatures.of(a, false), TokenFeatures.of(b, false));
    }

    @Provide
    Arbitrary<String> names() {
        Arbitrary<String> word = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(9);
        return word.list().ofMinSize(1).ofMaxSize(4).map(words -> String.join(" ", words));
    }

    @Property
    void scoreIsSymmetric(@ForAll("names") String a, @ForAll("names") String b) {
        assertThat(comparator.compare(a, b).score()).isCloseTo(comparator.compare(b, a).score(), Offset.offset(1e-9));
    }

    @Property
    void identicalNamesAlwaysScoreOne(@ForAll("names") String a) {
        assertThat(comparator.compare(a, a).score()).isEqualTo(1.0);
    }

    @Property
    void scoreIsWithinUnitInterval(@ForAll String a, @ForAll String b) {
        assertThat(comparator.compare(a, b).score()).isBetween(0.0, 1.0);
    }
}
