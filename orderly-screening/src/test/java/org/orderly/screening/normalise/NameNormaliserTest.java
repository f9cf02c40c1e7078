package org.orderly.screening.normalise;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

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
        assertThat(normaliser.normalise("محمد").words()).hasSize(1).allSatisfy(w -> assertThat(w).startsWith("m"));
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
        assertThat(normaliser.normalise("RUBEN PESTANO LAVILLA, JR").words()).containsExactly("ruben", "pestano", "lavilla");
    }

    @Test
    void readsMachineReadableZoneNameOrder() {
        assertThat(normaliser.normalise("ERIKSSON<<ANNA<MARIA<<<<<<").words()).containsExactly("anna", "maria", "eriksson");
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

    @Property
    boolean normalisationIsIdempotent(@ForAll String name) {
        NormalisedName once = normaliser.normalise(name);
        return normaliser.normalise(once.text()).equals(new NormalisedName(once.text(), once.tokens()));
    }
}
