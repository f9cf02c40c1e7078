package org.orderly.screening.compare;

import static org.assertj.core.api.Assertions.assertThat;

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
        assertThat(comparator.compare("Abdulhai Salek", "ABDULHAI SALEK").score())
                .isEqualTo(1.0);
    }

    @Test
    void matchesTranslitertionVariants() {
        assertThat(comparator.compare("Mohammed Yousef", "Muhammad Yusuf").match())
                .isTrue();
        assertThat(comparator.compare("Aleksandr Petrov", "Alexander Petrov").match())
                .isTrue();
    }

    @Test
    void matchesArabicParticleSpellings() {
        Comparison comparison = comparator.compare("Abd al-Rahman Khalil", "Abdulrahman Khalil");
        assertThat(comparison.match()).isTrue();
        assertThat(comparison.matches()).anySatisfy(m -> assertThat(m.kind()).isEqualTo(MatchKind.COMPOUND));
    }

    @Test
    void matchesTypoAndReorderedParts() {
        assertThat(comparator
                        .compare("HAFIZ ABDUL SALAM BHUTTAVI", "BHUTTAVI, HAFIZ ABUDL SALAM")
                        .match())
                .isTrue();
    }

    @Test
    void matchesCyrillicAgainstLatin() {
        assertThat(comparator.compare("Владимир Иванов", "Vladimir Ivanov").match())
                .isTrue();
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
        double same = comparator
                .compare(new PersonDetails("Janan Aga", BirthDate.parse("1958-03-01"), "af"), listed)
                .score();
        double none =
                comparator.compare(PersonDetails.named("Janan Aga"), listed).score();
        double far = comparator
                .compare(new PersonDetails("Janan Aga", BirthDate.ofYear(1990), "Afghanistan"), listed)
                .score();
        assertThat(same).isGreaterThan(none);
        assertThat(far).isLessThan(none);
    }

    @Test
    void acceptsTyposOnlyWithinEditsGrowingWithLength() {
        assertThat(similarity("li", "liang")).isZero();
        assertThat(similarity("ali", "aly")).isZero();
        assertThat(similarity("wheeler", "wheelre")).isPositive();
        assertThat(similarity("wheeler", "wheelrex"))
                .as("two letters wrong: a weak pair of its own kind")
                .isCloseTo(MatchRules.TWO_LETTERS_SEVEN, Offset.offset(1e-9));
        assertThat(comparator.compare("Wheeler", "Wheelrex").score())
                .as("with no other part agreeing, not counted")
                .isZero();
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
        assertThat(comparator
                        .compare("Ahmad bin Khalid Salem", "Ahmad Khalid Salem")
                        .match())
                .isTrue();
    }

    @Test
    void hanOrHangulNamesOneCharacterApartAreDifferentPeople() {
        assertThat(comparator.compare("王小明", "王小鸣").match()).isFalse();
        assertThat(comparator.compare("이지민", "이자민").match()).isFalse();
        assertThat(comparator.compare("習近平", "习近平").match())
                .as("traditional and simplified")
                .isTrue();
        assertThat(comparator.compare("王小明", "Wang Xiaoming").match()).isTrue();
    }

    @Test
    void acceptsHypocorismsOfThePublicNicknamesList() {
        java.nio.file.Path list = org.orderly.testing.SharedData.file("names/nicknames.csv");
        NameComparator withList = new NameComparator(
                new org.orderly.screening.normalise.NameNormaliser(),
                NameComparator.DEFAULT_THRESHOLD,
                GivenNameVariants.load(list));
        Comparison bill = withList.compare("Bill Clinton", "William Clinton");
        assertThat(bill.match()).isTrue();
        assertThat(bill.matches()).anySatisfy(m -> assertThat(m.kind()).isEqualTo(MatchKind.HYPOCORISM));
        assertThat(withList.compare("Peggy Smith", "Margaret Smith").match()).isTrue();
        assertThat(withList.compare("Bill Clinton", "Robert Clinton").match())
                .as("the list relates them")
                .isTrue();
        assertThat(withList.compare("Peggy Smith", "Robert Smith").match()).isFalse();
        assertThat(comparator.compare("Bill Clinton", "William Clinton").match())
                .as("without the list")
                .isFalse();
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
        Property.forAll(
                11L,
                1_000,
                random -> new String[] {name(random), name(random)},
                pair -> assertThat(comparator.compare(pair[0], pair[1]).score())
                        .isCloseTo(comparator.compare(pair[1], pair[0]).score(), Offset.offset(1e-9)));
    }

    @Test
    void identicalNamesAlwaysScoreOne() {
        Property.forAll(12L, 1_000, NameComparatorTest::name, a -> {
            Comparison same = comparator.compare(a, a);
            assertThat(same.score()).isEqualTo(1.0);
            assertThat(same.nameScore())
                    .as("the name score, which no cap hides")
                    .isEqualTo(1.0);
        });
    }

    @Test
    void nameScoreIsWithinUnitIntervalWithNoCapToHideIt() {
        // The final score is capped at 0 and 1 (birth date and nationality move it); the name score is not capped, so
        // this property checks the alignment itself: matched weight never exceeds the names' weight.
        Property.forAll(
                13L, 1_000, random -> new String[] {Property.anyString(random), Property.anyString(random)}, pair -> {
                    Comparison comparison = comparator.compare(pair[0], pair[1]);
                    assertThat(comparison.nameScore()).isBetween(0.0, 1.0);
                    assertThat(comparison.score())
                            .as("names alone: the score is the name score")
                            .isEqualTo(comparison.nameScore());
                });
        // Names and the same names with one letter changed or one word dropped: the scores near 1, where an overshoot
        // shows.
        Property.forAll(
                14L,
                1_000,
                random -> {
                    String name = name(random);
                    String other = random.nextBoolean()
                            ? name.substring(0, name.length() - 1) + "x"
                            : name.replaceFirst("^\\S+ ", "");
                    return new String[] {name, other};
                },
                pair -> assertThat(comparator.compare(pair[0], pair[1]).nameScore())
                        .isBetween(0.0, 1.0));
    }

    // Issue 26: the six name classes a held-out benchmark missed (figures per class in docs/bench/screening.md).

    @Test
    void shortQueryFoundInOrderInALongerListedNameMatches() {
        assertThat(comparator
                        .compare("Ahmad Karimi", "Ahmad Mahmoud Hassan Karimi")
                        .match())
                .isTrue();
        assertThat(comparator
                        .compare("Mahmoud Karimi", "Ahmad Mahmoud Hassan Karimi")
                        .match())
                .as("the father's given name with the family's surname")
                .isFalse();
        assertThat(comparator
                        .compare("Karimi Ahmad", "Ahmad Mahmoud Hassan Karimi")
                        .score())
                .as("out of order: no ordered share")
                .isLessThan(comparator
                        .compare("Ahmad Karimi", "Ahmad Mahmoud Hassan Karimi")
                        .score());
    }

    @Test
    void shippedHypocorismsBeyondEnglishMatchWithoutAList() {
        assertThat(comparator.compare("Sasha Petrov", "Aleksandr Petrov").match())
                .isTrue();
        assertThat(comparator.compare("Pepe Garcia", "Jose Garcia").match()).isTrue();
        assertThat(comparator.compare("Pepe Garcia", "Juan Garcia").match())
                .as("another given name")
                .isFalse();
    }

    @Test
    void grammaticalFormsOfOneSurnameMatch() {
        assertThat(comparator.compare("Ruta Vaitkute", "Ruta Vaitkus").match())
                .as("Lithuanian -ute / -us")
                .isTrue();
        assertThat(comparator.compare("Anna Dvorakova", "Anna Dvorak").match())
                .as("Czech -ova")
                .isTrue();
        assertThat(comparator.compare("Aleksandrs Petrovs", "Aleksandr Petrov").match())
                .as("Latvian -s")
                .isTrue();
        assertThat(comparator.compare("Anna Ivanova", "Anna Ivakina").match())
                .as("another stem")
                .isFalse();
    }

    @Test
    void romanisationSystemsOfOneNameMatch() {
        assertThat(comparator.compare("Mao Tse-tung", "Mao Zedong").match())
                .as("Wade-Giles")
                .isTrue();
        assertThat(comparator.compare("Teng Hsiao-p'ing", "Deng Xiaoping").match())
                .as("aspirate apostrophe")
                .isTrue();
        assertThat(comparator.compare("Zhang Wei", "Chang Wei").match())
                .as("two Pinyin surnames")
                .isFalse();
        assertThat(comparator.compare("Kim Jong-il", "Gim Jeong-il").match())
                .as("McCune-Reischauer, Revised")
                .isTrue();
        assertThat(comparator.compare("Abd al-Aziz Rahim", "Abdul Aziz Rahim").match())
                .isTrue();
    }

    @Test
    void scriptsIcuReadsPoorlyMatchTheirUsualSpelling() {
        assertThat(comparator.compare("ហ៊ុន សែន", "Hun Sen").match())
                .as("Khmer")
                .isTrue();
        assertThat(comparator.compare("ហ៊ុន សែន", "Sok Heng").match()).isFalse();
        assertThat(comparator.compare("ኃይለ ሥላሴ", "Haile Selassie").match())
                .as("Ethiopic")
                .isTrue();
        assertThat(comparator.compare("አበበ ቢቂላ", "Abebe Kebede").match()).isFalse();
        assertThat(comparator
                        .compare("শেখ মুজিবুর রহমান", "Sheikh Mujibur Rahman")
                        .match())
                .as("Bengali")
                .isTrue();
    }

    @Test
    void twoLettersWrongInASurnameCountOnlyWhereTheGivenNameIsExact() {
        Comparison twoWrong = comparator.compare("Jonas Kessler", "Jonas Kassner");
        assertThat(twoWrong.match()).isTrue();
        assertThat(twoWrong.matches()).anySatisfy(m -> assertThat(m.kind()).isEqualTo(MatchKind.TWO_LETTERS));
        assertThat(comparator.compare("Lukas Kessler", "Jonas Kassner").match()).isFalse();
        assertThat(comparator.compare("Jona Kessler", "Jonas Kassner").match())
                .as("given name not exact")
                .isFalse();
    }

    @Test
    void koreanGivenNamesWhoseSyllablesDifferAreNotSpellingVariants() {
        assertThat(comparator.compare("영환 주", "JO YONG-WON").match())
                .as("Yeonghwan is not Yong-won")
                .isFalse();
        assertThat(comparator.compare("Ju Yeonghwan", "Chu Yong-hwan").match())
                .as("one name in two systems")
                .isTrue();
    }

    @Test
    void aKoreanSyllableInTheOtherSystemCountsOnlyWhenEveryPartHasAPartner() {
        // Same birth date and nationality add 0.07: the name must stay below 0.79 for a different person.
        BirthDate born = BirthDate.parse("1970-03-01");
        PersonDetails listed = new PersonDetails("KIM YONG CHOL", born, "kp");
        assertThat(comparator
                        .compare(new PersonDetails("영호 김", born, "kp"), listed)
                        .match())
                .as("Gim for Kim, and Yeongho for one syllable of Yong Chol")
                .isFalse();
        assertThat(comparator
                        .compare(
                                new PersonDetails("하윤 선영 장", born, "kp"),
                                new PersonDetails("JANG YONG SON", born, "kp"))
                        .match())
                .as("Hayun left without partner")
                .isFalse();
        assertThat(comparator.compare("김정일", "KIM JONG IL").match())
                .as("every syllable has its partner")
                .isTrue();
        assertThat(comparator.compare("Gim Jeong Il", "Kim Jong Il").matches())
                .anySatisfy(m -> assertThat(m.kind()).isEqualTo(MatchKind.KOREAN_SYLLABLE));
    }

    @Test
    void koreanNamesMeetTheirHangulInTheSpellingsTheirBearersUse() {
        // Popular spellings of the given name's syllables (Chung Hee, Suk, Myung, Moo) and of surnames (Park, Lee,
        // Roh).
        for (String[] pair : new String[][] {
            {"Park Chung Hee", "박정희"},
            {"Lee Myung-bak", "이명박"},
            {"Yoon Suk Yeol", "윤석열"},
            {"Roh Moo-hyun", "노무현"},
            {"Roh Moo Hyun", "No Mu Hyeon"},
            {"Ri Sol-ju", "리설주"},
            {"Syngman Rhee", "이승만"},
            {"An Se-young", "안세영"},
            {"I Myeongbak", "Lee Myung-bak"}
        }) {
            assertThat(comparator.compare(pair[0], pair[1]).match())
                    .as("%s / %s", pair[0], pair[1])
                    .isTrue();
        }
    }

    @Test
    void aKoreanSurnameInAnotherSpellingWithAnotherGivenNameIsAnotherPerson() {
        BirthDate born = BirthDate.parse("1917-11-14");
        assertThat(comparator
                        .compare(new PersonDetails("Park Chung Hee", born, "kr"), new PersonDetails("박정호", born, "kr"))
                        .match())
                .as("Jeongho is not Chung Hee")
                .isFalse();
        assertThat(comparator
                        .compare(new PersonDetails("Lee Myung-bak", born, "kr"), new PersonDetails("이명수", born, "kr"))
                        .match())
                .as("Myeongsu is not Myung-bak")
                .isFalse();
        assertThat(comparator
                        .compare(new PersonDetails("Cho Yong-ho", born, "kr"), new PersonDetails("주용호", born, "kr"))
                        .match())
                .as("Ju is not Cho")
                .isFalse();
        assertThat(comparator.compare("Park Ji-sung", "Pak Chi-song").match())
                .as("a popular spelling against McCune-Reischauer: too loose to say")
                .isFalse();
    }

    @Test
    void twoKoreanNamesWhoseSyllablesDifferAreNotTyposOfEachOther() {
        // Different persons (a president and an official, two actors and a businessman, two brothers) one syllable
        // apart: Latin typo and skeleton rules would take Young-sam for Jong-nam.
        for (String[] pair : new String[][] {
            {"Kim Young-sam", "Kim Jong-nam"},
            {"Lee Byung-hun", "Lee Byung-chul"},
            {"Lee Jae-myung", "Lee Jae-yong"},
            {"Chung Mong-joon", "Chung Mong-koo"}
        }) {
            assertThat(comparator.compare(pair[0], pair[1]).match())
                    .as("%s / %s", pair[0], pair[1])
                    .isFalse();
        }
        assertThat(comparator.compare("Daniel Lee", "Danial Lee").match())
                .as("a given name of three syllables is not read as Korean")
                .isTrue();
    }

    @Test
    void aNameWrittenInHanIsNotReadAsKoreanSyllables() {
        // "li" read from 丽 is Pinyin: it is not the Korean surname Ri (the Korean reading of 리 is also "li").
        assertThat(comparator.compare("丽 杰 岑", "RI JE-SON").matches())
                .noneSatisfy(m -> assertThat(m.kind()).isEqualTo(MatchKind.KOREAN_SYLLABLE));
        assertThat(comparator.compare("리 제선", "RI JE-SON").match()).isTrue();
    }

    @Test
    void aNameReadFromHangulMeetsAnotherKoreanReadingOnlyThroughTheRomanisationSystems() {
        BirthDate born = BirthDate.parse("1981-06-12");
        assertThat(comparator
                        .compare(new PersonDetails("민수 혜진 윤", born, "kp"), new PersonDetails("YUN HO-JIN", born, "kp"))
                        .match())
                .as("Hyejin is not Ho-jin")
                .isFalse();
        assertThat(comparator
                        .compare(new PersonDetails("영희 최", born, "kp"), new PersonDetails("CHOE CHUN YONG", born, "kp"))
                        .match())
                .as("Yeonghui is not Yong")
                .isFalse();
        assertThat(comparator
                        .compare(new PersonDetails("중수 양", born, "kp"), new PersonDetails("JANG YONG SON", born, "kp"))
                        .match())
                .as("Yang is not Jang, Jungsu not Yong-son")
                .isFalse();
        assertThat(comparator.compare("혜진 윤", "Yun Hye-jin").match())
                .as("the same syllables")
                .isTrue();
        assertThat(comparator.compare("반기문", "Ban Ki-moon").match())
                .as("a popular spelling")
                .isTrue();
        assertThat(comparator.compare("김영삼", "Kim Young-sam").match())
                .as("a popular spelling, written apart")
                .isTrue();
        // Between two names that read wholly as Korean (a surname of the table, given names of one or two syllables),
        // a syllable a letter apart is another syllable in Latin too (혜 / 호); other Latin names keep the Latin rules.
        assertThat(comparator.compare("Hyejin Yun", "Hojin Yun").match()).isFalse();
        assertThat(comparator.compare("Hyejin Yun", "Hyejjn Yun").score())
                .as("a typo that is no Korean syllable")
                .isGreaterThan(0.86);
    }
}
