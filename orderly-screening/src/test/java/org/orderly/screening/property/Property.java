package org.orderly.screening.property;

import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs a property over generated cases: case {@code i} is drawn from a {@link Random} seeded with {@code seed + i}, so
 * that a failure names the seed and the case and is replayed by that seed alone ({@code -Dproperty.seed=S
 * -Dproperty.cases=1} reruns one case). The base seed is fixed, so every run checks the same cases.
 */
public final class Property {
    private Property() {}

    /** Checks {@code property} on {@code cases} inputs made by {@code generator}; fails naming the seed and the input. */
    public static <T> void forAll(long seed, int cases, Function<Random, T> generator, Consumer<T> property) {
        long base = Long.getLong("property.seed", seed);
        int count = Integer.getInteger("property.cases", cases);
        for (int i = 0; i < count; i++) {
            long caseSeed = base + i;
            T input = generator.apply(new Random(caseSeed));
            try {
                property.accept(input);
            } catch (AssertionError | RuntimeException failure) {
                throw new AssertionError(
                        "property fails for seed " + caseSeed + " (case " + (i + 1) + " of " + count + "), input: "
                                + describe(input) + "\n" + failure.getMessage(),
                        failure);
            }
        }
    }

    private static String describe(Object input) {
        return input instanceof Object[] array ? java.util.Arrays.deepToString(array) : String.valueOf(input);
    }

    /** A string of {@code min..max} letters drawn from {@code alphabet}. */
    public static String string(Random random, String alphabet, int min, int max) {
        int length = min + random.nextInt(max - min + 1);
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    /**
     * Any string of up to 12 UTF-16 units, edge cases first among the draws: ASCII, Latin-1, other scripts,
     * punctuation and controls, lone surrogates.
     */
    public static String anyString(Random random) {
        int length = random.nextInt(13);
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(
                    switch (random.nextInt(6)) {
                        case 0 -> (char) (0x20 + random.nextInt(0x5F));
                        case 1 -> (char) random.nextInt(0x20);
                        case 2 -> (char) (0xA0 + random.nextInt(0x160));
                        case 3 -> (char) (0x0370 + random.nextInt(0x2C00));
                        case 4 -> (char) (0x3000 + random.nextInt(0x7000));
                        default -> (char) random.nextInt(0x10000);
                    });
        }
        return out.toString();
    }
}
