package org.orderly.stream;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.orderly.border.crossing.Crossing;

/**
 * A seeded stream of invented crossings for tests and benchmarks: travellers entering and leaving one state under
 * 90/180, 30 days per entry or free movement, some staying too long, some exits without entry and entries without exit;
 * then put out of order as networks do ({@link #arrivals}): most within the lateness allowed, a few far behind.
 */
public final class CrossingGenerator {
    private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");
    private static final String[] NATIONALITIES = {"USA", "BRA", "JPN", "IND", "NGA", "UKR", "CHN", "MAR"};

    private CrossingGenerator() {}

    /** Crossings in time order: {@code travellers} travellers over about {@code days} days. */
    public static List<Crossing> crossings(long seed, int travellers, int days) {
        Random random = new Random(seed);
        List<Crossing> all = new ArrayList<>();
        for (int t = 0; t < travellers; t++) {
            String nationality = NATIONALITIES[random.nextInt(NATIONALITIES.length)];
            String document = "G" + seed % 1000 + "X" + t;
            String rule = switch (random.nextInt(10)) {
                case 0 -> "30d";
                case 1 -> "not-counted:free_movement";
                default -> "90/180";
            };
            long minute = random.nextInt(days * 1440 / 4 + 1);
            int n = 0;
            while (minute < days * 1440L) {
                boolean dropEntry = random.nextInt(40) == 0;
                boolean dropExit = random.nextInt(25) == 0;
                long stay = random.nextInt(8) == 0 ? 60 + random.nextInt(80) : 1 + random.nextInt(40);
                long exitMinute = minute + stay * 1440 + random.nextInt(1440);
                if (!dropEntry)
                    all.add(crossing(
                            document + "-" + n++, document, nationality, Crossing.Direction.ENTRY, minute, rule));
                if (!dropExit)
                    all.add(crossing(
                            document + "-" + n++, document, nationality, Crossing.Direction.EXIT, exitMinute, null));
                minute = exitMinute
                        + (1 + random.nextInt(random.nextBoolean() ? 30 : 150)) * 1440L
                        + random.nextInt(1440);
            }
        }
        all.sort(Comparator.comparing(Crossing::at));
        return all;
    }

    private static Crossing crossing(
            String id, String document, String nationality, Crossing.Direction direction, long minute, String rule) {
        return new Crossing(
                id,
                null,
                direction,
                START.plus(Duration.ofMinutes(minute)),
                "DEU",
                "FRA-T1",
                document,
                nationality,
                nationality,
                rule);
    }

    /**
     * The order of arrival: each crossing delayed by a random amount, mostly under {@code lateness}, one in
     * {@code lateOneIn} by several times it (0: none); ties keep time order.
     */
    public static List<Crossing> arrivals(List<Crossing> crossings, long seed, Duration lateness, int lateOneIn) {
        Random random = new Random(seed);
        record Arrival(Crossing crossing, long at, int index) {}
        List<Arrival> arrivals = new ArrayList<>();
        for (int i = 0; i < crossings.size(); i++) {
            long delay = lateOneIn > 0 && random.nextInt(lateOneIn) == 0
                    ? lateness.toMillis() * (2 + random.nextInt(6))
                    : (long) (random.nextDouble() * lateness.toMillis());
            arrivals.add(new Arrival(crossings.get(i), crossings.get(i).at().toEpochMilli() + delay, i));
        }
        arrivals.sort(Comparator.comparingLong(Arrival::at).thenComparingInt(Arrival::index));
        return arrivals.stream().map(Arrival::crossing).toList();
    }
}
