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
    @Option(names = "--passport", required = true, description = "passport (nationality), ISO 3166 alpha-3, e.g. DEU")
    String passport;

    @Option(names = "--to", required = true, description = "destination state, ISO 3166 alpha-3, e.g. JPN")
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
            System.out.println("  " + answer.explanation());
            if (answer.instrumentId() != null) System.out.println("  authority: " + answer.instrumentTitle() + " (" + answer.instrumentId() + ")");
            System.out.println("  sources:");
            for (Source s : answer.sources()) {
                System.out.println("    - " + s.title() + " — " + s.reference() + ", as of " + s.asOf());
            }
            if (answer.sources().isEmpty()) System.out.println("    (none: no rule is recorded for this journey)");
        }
    }
}
