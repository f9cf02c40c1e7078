package org.orderly.regime.channel;

import java.util.Map;
import java.util.Set;

/**
 * What a person said about themselves for the channel finder; every field but the nationality may be null (not said),
 * and a criterion that needs a missing field answers "unknown".
 *
 * @param occupations   the ISCO-08 unit groups the person's occupation reaches (empty: not said)
 * @param regulated     whether that occupation is a regulated profession (null: not known)
 * @param iscedLevel    the highest level of education, ISCED 2011 0-8
 * @param languages     language (ISO 639-1, lower case) to CEFR level
 */
public record Applicant(
        String nationality,
        Set<String> occupations,
        Boolean regulated,
        Salary salary,
        Integer iscedLevel,
        Map<String, Cefr> languages,
        Integer age,
        Integer experienceYears,
        Boolean jobOffer,
        Boolean recognised) {
    public Applicant {
        if (nationality == null || nationality.isBlank()) throw new IllegalArgumentException("nationality is missing");
        occupations = occupations == null ? Set.of() : Set.copyOf(occupations);
        languages = languages == null ? Map.of() : Map.copyOf(languages);
        if (age != null && (age < 0 || age > 130))
            throw new IllegalArgumentException("age " + age + " must be between 0 and 130");
        if (experienceYears != null && experienceYears < 0)
            throw new IllegalArgumentException("experience " + experienceYears + " must not be negative");
        if (iscedLevel != null && (iscedLevel < 0 || iscedLevel > 8))
            throw new IllegalArgumentException("ISCED level " + iscedLevel + " is not 0-8");
    }

    /** Only a nationality: everything else unknown. */
    public static Applicant of(String nationality) {
        return new Applicant(nationality, Set.of(), null, null, null, Map.of(), null, null, null, null);
    }
}
