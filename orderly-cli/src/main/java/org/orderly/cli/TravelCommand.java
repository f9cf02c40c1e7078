package org.orderly.cli;

import java.time.LocalDate;
import org.orderly.regime.Source;
import org.orderly.server.regime.RegimeService;
import org.orderly.travel.requirement.TravelAnswer;
import org.orderly.travel.requirement.TravelQueries;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** What a national of one state needs to enter another, and on what authority. */
@Command(name = "travel", mixinStandardHelpOptions = true,
        description = "The travel requirement for a passport and a destination on a date, with the sources that decide it.")
final class TravelCommand implements Runnable {
    @Option(names = "--passport", required = true, description = "passport (nationality): a name, a common name or an ISO 3166 code, e.g. Nigeria, UK, NGA or GB")
    String passport;

    @Option(names = "--to", required = true, description = "destination state: a name, a common name or an ISO 3166 code, e.g. Germany, DEU or DE")
    String destination;

    @Option(names = "--on", description = "date of entry (default: today, UTC)")
    LocalDate date;

    @Option(names = "--purpose", description = "tourism (default), business, family, transit, study or work")
    String purpose;

    @Option(names = "--json", description = "print one JSON document")
    boolean json;

    @Override
    public void run() {
        try (LocalRegime regime = LocalRegime.open()) {
            RegimeService service = new RegimeService(regime.store());
            TravelAnswer answer = new TravelQueries(service::registry, service::travelRules).answer(passport, destination, date, purpose);
            if (json) {
                Json.print(answer);
                return;
            }
            System.out.printf("%s passport → %s (%s), %s, %s%n", answer.passportName(), answer.destinationName(),
                    answer.destination(), answer.date(), answer.purpose().name().toLowerCase(java.util.Locale.ROOT));
            System.out.println("  " + answer.summary());
            if (answer.warning() != null) System.out.println("  WARNING: " + answer.warning());
            System.out.println("  rule: " + answer.basisStatement());
            System.out.println("        " + answer.explanation());
            if (answer.authority() != null) {
                System.out.println("  who decides: " + answer.authority().decision()
                        + (answer.authority().source() == null ? "" : " [" + answer.authority().source().title()
                        + answer.authority().source().url().map(u -> ", " + u).orElse("") + "]"));
                System.out.println("  where to apply: " + answer.authority().applyAt());
            }
            if (answer.airportTransit() != null) {
                System.out.println("  changing planes without crossing the border: " + answer.airportTransit().decision()
                        + " [" + answer.airportTransit().source().title() + "]");
                System.out.println("    where to apply: " + answer.airportTransit().applyAt());
            }
            if (answer.instrumentId() != null) System.out.println("  instrument: " + answer.instrumentTitle() + " (" + answer.instrumentId() + ")");
            if (answer.dataAsOf() != null) System.out.println("  data as of: " + answer.dataAsOf() + " (" + answer.dataAge() + ")");
            System.out.println("  sources:");
            for (Source s : answer.sources()) {
                System.out.println("    - " + s.title() + " — " + s.reference() + ", as of " + s.asOf());
            }
            System.out.println("  permalink: " + answer.permalink());
            if (answer.sources().isEmpty()) System.out.println("    (none: no rule is recorded for this journey)");
        }
    }
}
