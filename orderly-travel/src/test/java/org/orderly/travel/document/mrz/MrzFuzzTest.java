package org.orderly.travel.document.mrz;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties over random and mutated zones: the reader only ever answers with an {@link Mrz} or an {@link MrzException}.
 * Each case draws its inputs from a {@code Random} seeded with the case's own seed, printed in the test's name, so a
 * failure is rerun by that seed alone.
 */
class MrzFuzzTest {

    private static final long BASE_SEED = 0x0DE51_2026L;
    private static final LocalDate ON = LocalDate.of(2026, 11, 23);
    private static final MrzReader STRICT = MrzReader.on(ON);
    private static final MrzReader REPAIRING = STRICT.withRepair(true);
    private static final String ZONE_CHARACTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<";

    static Stream<Long> seeds2000() {
        return seeds(2000);
    }

    static Stream<Long> seeds3000() {
        return seeds(3000);
    }

    private static Stream<Long> seeds(int count) {
        return LongStream.range(0, count).mapToObj(i -> BASE_SEED + i);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds2000")
    void randomLinesGiveAZoneOrAnMrzException(long seed) {
        Random random = new Random(seed);
        String[] lines = randomLines(random);
        property(seed, String.join("\n", lines), () -> {
            readOnlyThrowingMrzException(STRICT, lines);
            readOnlyThrowingMrzException(REPAIRING, lines);
        });
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds3000")
    void singleMutationsOfValidZonesGiveAZoneOrAnMrzException(long seed) {
        Random random = new Random(seed);
        String[] zone = fields(random).zone();
        int where = random.nextInt(201);
        char replacement = anyCharacter(random);
        int line = where % zone.length;
        int column = where % zone[line].length();
        String[] mutated = Zones.replace(zone, line + 1, column + 1, replacement);

        property(seed, String.join("\n", mutated), () -> {
            readOnlyThrowingMrzException(STRICT, mutated);
            readOnlyThrowingMrzException(REPAIRING, mutated);
        });
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds2000")
    void validZonesRoundTrip(long seed) {
        Fields f = fields(new Random(seed));
        String[] zone = f.zone();

        property(seed, f.toString(), () -> {
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
        });
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds2000")
    void anyOtherDigitInADateFailsItsCheck(long seed) {
        Random random = new Random(seed);
        Fields f = fields(random);
        int position = random.nextInt(6);
        int shift = 1 + random.nextInt(9);
        String[] zone = f.zone();

        property(seed, f + " position " + position + " shift " + shift, () -> {
            Mrz original = STRICT.read(zone);
            Check birth = original.check(Check.BIRTH_DATE).orElseThrow();
            Span field = birth.positions().get(0);
            int column = field.fromColumn() + position;
            char old = zone[field.line() - 1].charAt(column - 1);
            char changed = (char) ('0' + (old - '0' + shift) % 10);

            Mrz mutated = STRICT.read(Zones.replace(zone, field.line(), column, changed));

            assertThat(mutated.check(Check.BIRTH_DATE).orElseThrow().passed()).isFalse();
            assertThat(mutated.valid()).isFalse();
        });
    }

    /** Runs one case; on failure the error names the seed and the generated input, so the case can be replayed. */
    private static void property(long seed, String input, Runnable body) {
        try {
            body.run();
        } catch (AssertionError | RuntimeException failure) {
            throw new AssertionError("property failed for seed " + seed + " on input:\n" + input, failure);
        }
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

    private static String[] randomLines(Random random) {
        int count = random.nextInt(5);
        List<String> lines = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            switch (random.nextInt(6)) {
                case 0 -> lines.add(zoneText(random, random.nextInt(51)));
                case 1 -> lines.add(zoneText(random, 30));
                case 2 -> lines.add(zoneText(random, 36));
                case 3 -> lines.add(zoneText(random, 44));
                case 4 -> lines.add(anyText(random, random.nextInt(51)));
                default -> lines.add(zoneText(random, 1000 + random.nextInt(99_001)));
            }
        }
        return lines.toArray(new String[0]);
    }

    private static String zoneText(Random random, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) text.append(ZONE_CHARACTERS.charAt(random.nextInt(ZONE_CHARACTERS.length())));
        return text.toString();
    }

    private static String anyText(Random random, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) text.append((char) random.nextInt(Character.MAX_VALUE + 1));
        return text.toString();
    }

    private static char anyCharacter(Random random) {
        return random.nextBoolean()
                ? ZONE_CHARACTERS.charAt(random.nextInt(ZONE_CHARACTERS.length()))
                : (char) random.nextInt(Character.MAX_VALUE + 1);
    }

    private static String word(Random random, String alphabet, int maxLength) {
        int length = 1 + random.nextInt(maxLength);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        return text.toString();
    }

    private static Fields fields(Random random) {
        MrzFormat[] formats = MrzFormat.values();
        MrzFormat format = formats[random.nextInt(formats.length)];
        String letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        String primary = word(random, letters, 8);
        String secondary = word(random, letters, 8);
        String number = word(random, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 9);
        LocalDate birth = ON.minusDays(random.nextInt(36_501));
        LocalDate expiry = ON.plusDays(random.nextInt(7_301) - 3650);
        char sex = "MF<".charAt(random.nextInt(3));
        return new Fields(format, primary, secondary, number, yymmdd(birth), sex, yymmdd(expiry));
    }

    private static String yymmdd(LocalDate date) {
        return String.format("%02d%02d%02d", date.getYear() % 100, date.getMonthValue(), date.getDayOfMonth());
    }

    /** Random document fields and the zone the test builder makes of them. */
    record Fields(
            MrzFormat format, String primary, String secondary, String number, String birth, char sex, String expiry) {

        String[] zone() {
            return switch (format) {
                case TD1 -> Zones.td1("I", "NLD", primary, secondary, number, "NLD", birth, sex, expiry, "", "");
                case TD2 -> Zones.td2("ID", "NLD", primary, secondary, number, "NLD", birth, sex, expiry, "");
                case TD3 -> Zones.td3("P", "NLD", primary, secondary, number, "NLD", birth, sex, expiry, "");
                case MRV_A -> Zones.visa(44, "NLD", primary, secondary, number, "NLD", birth, sex, expiry, "");
                case MRV_B -> Zones.visa(36, "NLD", primary, secondary, number, "NLD", birth, sex, expiry, "");
            };
        }

        @Override
        public String toString() {
            return format + " " + primary + "<<" + secondary + " " + number + " " + birth + " " + sex + " " + expiry;
        }
    }
}
