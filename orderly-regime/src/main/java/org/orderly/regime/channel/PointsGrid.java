package org.orderly.regime.channel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A points test as data: for each factor, bands of values (inclusive, the last one may be open) and the points they
 * give, and the pass mark. Within a factor the bands neither overlap nor leave gaps; a value outside every band gives 0.
 */
public record PointsGrid(int passMark, List<Band> bands) implements java.io.Serializable {

    /** What a band measures. LANGUAGE bands count CEFR levels (A1 = 1 … C2 = 6) in one language; QUALIFICATION, ISCED levels. */
    public enum Factor {
        AGE,
        QUALIFICATION,
        LANGUAGE,
        EXPERIENCE
    }

    /** Values {@code from}..{@code to} (null: no upper end) of a factor give {@code points}. */
    public record Band(Factor factor, String language, int from, Integer to, int points, Provenance provenance)
            implements java.io.Serializable {
        public Band {
            Objects.requireNonNull(factor, "band factor");
            Objects.requireNonNull(provenance, "band provenance");
            if ((factor == Factor.LANGUAGE) != (language != null && !language.isBlank())) {
                throw new IllegalArgumentException(
                        factor == Factor.LANGUAGE
                                ? "a LANGUAGE band needs its language"
                                : "only a LANGUAGE band names a language");
            }
            if (to != null && to < from)
                throw new IllegalArgumentException("band " + from + ".." + to + " ends before it starts");
            if (points < 0) throw new IllegalArgumentException("band points must not be negative, was " + points);
        }

        boolean contains(int value) {
            return value >= from && (to == null || value <= to);
        }

        /** The factor this band belongs to, with its language: bands of one key must tile. */
        String key() {
            return factor == Factor.LANGUAGE ? factor + " " + language : factor.name();
        }

        String range() {
            return factor == Factor.LANGUAGE || factor == Factor.QUALIFICATION
                    ? label(from) + (to == null ? " or higher" : to == from ? "" : " to " + label(to))
                    : from + (to == null ? " or more" : to == from ? "" : " to " + to);
        }

        private String label(int value) {
            return factor == Factor.LANGUAGE
                    ? Cefr.values()[Math.max(0, Math.min(5, value - 1))].name()
                    : "ISCED " + value;
        }
    }

    public PointsGrid {
        if (passMark <= 0) throw new IllegalArgumentException("pass mark must be positive, was " + passMark);
        if (bands == null || bands.isEmpty()) throw new IllegalArgumentException("a points grid needs bands");
        bands = List.copyOf(bands);
        int index = overlapOrGap(bands);
        if (index >= 0) throw new IllegalArgumentException(problem(bands, index));
    }

    /**
     * The index of the first band that overlaps the band before it in its factor or leaves a gap after it, or -1 when the
     * bands of each factor tile (sorted by their start). Readers use it to name the line of a bad band.
     */
    public static int overlapOrGap(List<Band> bands) {
        Map<String, List<Integer>> byKey = new LinkedHashMap<>();
        for (int i = 0; i < bands.size(); i++)
            byKey.computeIfAbsent(bands.get(i).key(), k -> new ArrayList<>()).add(i);
        int first = -1;
        for (List<Integer> indexes : byKey.values()) {
            List<Integer> sorted = new ArrayList<>(indexes);
            sorted.sort(Comparator.comparingInt((Integer i) -> bands.get(i).from()));
            for (int k = 1; k < sorted.size(); k++) {
                Band before = bands.get(sorted.get(k - 1));
                Band band = bands.get(sorted.get(k));
                if (before.to() == null || band.from() != before.to() + 1) {
                    int bad = Math.max(sorted.get(k), sorted.get(k - 1));
                    if (first < 0 || bad < first) first = bad;
                }
            }
        }
        return first;
    }

    /** What is wrong with the band at {@code index}, in words. */
    public static String problem(List<Band> bands, int index) {
        Band band = bands.get(index);
        for (int i = 0; i < bands.size(); i++) {
            Band other = bands.get(i);
            if (i == index || !other.key().equals(band.key())) continue;
            boolean overlap = (other.to() == null || band.from() <= other.to())
                    && (band.to() == null || other.from() <= band.to());
            if (overlap) return band.key() + " band " + band.range() + " overlaps band " + other.range();
        }
        Band before = null;
        for (Band other : bands) {
            if (other.key().equals(band.key())
                    && other != band
                    && other.to() != null
                    && other.to() < band.from()
                    && (before == null || other.to() > before.to())) before = other;
        }
        return band.key() + " band " + band.range() + " leaves a gap after band "
                + (before == null ? "(none)" : before.range());
    }

    /** The points for one value of one factor (0 outside every band). */
    int points(String key, int value) {
        for (Band band : bands) {
            if (band.key().equals(key) && band.contains(value)) return band.points();
        }
        return 0;
    }

    /** Assesses a person: points from what they said, and the most the factors they did not give could add. */
    public Assessment assess(Applicant a) {
        Map<String, Integer> maxima = new LinkedHashMap<>();
        for (Band band : bands) maxima.merge(band.key(), band.points(), Math::max);
        int known = 0;
        int open = 0;
        List<String> counted = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (var entry : maxima.entrySet()) {
            Band sample = bands.stream()
                    .filter(b -> b.key().equals(entry.getKey()))
                    .findFirst()
                    .orElseThrow();
            Integer value = switch (sample.factor()) {
                case AGE -> a.age();
                case QUALIFICATION -> a.iscedLevel();
                case EXPERIENCE -> a.experienceYears();
                case LANGUAGE ->
                    a.languages().containsKey(sample.language())
                            ? a.languages().get(sample.language()).rank()
                            : null;
            };
            String factor = sample.factor() == Factor.LANGUAGE
                    ? "language (" + sample.language() + ")"
                    : sample.factor().name().toLowerCase(java.util.Locale.ROOT);
            if (value == null) {
                open += entry.getValue();
                missing.add(factor + " (up to " + entry.getValue() + ")");
            } else {
                int p = points(entry.getKey(), value);
                known += p;
                counted.add(factor + " " + p);
            }
        }
        String tally = known + " points" + (counted.isEmpty() ? "" : " (" + String.join(", ", counted) + ")")
                + ", pass mark " + passMark;
        if (known >= passMark) return Assessment.met(tally);
        if (known + open < passMark) {
            return Assessment.notMet(tally
                    + (missing.isEmpty()
                            ? ""
                            : "; even the most from " + String.join(", ", missing) + " would not reach it"));
        }
        return Assessment.unknown(tally + "; could reach it with " + String.join(", ", missing));
    }
}
