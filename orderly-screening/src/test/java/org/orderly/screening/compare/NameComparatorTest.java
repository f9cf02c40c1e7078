package org.orderly.screening.compare;

import static org.assertj.core.api.Assertions.assertThat;

import org.orderly.testing.SharedData;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.orderly.screening.property.Property;

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

    @Test
    void nasabInReverseOrderNamesAnotherPerson() {
        Comparison reversed = comparator.compare("Ahmad bin Khalid", "Khalid bin Ahmad");
        assertThat(reversed.match()).isFalse();
        assertThat(reversed.explanation()).contains("nasab order reversed");
        assertThat(comparator.compare("Ahmad bin Khalid Salem", "Ahmad Khalid Salem").match()).isTrue();
    }

    @Test
    void hanOrHangulNamesOneCharacterApartAreDifferentPeople() {
        assertThat(comparator.compare("王小明", "王小鸣").match()).isFalse();
        assertThat(comparator.compare("이지민", "이자민").match()).isFalse();
        assertThat(comparator.compare("習近平", "习近平").match()).as("traditional and simplified").isTrue();
        assertThat(comparator.compare("王小明", "Wang Xiaoming").match()).isTrue();
    }

    @Test
    void acceptsHypocorismsOfThePublicNicknamesList() {
        java.nio.file.Path list = org.orderly.testing.SharedData.file("names/nicknames.csv");
        NameComparator withList = new NameComparator(new org.orderly.screening.normalise.NameNormaliser(),
                NameComparator.DEFAULT_THRESHOLD, GivenNameVariants.load(list));
        Comparison bill = withList.compare("Bill Clinton", "William Clinton");
        assertThat(bill.match()).isTrue();
        assertThat(bill.matches()).anySatisfy(m -> assertThat(m.kind()).isEqualTo(MatchKind.HYPOCORISM));
        assertThat(withList.compare("Peggy Smith", "Margaret Smith").match()).isTrue();
        assertThat(withList.compare("Bill Clinton", "Robert Clinton").match()).as("the list relates them").isTrue();
        assertThat(withList.compare("Peggy Smith", "Robert Smith").match()).isFalse();
        assertThat(comparator.compare("Bill Clinton", "William Clinton").match()).as("without the list").isFalse();
    }

    @Test
    void unreadableNamesAreExplainedNotSilentlyZero() {
        assertThat(comparator.compare("សុខ ហេង", "សុខ ហេង").match()).isTrue();
        assertThat(comparator.compare("★", "Sok Heng").explanation()).contains("no letters Orderly can read");
    }

    /** One to four words of one to nine letters. */
    private static String name(Random random) {
        List<String> words = new ArrayList<>();
        int count = 1 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
            words.add(Property.string(random, "abcdefghijklmnopqrstuvwxyz", 1, 9));
        }
        return String.join(" ", words);
    }

    @Test
    void scoreIsSymmetric() {
        Property.forAll(11L, 1_000, random -> new String[] {name(random), name(random)}, pair ->
                assertThat(comparator.compare(pair[0], pair[1]).score())
                        .isCloseTo(comparator.compare(pair[1], pair[0]).score(), Offset.offset(1e-9)));
    }

    @Test
    void identicalNamesAlwaysScoreOne() {
        Property.forAll(12L, 1_000, NameComparatorTest::name, a -> {
            Comparison same = comparator.compare(a, a);
            assertThat(same.score()).isEqualTo(1.0);
            assertThat(same.nameScore()).as("the name score, which no cap hides").isEqualTo(1.0);
        });
    }

    @Test
    void nameScoreIsWithinUnitIntervalWithNoCapToHideIt() {
        // The final score is capped at 0 and 1 (birth date and nationality move it); the name score is not capped, so
        // this property checks the alignment itself: matched weight never exceeds the names' weight.
        Property.forAll(13L, 1_000, random -> new String[] {Property.anyString(random), Property.anyString(random)}, pair -> {
            Comparison comparison = comparator.compare(pair[0], pair[1]);
            assertThat(comparison.nameScore()).isBetween(0.0, 1.0);
            assertThat(comparison.score()).as("names alone: the score is the name score").isEqualTo(comparison.nameScore());
        });
        // Names and the same names with one letter changed or one word dropped: the scores near 1, where an overshoot shows.
        Property.forAll(14L, 1_000, random -> {
            String name = name(random);
            String other = random.nextBoolean() ? name.substring(0, name.length() - 1) + "x" : name.replaceFirst("^\\S+ ", "");
            return new String[] {name, other};
        }, pair -> assertThat(comparator.compare(pair[0], pair[1]).nameScore()).isBetween(0.0, 1.0));
    }
}
