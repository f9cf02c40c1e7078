package org.orderly.regime.channel;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Levels of education of the International Standard Classification of Education (ISCED 2011, UNESCO Institute for
 * Statistics), 0 (early childhood) to 8 (doctoral), and the everyday words a person uses for them.
 */
public final class Isced {
    /** The level names of ISCED 2011, by level. */
    public static final List<String> NAMES = List.of(
            "early childhood education",
            "primary education",
            "lower secondary education",
            "upper secondary education",
            "post-secondary non-tertiary education",
            "short-cycle tertiary education",
            "bachelor's or equivalent level",
            "master's or equivalent level",
            "doctoral or equivalent level");

    // Words people use; a dual vocational training (Germany's Berufsausbildung) is classed at level 3 (ISCED 2011 §
    // 35).
    private static final Map<String, Integer> WORDS = Map.ofEntries(
            Map.entry("primary", 1),
            Map.entry("lower secondary", 2),
            Map.entry("secondary", 3),
            Map.entry("upper secondary", 3),
            Map.entry("high school", 3),
            Map.entry("vocational", 3),
            Map.entry("apprenticeship", 3),
            Map.entry("post-secondary", 4),
            Map.entry("diploma", 5),
            Map.entry("short-cycle", 5),
            Map.entry("associate", 5),
            Map.entry("bachelor", 6),
            Map.entry("bachelors", 6),
            Map.entry("bachelor's", 6),
            Map.entry("degree", 6),
            Map.entry("master", 7),
            Map.entry("masters", 7),
            Map.entry("master's", 7),
            Map.entry("doctorate", 8),
            Map.entry("doctoral", 8),
            Map.entry("phd", 8));

    private Isced() {}

    /**
     * The level a person means: a word ({@code bachelor}, {@code master}, {@code vocational}) or a level 0-8.
     *
     * @throws IllegalArgumentException naming what was given and the words understood
     */
    public static int parse(String what, String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT).replaceFirst("^isced\\s*", "");
        if (t.matches("[0-8]")) return Integer.parseInt(t);
        Integer level = WORDS.get(t);
        if (level == null) {
            throw new IllegalArgumentException(what + " '" + text + "' is not an ISCED level 0-8 nor one of "
                    + WORDS.keySet().stream().sorted().toList());
        }
        return level;
    }

    /** The level's name, such as "bachelor's or equivalent level (ISCED 6)". */
    public static String name(int level) {
        if (level < 0 || level > 8) throw new IllegalArgumentException("ISCED level " + level + " is not 0-8");
        return NAMES.get(level) + " (ISCED " + level + ")";
    }
}
