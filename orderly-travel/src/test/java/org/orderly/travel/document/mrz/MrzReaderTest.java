package org.orderly.travel.document.mrz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MrzReaderTest {

    private static final LocalDate ON = LocalDate.of(2026, 11, 23);
    private final MrzReader reader = MrzReader.on(ON);

    // Doc 9303 Part 4 specimen passport of the fictitious state Utopia.
    private static final String[] TD3_SPECIMEN = {
        "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10"
    };
    private static final String[] TD1_SPECIMEN = {
        "I<UTOD231458907<<<<<<<<<<<<<<<", "7408122F1204159UTO<<<<<<<<<<<6", "ERIKSSON<<ANNA<MARIA<<<<<<<<<<"
    };
    private static final String[] TD2_SPECIMEN = {
        "I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", "D231458907UTO7408122F1204159<<<<<<<6"
    };
    private static final String[] MRV_A_SPECIMEN = {
        "V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L8988901C4XXX4009078F96121096ZE184226B<<<<<<"
    };
    private static final String[] MRV_B_SPECIMEN = {
        "V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", "L8988901C4XXX4009078F9612109<<<<<<<<"
    };

    @Test
    void specimensAreTheZonesTheTestBuilderMakesByHand() {
        assertThat(Zones.td3(
                        "P", "UTO", "ERIKSSON", "ANNA MARIA", "L898902C3", "UTO", "740812", 'F', "120415", "ZE184226B"))
                .containsExactly(TD3_SPECIMEN);
        assertThat(Zones.td1("I", "UTO", "ERIKSSON", "ANNA MARIA", "D23145890", "UTO", "740812", 'F', "120415", "", ""))
                .containsExactly(TD1_SPECIMEN);
        assertThat(Zones.td2("I", "UTO", "ERIKSSON", "ANNA MARIA", "D23145890", "UTO", "740812", 'F', "120415", ""))
                .containsExactly(TD2_SPECIMEN);
        assertThat(Zones.visa(
                        44, "UTO", "ERIKSSON", "ANNA MARIA", "L8988901C", "XXX", "400907", 'F', "961210", "6ZE184226B"))
                .containsExactly(MRV_A_SPECIMEN);
        assertThat(Zones.visa(36, "UTO", "ERIKSSON", "ANNA MARIA", "L8988901C", "XXX", "400907", 'F', "961210", ""))
                .containsExactly(MRV_B_SPECIMEN);
    }

    @Test
    void readsTd3PassportSpecimenWithEveryCheck() {
        Mrz mrz = reader.read(TD3_SPECIMEN);

        assertThat(mrz.format()).isEqualTo(MrzFormat.TD3);
        assertThat(mrz.documentCode()).isEqualTo("P");
        assertThat(mrz.issuingState()).isEqualTo("UTO");
        assertThat(mrz.primaryIdentifier()).isEqualTo("ERIKSSON");
        assertThat(mrz.secondaryIdentifier()).isEqualTo("ANNA MARIA");
        assertThat(mrz.nameTruncated()).isFalse();
        assertThat(mrz.documentNumber()).isEqualTo("L898902C3");
        assertThat(mrz.nationality()).isEqualTo("UTO");
        assertThat(mrz.birthDate()).isEqualTo(LocalDate.of(1974, 8, 12));
        assertThat(mrz.sex()).isEqualTo(Sex.FEMALE);
        assertThat(mrz.expiryDate()).isEqualTo(LocalDate.of(2012, 4, 15));
        assertThat(mrz.optionalData()).isEqualTo("ZE184226B");
        assertThat(mrz.checks())
                .extracting(Check::name)
                .containsExactly(
                        Check.DOCUMENT_NUMBER,
                        Check.BIRTH_DATE,
                        Check.EXPIRY_DATE,
                        Check.OPTIONAL_DATA,
                        Check.COMPOSITE);
        assertThat(mrz.checks()).allMatch(Check::passed);
        assertThat(mrz.checks())
                .extracting(Check::expected)
                .containsExactly(
                        Zones.digit("L898902C3"),
                        Zones.digit("740812"),
                        Zones.digit("120415"),
                        Zones.digit("ZE184226B<<<<<"),
                        Zones.digit("L898902C36" + "7408122" + "1204159ZE184226B<<<<<1"));
        assertThat(mrz.check(Check.COMPOSITE).orElseThrow().digitPosition()).isEqualTo(Span.at(2, 44));
        assertThat(mrz.valid()).isTrue();
        // The specimen expired in 2012 and Utopia is fictitious: warnings, not errors.
        assertThat(mrz.warnings())
                .extracting(Finding::code)
                .contains(Finding.EXPIRED, Finding.UNKNOWN_ISSUING_STATE, Finding.UNKNOWN_NATIONALITY);
        assertThat(mrz.errors()).isEmpty();
    }

    @Test
    void readsTd1IdentityCardSpecimen() {
        Mrz mrz = reader.read(TD1_SPECIMEN);

        assertThat(mrz.format()).isEqualTo(MrzFormat.TD1);
        assertThat(mrz.documentCode()).isEqualTo("I");
        assertThat(mrz.documentNumber()).isEqualTo("D23145890");
        assertThat(mrz.primaryIdentifier()).isEqualTo("ERIKSSON");
        assertThat(mrz.secondaryIdentifier()).isEqualTo("ANNA MARIA");
        assertThat(mrz.birthDate()).isEqualTo(LocalDate.of(1974, 8, 12));
        assertThat(mrz.expiryDate()).isEqualTo(LocalDate.of(2012, 4, 15));
        assertThat(mrz.check(Check.DOCUMENT_NUMBER).orElseThrow().expected())
                .isEqualTo(Zones.digit("D23145890"))
                .isEqualTo('7');
        assertThat(mrz.check(Check.COMPOSITE).orElseThrow().expected()).isEqualTo('6');
        assertThat(mrz.valid()).isTrue();
    }

    @Test
    void readsTd2Specimen() {
        Mrz mrz = reader.read(TD2_SPECIMEN);

        assertThat(mrz.format()).isEqualTo(MrzFormat.TD2);
        assertThat(mrz.documentNumber()).isEqualTo("D23145890");
        assertThat(mrz.secondaryIdentifier()).isEqualTo("ANNA MARIA");
        assertThat(mrz.checks()).hasSize(4).allMatch(Check::passed);
        assertThat(mrz.valid()).isTrue();
    }

    @Test
    void readsVisaSpecimensWithoutCompositeCheck() {
        Mrz a = reader.read(MRV_A_SPECIMEN);
        Mrz b = reader.read(MRV_B_SPECIMEN);

        assertThat(a.format()).isEqualTo(MrzFormat.MRV_A);
        assertThat(b.format()).isEqualTo(MrzFormat.MRV_B);
        for (Mrz visa : new Mrz[] {a, b}) {
            assertThat(visa.documentCode()).isEqualTo("V");
            assertThat(visa.documentNumber()).isEqualTo("L8988901C");
            assertThat(visa.nationality()).isEqualTo("XXX");
            assertThat(visa.birthDate()).isEqualTo(LocalDate.of(1940, 9, 7));
            assertThat(visa.expiryDate()).isEqualTo(LocalDate.of(1996, 12, 10));
            assertThat(visa.check(Check.COMPOSITE)).isEmpty();
            assertThat(visa.checks()).hasSize(3).allMatch(Check::passed);
            assertThat(visa.valid()).isTrue();
            assertThat(visa.has(Finding.UNKNOWN_NATIONALITY))
                    .as("XXX (unspecified nationality) is a Doc 9303 code")
                    .isFalse();
        }
        assertThat(a.optionalData()).isEqualTo("6ZE184226B");
    }

    @Test
    void readsTd1LongDocumentNumberFromTheOptionalData() {
        String[] zone =
                Zones.td1("I", "UTO", "ERIKSSON", "ANNA", "D23145890734", "UTO", "740812", 'F', "300415", "AB12", "");
        assertThat(zone[0]).startsWith("I<UTOD23145890<734" + Zones.digit("D23145890734") + "<AB12");

        Mrz mrz = reader.read(zone);

        assertThat(mrz.documentNumber()).isEqualTo("D23145890734");
        assertThat(mrz.optionalData()).isEqualTo("AB12");
        Check number = mrz.check(Check.DOCUMENT_NUMBER).orElseThrow();
        assertThat(number.passed()).isTrue();
        assertThat(number.digitPosition()).isEqualTo(Span.at(1, 19));
        assertThat(number.positions()).contains(new Span(1, 6, 14), new Span(1, 16, 18));
        assertThat(mrz.valid()).isTrue();
    }

    @Test
    void readsTd2LongDocumentNumberFromTheOptionalData() {
        String number = "D2314589073";
        String line2 = "D23145890<UTO7408122F300415" + Zones.digit("300415") + "73" + Zones.digit(number) + "<<<<";
        String composite = line2.substring(0, 10) + line2.substring(13, 20) + line2.substring(21, 35);
        String[] zone = {TD2_SPECIMEN[0], line2 + Zones.digit(composite)};

        Mrz mrz = reader.read(zone);

        assertThat(mrz.documentNumber()).isEqualTo(number);
        assertThat(mrz.optionalData()).isEmpty();
        assertThat(mrz.check(Check.DOCUMENT_NUMBER).orElseThrow().digitPosition())
                .isEqualTo(Span.at(2, 31));
        assertThat(mrz.valid()).isTrue();
    }

    @Test
    void repairInTd1OptionalDataIsConfirmedByTheCompositeOnly() {
        String[] zone =
                Zones.td1("I", "UTO", "ERIKSSON", "ANNA", "D23145890", "UTO", "740812", 'F', "300415", "", "8X");
        String[] misread = Zones.replace(zone, 2, 19, 'B');

        Mrz repaired = reader.withRepair(true).read(misread);

        assertThat(reader.read(misread).check(Check.COMPOSITE).orElseThrow().passed())
                .isFalse();
        assertThat(repaired.optionalData2()).isEqualTo("8X");
        assertThat(repaired.repairs()).containsExactly(new Repair(2, 19, 'B', '8', Check.COMPOSITE));
        assertThat(repaired.valid()).isTrue();
    }

    @Test
    void rejectsTd3WithWrongCompositeCheckDigit() {
        Mrz mrz = reader.read(Zones.replace(TD3_SPECIMEN, 2, 44, '1'));

        Check composite = mrz.check(Check.COMPOSITE).orElseThrow();
        assertThat(composite.passed()).isFalse();
        assertThat(composite.actual()).isEqualTo('1');
        assertThat(composite.expected()).isEqualTo('0');
        assertThat(mrz.checks())
                .filteredOn(c -> !c.passed())
                .extracting(Check::name)
                .containsExactly(Check.COMPOSITE);
        assertThat(mrz.valid()).isFalse();
    }

    @Test
    void oneDigitChangedInTheBirthDateFailsItsCheckAndTheComposite() {
        Mrz mrz = reader.read(Zones.replace(TD3_SPECIMEN, 2, 15, '5'));

        assertThat(mrz.birthDate()).isEqualTo(LocalDate.of(1975, 8, 12));
        assertThat(mrz.checks())
                .filteredOn(c -> !c.passed())
                .extracting(Check::name)
                .containsExactly(Check.BIRTH_DATE, Check.COMPOSITE);
        assertThat(mrz.valid()).isFalse();
    }

    @Test
    void oneCharacterChangedInTheDocumentNumberFailsItsCheck() {
        Mrz mrz = reader.read(Zones.replace(TD1_SPECIMEN, 1, 8, '4'));

        assertThat(mrz.check(Check.DOCUMENT_NUMBER).orElseThrow().passed()).isFalse();
        assertThat(mrz.check(Check.COMPOSITE).orElseThrow().passed()).isFalse();
    }

    @Test
    void lineTooShortIsAnErrorNamingLineAndColumn() {
        String[] zone = {TD3_SPECIMEN[0], TD3_SPECIMEN[1].substring(0, 43)};

        assertThatThrownBy(() -> reader.read(zone)).isInstanceOfSatisfying(MrzException.class, e -> {
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.column()).isEqualTo(44);
            assertThat(e.getMessage()).contains("43 characters, expected 44");
        });
    }

    @Test
    void illegalCharacterIsAnErrorNamingLineAndColumn() {
        String[] zone = Zones.replace(TD1_SPECIMEN, 3, 5, 's');

        assertThatThrownBy(() -> reader.read(zone)).isInstanceOfSatisfying(MrzException.class, e -> {
            assertThat(e.line()).isEqualTo(3);
            assertThat(e.column()).isEqualTo(5);
            assertThat(e.reason()).contains("illegal character 's'");
        });
    }

    @Test
    void wrongNumberOfLinesIsAnError() {
        assertThatThrownBy(() -> reader.read(TD3_SPECIMEN[0]))
                .isInstanceOf(MrzException.class)
                .hasMessageContaining("found 1");
        assertThatThrownBy(() -> reader.read("A", "B", "C", "D")).isInstanceOf(MrzException.class);
    }

    @Test
    void letterWhereADigitMustBeIsAnErrorAtItsColumn() {
        Mrz mrz = reader.read(Zones.replace(TD3_SPECIMEN, 2, 17, 'O'));

        assertThat(mrz.birthDate()).isNull();
        assertThat(mrz.errors()).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo(Finding.NOT_A_DIGIT);
            assertThat(f.position()).isEqualTo(Span.at(2, 17));
        });
        assertThat(mrz.valid()).isFalse();
    }

    @Test
    void digitInANameIsAnError() {
        Mrz mrz = reader.read(Zones.replace(TD3_SPECIMEN, 1, 7, '8'));

        assertThat(mrz.errors())
                .extracting(Finding::code, Finding::position)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Finding.NOT_A_LETTER, Span.at(1, 7)));
    }

    @Test
    void birthCenturyIsTheLatestThatIsNotInTheFuture() {
        String[] born2026 = Zones.td3("P", "UTO", "A", "B", "X1", "UTO", "261122", 'M', "360101", "");
        String[] bornTomorrow = Zones.td3("P", "UTO", "A", "B", "X1", "UTO", "261124", 'M', "360101", "");
        String[] born1931 = Zones.td3("P", "UTO", "A", "B", "X1", "UTO", "310101", 'M', "360101", "");

        assertThat(reader.read(born2026).birthDate()).isEqualTo(LocalDate.of(2026, 11, 22));
        assertThat(reader.read(bornTomorrow).birthDate()).isEqualTo(LocalDate.of(1926, 11, 24));
        assertThat(reader.read(born1931).birthDate()).isEqualTo(LocalDate.of(1931, 1, 1));
        assertThat(MrzReader.on(LocalDate.of(1999, 1, 1)).read(born2026).birthDate())
                .isEqualTo(LocalDate.of(1926, 11, 22));
    }

    @Test
    void expiryCenturyLiesWithinFiftyYearsOfTheReferenceDate() {
        String[] expires36 = Zones.td3("P", "UTO", "A", "B", "X1", "UTO", "800101", 'M', "360101", "");
        String[] expires99 = Zones.td3("P", "UTO", "A", "B", "X1", "UTO", "800101", 'M', "991231", "");

        assertThat(reader.read(expires36).expiryDate()).isEqualTo(LocalDate.of(2036, 1, 1));
        assertThat(reader.read(expires99).expiryDate()).isEqualTo(LocalDate.of(1999, 12, 31));
        assertThat(MrzReader.on(LocalDate.of(1995, 6, 1)).read(expires36).expiryDate())
                .isEqualTo(LocalDate.of(2036, 1, 1));
    }

    @Test
    void expiryIsAWarningOnlyAfterTheDate() {
        String[] zone = Zones.td3("P", "UTO", "A", "B", "X1", "UTO", "800101", 'M', "270101", "");

        assertThat(reader.read(zone).has(Finding.EXPIRED)).isFalse();
        Mrz later = MrzReader.on(LocalDate.of(2027, 1, 2)).read(zone);
        assertThat(later.has(Finding.EXPIRED)).isTrue();
        assertThat(later.valid()).isTrue();
    }

    @Test
    void invalidCalendarDateIsAnError() {
        Mrz mrz = reader.read(Zones.td3("P", "UTO", "A", "B", "X1", "UTO", "810229", 'M', "300101", ""));

        assertThat(mrz.birthDate()).isNull();
        assertThat(mrz.errors()).extracting(Finding::code).containsExactly(Finding.INVALID_DATE);
        assertThat(mrz.check(Check.BIRTH_DATE).orElseThrow().passed()).isTrue();
        assertThat(mrz.valid()).isFalse();
    }

    @Test
    void unknownBirthDatePartsAreAWarning() {
        Mrz mrz = reader.read(Zones.td3("P", "UTO", "A", "B", "X1", "UTO", "74<<<<", 'M', "300101", ""));

        assertThat(mrz.birthDate()).isNull();
        assertThat(mrz.has(Finding.BIRTH_DATE_UNKNOWN)).isTrue();
        assertThat(mrz.valid()).isTrue();
    }

    @Test
    void knownStatesCanBeSupplied() {
        MrzReader utopian = reader.withKnownStates(Set.of("UTO")::contains);

        assertThat(utopian.read(TD3_SPECIMEN).has(Finding.UNKNOWN_ISSUING_STATE))
                .isFalse();
        assertThat(reader.read(Zones.td3("P", "D", "A", "B", "X1", "NLD", "800101", 'M', "300101", ""))
                        .warnings())
                .isEmpty();
    }

    @Test
    void namesWithoutSecondaryIdentifierAndTruncatedNames() {
        Mrz single = reader.read(Zones.td3("P", "UTO", "MADONNA", "", "X1", "UTO", "800101", 'F', "300101", ""));
        assertThat(single.primaryIdentifier()).isEqualTo("MADONNA");
        assertThat(single.secondaryIdentifier()).isEmpty();

        Mrz compound = reader.read(
                Zones.td3("P", "UTO", "DE LA CRUZ", "MARIA  JOSE", "X1", "UTO", "800101", 'F', "300101", ""));
        assertThat(compound.primaryIdentifier()).isEqualTo("DE LA CRUZ");
        assertThat(compound.secondaryIdentifier()).isEqualTo("MARIA JOSE");

        Mrz truncated = reader.read(Zones.td3(
                "P",
                "UTO",
                "VANDERSTRAATENHOOGHEIMST",
                "WILHELMINA KONSTANTINA",
                "X1",
                "UTO",
                "800101",
                'F',
                "300101",
                ""));
        assertThat(truncated.nameTruncated()).isTrue();
        assertThat(truncated.has(Finding.NAME_TRUNCATED)).isTrue();
        assertThat(truncated.secondaryIdentifier()).isEqualTo("WILHELMINA KO");
    }

    @Test
    void emptyPersonalNumberMayHaveAFillerCheckDigit() {
        Mrz mrz = reader.read(Zones.td3("P", "UTO", "A", "B", "X1", "UTO", "800101", 'M', "300101", ""));

        assertThat(mrz.lines().get(1).charAt(42)).isEqualTo('<');
        assertThat(mrz.check(Check.OPTIONAL_DATA).orElseThrow().passed()).isTrue();
        assertThat(mrz.valid()).isTrue();
    }

    @Test
    void readsZoneTextWithLineBreaksAndSpaces() {
        Mrz mrz = reader.readText("  " + TD2_SPECIMEN[0] + "\r\n\n" + TD2_SPECIMEN[1] + "  \n");

        assertThat(mrz.format()).isEqualTo(MrzFormat.TD2);
        assertThat(mrz.valid()).isTrue();
    }

    @Test
    void repairConfirmedByTheBirthDateCheckDigit() {
        // The last digit of the birth date 740812 misread as Z.
        String[] misread = Zones.replace(TD3_SPECIMEN, 2, 19, 'Z');

        Mrz strict = reader.read(misread);
        Mrz repaired = reader.withRepair(true).read(misread);

        assertThat(strict.valid()).isFalse();
        assertThat(repaired.valid()).isTrue();
        assertThat(repaired.birthDate()).isEqualTo(LocalDate.of(1974, 8, 12));
        assertThat(repaired.repairs()).containsExactly(new Repair(2, 19, 'Z', '2', Check.BIRTH_DATE));
        assertThat(repaired.lines()).containsExactly(TD3_SPECIMEN);
    }

    @Test
    void repairOfTheDocumentNumberConfirmedByItsCheckDigit() {
        String[] zone = Zones.td3("P", "UTO", "A", "B", "AB1050", "UTO", "800101", 'M', "300101", "");
        String[] misread = Zones.replace(zone, 2, 4, 'O');

        Mrz repaired = reader.withRepair(true).read(misread);

        assertThat(repaired.documentNumber()).isEqualTo("AB1050");
        assertThat(repaired.repairs()).containsExactly(new Repair(2, 4, 'O', '0', Check.DOCUMENT_NUMBER));
        assertThat(repaired.valid()).isTrue();
    }

    @Test
    void repairIsRefusedWhenTheCheckDigitDoesNotConfirmIt() {
        // The birth date 740812 misread as 74O8I2: O→0 and I→1 gives 740812, but the check digit was also misread
        // (2→7).
        String[] misread =
                Zones.replace(Zones.replace(Zones.replace(TD3_SPECIMEN, 2, 16, 'O'), 2, 18, 'I'), 2, 20, '7');

        Mrz repaired = reader.withRepair(true).read(misread);

        assertThat(repaired.repairs()).isEmpty();
        assertThat(repaired.lines()).containsExactly(misread);
        assertThat(repaired.valid()).isFalse();
    }

    @Test
    void repairOfAStateCodeIsConfirmedByTheKnownCodes() {
        String[] zone = Zones.td3("P", "NLD", "A", "B", "X1", "NLD", "800101", 'M', "300101", "");
        String[] misread = Zones.replace(zone, 2, 13, '8');
        String[] gbr = Zones.td3("P", "GBR", "A", "B", "X1", "GBR", "800101", 'M', "300101", "");
        String[] gbrMisread = Zones.replace(gbr, 1, 4, '8');

        Mrz repaired = reader.withRepair(true).read(gbrMisread);

        assertThat(repaired.issuingState()).isEqualTo("GBR");
        assertThat(repaired.repairs()).containsExactly(new Repair(1, 4, '8', 'B', "knownState"));
        assertThat(reader.withRepair(true).read(misread).repairs())
                .as("NL8 has no known reading: nothing is changed")
                .isEmpty();
    }

    @Test
    void strictReaderNeverRepairs() {
        Mrz strict = reader.read(Zones.replace(TD3_SPECIMEN, 2, 19, 'Z'));

        assertThat(strict.repairs()).isEmpty();
        assertThat(strict.lines().get(1).charAt(18)).isEqualTo('Z');
    }

    @Test
    void checkDigitMatchesHandComputation() {
        for (String s : new String[] {"L898902C3", "740812", "ZE184226B<<<<<", "D23145890734", "<<<", "AZ09"}) {
            assertThat(CheckDigit.of(s)).as(s).isEqualTo(Zones.digit(s));
        }
    }
}
