package org.orderly.cli;

import java.time.LocalDate;
import java.util.List;
import org.orderly.regime.Instrument;
import org.orderly.regime.Registry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Lists the instruments of the registry with how many parties each binds today. */
@Command(
        name = "instruments",
        mixinStandardHelpOptions = true,
        description = "List treaties, agreements, declarations and standards.")
final class InstrumentsCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--json", description = "print one JSON document")
    boolean json;

    @Override
    public void run() {
        try (LocalRegime regime = LocalRegime.open()) {
            Registry registry = regime.registry();
            List<Instrument> instruments = registry.instruments();
            if (json) {
                Json.print(instruments);
                return;
            }
            LocalDate today = org.orderly.regime.RegimeDates.today(Orderly.clock(spec));
            for (Instrument i : instruments) {
                String extract = org.orderly.store.TreatyStatusImporter.extractNote(regime.store(), i.id());
                System.out.printf(
                        "%-18s %-20s %-9s %4d bound  %s%s%n",
                        i.id(),
                        i.kind().name().toLowerCase(java.util.Locale.ROOT),
                        i.level().name().toLowerCase(java.util.Locale.ROOT),
                        registry.boundParties(i.id(), today).size(),
                        i.title(),
                        extract.isEmpty() ? "" : " (" + extract + ")");
            }
            System.out.println(instruments.size() + " instruments");
        }
    }
}
