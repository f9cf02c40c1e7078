package org.orderly.cli;

import java.time.LocalDate;
import org.orderly.regime.RegimeDates;
import org.orderly.regime.Registry;
import org.orderly.regime.Rulebook;
import org.orderly.regime.Source;
import org.orderly.travel.requirement.TravelAnswer;
import org.orderly.travel.requirement.TravelQueries;
import org.orderly.travel.requirement.TravelRules;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * What a national of one state needs to enter another, and on what authority: the answer of {@link TravelQueries}, the
 * one code path of the API and the travel page, on the registry as the database holds it ({@link LocalRegistry}, which
 * starts neither PostgreSQL nor Spring when its snapshot is current).
 */
@Command(
        name = "travel",
        mixinStandardHelpOptions = true,
        description =
                "The travel requirement for a passport and a destination on a date, with the sources that decide it.")
final class TravelCommand implements Runnable {
    @Option(
            names = "--passport",
            required = true,
            description =
                    "passport (nationality): a name, a common name or an ISO 3166 code, e.g. Nigeria, UK, NGA or GB")
    String passport;

    @Option(
            names = "--to",
            required = true,
            description = "destination state: a name, a common name or an ISO 3166 code, e.g. Germany, DEU or DE")
    String destination;

    @Option(names = "--on", description = "date of entry (default: today, UTC)")
    LocalDate date;

    @Option(names = "--purpose", description = "tourism (default), business, family, transit, study or work")
    String purpose;

    @Option(names = "--json", description = "print one JSON document")
    boolean json;

    @Override
    public void run() {
        TravelAnswer answer = queries(LocalRegistry.read()).answer(passport, destination, date, purpose);
        if (json) {
            Json.print(answer);
            return;
        }
        System.out.printf(
                "%s passport → %s (%s), %s, %s%n",
                answer.passportName(),
                answer.destinationName(),
                answer.destination(),
                answer.date(),
                answer.purpose().name().toLowerCase(java.util.Locale.ROOT));
        System.out.println("  " + answer.summary());
        if (answer.warning() != null) System.out.println("  WARNING: " + answer.warning());
        if (answer.airportTransit() != null) {
            System.out.println("  changing planes without crossing the border: "
                    + answer.airportTransit().decision() + " ["
                    + answer.airportTransit().source().title() + "]");
            System.out.println("    where to apply: " + answer.airportTransit().applyAt());
        }
        System.out.println("  rule: " + answer.basisStatement());
        System.out.println("        " + answer.explanation());
        if (answer.authority() != null) {
            System.out.println("  who decides: " + answer.authority().decision()
                    + (answer.authority().source() == null
                            ? ""
                            : " [" + answer.authority().source().title()
                                    + answer.authority()
                                            .source()
                                            .url()
                                            .map(u -> ", " + u)
                                            .orElse("") + "]"));
            System.out.println("  where to apply: " + answer.authority().applyAt());
        }
        if (answer.instrumentId() != null)
            System.out.println("  instrument: " + answer.instrumentTitle() + " (" + answer.instrumentId() + ")");
        if (answer.dataAsOf() != null)
            System.out.println("  data as of: " + answer.dataAsOf() + " (" + answer.dataAge() + ")");
        System.out.println("  sources:");
        for (Source s : answer.sources()) {
            System.out.println("    - " + s.title() + " — " + s.reference() + ", as of " + s.asOf());
        }
        System.out.println("  permalink: " + answer.permalink());
        if (answer.sources().isEmpty()) System.out.println("    (none: no rule is recorded for this journey)");
    }

    /**
     * The travel questions on one registry: the rulebook of the date asked, compiled as the server compiles it, with the
     * one question's pairs decided as asked rather than every pair's first.
     */
    static TravelQueries queries(Registry registry) {
        return new TravelQueries(
                () -> registry,
                on -> TravelRules.forFewQuestions(Rulebook.compile(registry, RegimeDates.requireWithin("date", on))));
    }
}
