package org.orderly.screening.compare;

/** What is known of a person for comparison: a name, and optionally a birth date and an alpha-3 nationality. */
public record PersonDetails(String name, BirthDate birthDate, String nationality) {
    public PersonDetails {
        if (name == null) {
            throw new IllegalArgumentException("a person to compare needs a name");
        }
        nationality = Nationality.alpha3(nationality);
    }

    public static PersonDetails named(String name) {
        return new PersonDetails(name, null, null);
    }
}
