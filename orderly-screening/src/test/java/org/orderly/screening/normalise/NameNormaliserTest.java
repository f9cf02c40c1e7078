package org.orderly.screening.normalise;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.orderly.screening.property.Property;

class NameNormaliserTest {
    private final NameNormaliser normaliser = new NameNormaliser();

    @Test
    void transliteratesCyrillicToLatin() {
        assertThat(normaliser.normalise("Александр Пушкин").words()).containsExactly("aleksandr", "puskin");
    }

    @Test
    void transliteratesGreekToLatin() {
        assertThat(normaliser.normalise("Νίκος Παπαδόπουλος").words()).containsExactly("nikos", "papadopoulos");
    }

    @Test
    void transliteratesArabicToLatin() {
        assertThat(normaliser.normalise("محمد").words())
                .hasSize(1)
                .allSatisfy(w -> assertThat(w).startsWith("m"));
    }

    @Test
    void transliteratesChineseToPinyinWithoutTones() {
        assertThat(normaliser.normalise("王小明").text()).isEqualTo("wang xiao ming");
    }

    @Test
    void foldsDiacriticsAndCase() {
        assertThat(normaliser.normalise("ESTÊVÃO Şekim Müller").words()).containsExactly("estevao", "sekim", "muller");
    }

    @Test
    void readsSurnameCommaGivenOrder() {
        assertThat(normaliser.normalise("SALEK, ABDULHAI").words()).containsExactly("abdulhai", "salek");
    }

    @Test
    void dropsGenerationalSuffixAfterComma() {
        assertThat(normaliser.normalise("RUBEN PESTANO LAVILLA, JR").words())
                .containsExactly("ruben", "pestano", "lavilla");
    }

    @Test
    void readsMachineReadableZoneNameOrder() {
        assertThat(normaliser.normalise("ERIKSSON<<ANNA<MARIA<<<<<<").words())
                .containsExactly("anna", "maria", "eriksson");
    }

    @Test
    void removesHonorifics() {
        assertThat(normaliser.normalise("Dr. Sheikh Haji Ahmad Shah").words()).containsExactly("ahmad", "shah");
    }

    @Test
    void marksParticlesAndSplitsGluedArticle() {
        NormalisedName name = normaliser.normalise("Abd al-Rahman Alrashid bin Said");
        assertThat(name.words()).containsExactly("abd", "rahman", "rashid", "said");
        assertThat(name.particles()).containsExactly("al", "al", "bin");
    }

    @Test
    void dropsApostrophesInsideWords() {
        assertThat(normaliser.normalise("MU’TASSIM ‘ALI O'Neil").words()).containsExactly("mutassim", "ali", "oneil");
    }

    @Test
    void readsKhmerBySyllableAndRefusesSymbols() {
        // ICU has no Khmer transliterator: KhmerToLatin reads it syllable by syllable (UNGEGN tables).
        assertThat(normaliser.normalise("សុខ ហេង").words()).containsExactly("sokh", "heng");
        assertThat(normaliser.normalise("★").isEmpty()).isTrue();
    }

    @Test
    void readsLookAlikeDigitsInsideWords() {
        assertThat(normaliser.normalise("J0HN50N 7IM0THY 1984").words()).containsExactly("johnson", "timothy");
    }

    @Test
    void separatesTheSurnameOfAThreeSyllableHangulName() {
        assertThat(normaliser.normalise("김상현").words()).containsExactly("gim", "sanghyeon");
        // 이 reads "i", an initial to the comparator: a one-letter surname is written as its usual spelling (Lee).
        assertThat(normaliser.normalise("이 지민 남궁민수").words()).containsExactly("lee", "jimin", "namgungminsu");
        assertThat(normaliser.normalise("오세훈").words()).containsExactly("oh", "sehun");
        assertThat(normaliser.normalise("I Jimin").words())
                .as("Revised Romanization of 이")
                .containsExactly("lee", "jimin");
        assertThat(normaliser.normalise("An Se-young").words())
                .as("안, not an article")
                .containsExactly("an", "seyoung");
        assertThat(normaliser.normalise("I Smith").tokens())
                .as("an initial of a name that is not Korean")
                .containsExactly(NameToken.word("i"), NameToken.word("smith"));
    }

    @Test
    void normalisationIsIdempotent() {
        Property.forAll(1L, 1_000, Property::anyString, name -> {
            NormalisedName once = normaliser.normalise(name);
            assertThat(normaliser.normalise(once.text())).isEqualTo(new NormalisedName(once.text(), once.tokens()));
        });
    }
}
