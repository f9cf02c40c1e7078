package org.orderly.travel.requirement;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.orderly.regime.Purpose;
import org.orderly.regime.Source;
import org.orderly.regime.TravelCategory;

/**
 * A travel requirement as the API and the command line show it, with names and labels for people:
 * the rule ({@code basisStatement}), who decides and where to apply ({@code authority}), how far the data lie from
 * the date asked ({@code dataAsOf}, {@code dataAge}, a {@code warning} when a snapshot of unilateral policy is more than a year away; never for a commitment in force, which is law), a
 * {@code permalink} that asks the same question again, and for a transit journey what changing planes at the destination's
 * airport without crossing its border requires ({@code airportTransit}, null where Orderly records no such rule).
 */
public record TravelAnswer(
        String passport,
        String passportName,
        String destination,
        String destinationName,
        LocalDate date,
        Purpose purpose,
        TravelCategory category,
        String categoryLabel,
        Integer stayDays,
        Integer windowDays,
        String basis,
        String instrumentId,
        String instrumentTitle,
        boolean overridesUnilateral,
        TravelCategory unilateral,
        Integer unilateralStayDays,
        String explanation,
        List<Source> sources,
        String basisStatement,
        Authority authority,
        LocalDate dataAsOf,
        String dataAge,
        boolean stale,
        String warning,
        String permalink,
        Authority airportTransit) {

    public static TravelAnswer of(
            TravelRequirement r,
            String passportName,
            String destinationName,
            String instrumentTitle,
            Authority authority,
            Authority airportTransit) {
        // The age of the data that decides: for a commitment, its own sources, not the unilateral policy it overrides.
        // A state's own nationals need no data at all.
        List<Source> deciding = r.basis() == TravelRequirement.Basis.OWN_COUNTRY
                ? List.of()
                : r.basis() == TravelRequirement.Basis.COMMITMENT
                                && r.unilateral() != null
                                && r.sources().size() > 1
                        ? r.sources().subList(0, r.sources().size() - 1)
                        : r.sources();
        // Measured from the date asked, not from today: an answer about 2022 from the 2022 snapshot is not stale.
        DataAge age = DataAge.of(deciding, r.date()).orElse(null);
        String ageText = age == null ? null : age.relative();
        // A commitment in force is law with a dated term: it changes only by another published act, which the reference
        // data
        // date when it comes (Kosovo leaving Annex I), so the day its source was last read does not age the answer; the
        // as-of stays beside it. A snapshot of unilateral policy describes its own day and is old on either side.
        boolean stale = age != null && r.basis() != TravelRequirement.Basis.COMMITMENT && age.stale();
        String warning = stale
                ? "This data is as of " + age.asOf() + ", " + ageText
                        + ", more than a year away. Entry rules change: confirm with "
                        + (authority == null ? "the destination" : "the authority named here") + " before you travel."
                : null;
        String permalink = "/travel?passport=" + r.passport() + "&destination=" + r.destination() + "&date=" + r.date()
                + "&purpose=" + r.purpose().name().toLowerCase(Locale.ROOT);
        return new TravelAnswer(
                r.passport(),
                passportName,
                r.destination(),
                destinationName,
                r.date(),
                r.purpose(),
                r.category(),
                r.category().label(),
                r.stayDays(),
                r.windowDays(),
                r.basis().name(),
                r.instrumentId(),
                instrumentTitle,
                r.overridesUnilateral(),
                r.unilateral(),
                r.unilateralStayDays(),
                r.explanation(),
                r.sources(),
                basisStatement(r, passportName, destinationName, instrumentTitle, age),
                authority,
                age == null ? null : age.asOf(),
                ageText,
                stale,
                warning,
                permalink,
                airportTransit);
    }

    private static String basisStatement(
            TravelRequirement r, String passportName, String destinationName, String instrumentTitle, DataAge age) {
        String purpose = r.purpose().name().toLowerCase(Locale.ROOT);
        return switch (r.basis()) {
            case OWN_COUNTRY ->
                "A " + passportName + " passport holder is a national of " + destinationName
                        + ": a state admits its own nationals.";
            case COMMITMENT ->
                lawRequiresVisa(r)
                        ? "Decided by law: " + r.sources().get(0).title() + ", under " + instrumentTitle
                                + ", which binds " + destinationName
                                + ". The visa matrix is shown only as corroboration."
                        : "Decided by a commitment in force between the two states under " + instrumentTitle + ".";
            case UNILATERAL_POLICY ->
                r.category().temporary()
                        ? "No commitment between the two states covers this journey. The answer rests on a temporary COVID-19 entry ban of "
                                + destinationName + " that the visa matrix" + (age == null ? "" : " of " + age.asOf())
                                + " records: a measure of "
                                + "the pandemic, not " + destinationName
                                + "'s ordinary entry policy, and it may have been lifted since."
                        : "No commitment between the two states covers this journey. The answer rests only on "
                                + destinationName + "'s national entry policy as the visa matrix records it"
                                + (age == null ? "" : ", as of " + age.asOf() + " (" + age.relative() + ")") + ".";
            case NO_RULE ->
                r.sources().isEmpty()
                        ? "Orderly records no commitment and no entry policy for this journey: ask " + destinationName
                                + "'s embassy or consulate."
                        : "No commitment in force covers " + purpose + " from " + passportName + " to "
                                + destinationName + "; the visa matrix records only the short-stay policy, so "
                                + destinationName + "'s national law decides.";
        };
    }

    /** Whether a common visa list that binds the destination requires the visa (short stays; a work channel is another matter). */
    private static boolean lawRequiresVisa(TravelRequirement r) {
        return r.category() == TravelCategory.VISA_REQUIRED
                && r.purpose() != Purpose.WORK
                && r.purpose() != Purpose.STUDY;
    }

    /** The answer in one line of plain words. */
    public String summary() {
        StringBuilder text = new StringBuilder(categoryLabel);
        // A transit question has two answers: changing planes airside (airportTransit) and leaving the airport. The
        // category is the second; saying so keeps "visa required" from reading as "cannot change planes here".
        if (airportTransit != null)
            text.append(" to leave the airport and enter ").append(destinationName);
        if (stayDays != null) {
            text.append(", up to ").append(stayDays).append(" days");
            if (windowDays != null) text.append(" in any ").append(windowDays);
        }
        return text.toString();
    }
}
