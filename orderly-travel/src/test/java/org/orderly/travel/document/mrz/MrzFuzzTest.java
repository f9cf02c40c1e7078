package org.orderly.travel.document.mrz;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Properties over random and mutated zones: the reader only ever answers with an {@link Mrz} or an {@link MrzException}. */
class MrzFuzzTest {

    private static final LocalDate ON = LocalDate.of(2026, 11, 23);
    private static final MrzReader STRICT = MrzReader.on(ON);
    private static final MrzReader REPAIRING = STRICT.withRepair(true);
    private static final String ZONE_CHARACTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<";

    @Property(tries = 2000)
    void randomLinesGiveAZoneOrAnMrzException(@ForAll("randomLines") List<String> lines) {
        readOnlyThrowingMrzException(STRICT, lines.toArray(new String[0]));
        readOnlyThrowingMrzException(REPAIRING, lines.toArray(new String[0]));
    }

    @Property(tries = 3000)
    void singleMutationsOfValidZonesGiveAZoneOrAnMrzException(@ForAll("validZones") String[] zone,
            @ForAll @IntRange(min = 0, max = 200) int where, @ForAll("anyCharacter") char replacement) {
        int line = where % zone.length;
        int column = where % zone[line].length();
        String[] mutated = Zones.replace(zone, line + 1, column + 1, replacement);

        readOnlyThrowingMrzException(STRICT, mutated);
        readOnlyThrowingMrzException(REPAIRING, mutated);
    }

    @Property(tries = 2000)
    void validZonesRoundTrip(@ForAll("fields") Fields f) {
        String[] zone = f.zone();

        Mrz mrz = STRICT.read(zone);

        assertThat(mrz.valid()).as(String.join("\n", zone) + "\n" + mrz).isTrue();
        assertThat(mrz.format()).isEqualTo(f.format);
        assertThat(mrz.lines()).containsExactly(zone);
        assertThat(mrz.documentNumber()).isEqualTo(f.number);
        assertThat(mrz.primaryIdentifier()).isEqualTo(f.primary);
        assertThat(mrz.secondaryIdentifier()).isEqualTo(f.secondary);
        assertThat(mrz.birthDate()).isNotNull().isBeforeOrEqualTo(ON);
        assertThat(mrz.birthDate().toString().substring(2).replace("-", "")).isEqualTo(f.birth);
        assertThat(REPAIRING.read(zone)).isEqualTo(mrz);
    }

    @Property(tries = 2000)
    void anyOtherDigitInADateFailsItsCheck(@ForAll("fields") Fields f, @ForAll @IntRange(min = 0, max = 5) int position,
            @ForAll @IntRange(min = 1, max = 9) int shift) {
        String[] zone = f.zone();
        Mrz original = STRICT.read(zone);
        Check birth = original.check(Check.BIRTH_DATE).orElseThrow();
        Span field = birth.positions().get(0);
        int column = field.fromColumn() + position;
        char old = zone[field.line() - 1].charAt(column - 1);
        char changed = (char) ('0' + (old - '0' + shift) % 10);

        Mrz mutated = STRICT.read(Zones.replace(zone, field.line(), column, changed));

        assertThat(mutated.check(Check.BIRTH_DATE).orElseThrow().passed()).isFalse();
        assertThat(mutated.valid()).isFalse();
    }

    private static void readOnlyThrowingMrzException(MrzReader reader, String[] lines) {
        try {
            Mrz mrz = reader.read(lines);
            assertThat(mrz.checks()).isNotEmpty();
        } catch (MrzException expected) {
            assertThat(expected.line()).isBetween(1, 4);
            assertThat(expected.column()).isPositive();
        }
    }

    @Provide
    Arbitrary<List<String>> randomLines() {
        Arbitrary<String> line = Arbitraries.oneOf(
                Arbitraries.strings().withChars(ZONE_CHARACTERS).ofMinLength(0).ofMaxLength(50),
                Arbitraries.strings().withChars(ZONE_CHARACTERS).ofLength(30),
                Arbitraries.strings().withChars(ZONE_CHARACTERS).ofLength(36),
                Arbitraries.strings().withChars(ZONE_CHARACTERS).ofLength(44),
                Arbitraries.strings().all().ofMaxLength(50),
                Arbitraries.strings().withChars(ZONE_CHARACTERS).ofMinLength(1000).ofMaxLength(100_000));
        return line.list().ofMinSize(0).ofMaxSize(4);
    }

    @Provide
    Arbitrary<Character> anyCharacter() {
        return Arbitraries.oneOf(Arbitraries.of(ZONE_CHARACTERS.toCharArray()).map(c -> c),
                Arbitraries.chars().all());
    }

    @Provide
    Arbitrary<String[]> validZones() {
        return fields().map(Fields::zone);
    }

    @Provide
    Arbitrary<Fields> fields() {
        Arbitrary<MrzFormat> format = Arbitraries.of(MrzFormat.class);
        Arbitrary<String> word = Arbitraries.strings().withCharRange('A', 'Z').ofMinLength(1).ofMaxLength(8);
        Arbitrary<String> number = Arbitraries.strings().withChars("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
                .ofMinLength(1).ofMaxLength(9);
        Arbitrary<LocalDate> birth = Arbitraries.integers().between(0, 36500).map(d -> ON.minusDays(d));
        Arbitrary<LocalDate> expiry = Arbitraries.integers().between(-3650, 3650).map(d -> ON.plusDays(d));
        return Combinators.combine(format, word, word, number, birth, expiry, Arbitraries.of('M', 'F', '<'))
                .as((fo, p, s, n, b, e, sex) -> new Fields(fo, p, s, n, yymmdd(b), sex, yymmdd(e)));
    }

    private static String yymmdd(LocalDate date) {
        return String.format("%02d%02d%02d", date.getYear() % 100, date.getMonthValue(), date.getDayOfMonth());
    }

    /** Random document fields and the zone the test builder makes of them. */
    static final class Fields {
        final MrzFormat format;
        final String primary;
        final String secondary;
        final String number;
        final String birth;
        final char sex;
        final String expiry;

        Fields(MrzFormat format, String primary, String secondary, String number, String birth, char sex, String expiry) {
            this.format = format;
            this.primary = primary;
            this.secondary = secondary;
            this.number = number;
            this.birth = birth;
            this.sex = sex;
            this.expiry = expiry;
        }

        String[] zone() {
            switch (format) {
                case TD1:
                    return Zones.td1("I", "NLD", primary, secondary, number, "NLD", birth, sex, expiry, "", "");
                case TD2:
                    return Zones.td2("ID", "NLD", primary, secondary, number, "NLD", birth, sex, expiry, "");
                case TD3:
                    return Zones.td3("P", "NLD", primary, secondary, number, "NLD", birth, sex, expiry, "");
                case MRV_A:
                    return Zones.visa(44, "NLD", primary, secondary, number, "NLD", birth, sex, expiry, "");
                default:
                    return Zones.visa(36, "NLD", primary, secondary, number, "NLD", birth, sex, expiry, "");
            }
        }

        @Override
        public String toString() {
            return format + " " + primary + "<<" + secondary + " " + number + " " + birth + " " + sex + " " + expiry;
        }
    }
}
