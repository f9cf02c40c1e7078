package org.orderly.travel.channel;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.orderly.regime.channel.Cefr;
import org.orderly.regime.channel.Isced;
import org.orderly.regime.channel.Salary;

/**
 * A finder question as a person typed it, read into values; every refusal names the field and what was given.
 * Only the passport is needed: what the person leaves out is unknown, never assumed.
 */
public record ChannelQuestion(
        String passport,
        String destination,
        String occupation,
        Salary salary,
        Integer iscedLevel,
        Map<String, Cefr> languages,
        Integer age,
        Integer experienceYears,
        Boolean jobOffer,
        Boolean recognised,
        LocalDate date) {

    private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());

    public ChannelQuestion {
        languages = languages == null ? Map.of() : Map.copyOf(languages);
    }

    /**
     * Reads the typed fields (null or blank: not said).
     *
     * @throws IllegalArgumentException naming the field and what is wrong
     */
    public static ChannelQuestion of(
            String passport,
            String destination,
            String occupation,
            String salary,
            String currency,
            String period,
            String qualification,
            List<String> languages,
            String age,
            String experience,
            String jobOffer,
            String recognised,
            LocalDate date) {
        if (blank(passport))
            throw new IllegalArgumentException(
                    "passport is missing: give a state's name or its ISO 3166 code, such as Nigeria or NGA");
        Salary pay = null;
        if (!blank(salary)) pay = Salary.parse(salary, currency, period);
        else if (!blank(currency))
            throw new IllegalArgumentException("currency '" + currency.strip() + "' is given without a salary");
        Integer level = blank(qualification) ? null : Isced.parse("qualification", qualification);
        Map<String, Cefr> levels = new LinkedHashMap<>();
        for (String item : languages == null ? List.<String>of() : languages) {
            if (blank(item)) continue;
            for (String one : item.split(",")) {
                if (blank(one)) continue;
                String[] parts = one.strip().split(":");
                String code = parts[0].strip().toLowerCase(Locale.ROOT);
                if (parts.length != 2 || !code.matches("[a-z]{2}") || !LANGUAGES.contains(code)) {
                    throw new IllegalArgumentException(
                            "language '" + one.strip() + "' must be an ISO 639-1 code and a CEFR level, such as de:B1");
                }
                levels.put(code, Cefr.parse("language level in '" + one.strip() + "'", parts[1]));
            }
        }
        return new ChannelQuestion(
                passport.strip(),
                blank(destination) ? null : destination.strip(),
                blank(occupation) ? null : occupation.strip(),
                pay,
                level,
                levels,
                whole("age", age, 0, 130),
                whole("experience", experience, 0, 80),
                yesNo("job offer", jobOffer),
                yesNo("recognised", recognised),
                date);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static Integer whole(String field, String text, int min, int max) {
        if (blank(text)) return null;
        try {
            int value = Integer.parseInt(text.strip());
            if (value < min || value > max)
                throw new IllegalArgumentException(
                        field + " '" + text.strip() + "' must be between " + min + " and " + max);
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " '" + text.strip() + "' is not a whole number");
        }
    }

    private static Boolean yesNo(String field, String text) {
        if (blank(text)) return null;
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "yes", "true" -> Boolean.TRUE;
            case "no", "false" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException(field + " '" + text.strip() + "' must be yes or no");
        };
    }
}
