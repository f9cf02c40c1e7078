package org.orderly.cli;

import java.util.List;
import org.orderly.server.api.PartyView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Lists the parties of the registry (from its snapshot when current: {@link LocalRegistry}). */
@Command(
        name = "parties",
        mixinStandardHelpOptions = true,
        description = "List states, organisations and consultative processes.")
final class PartiesCommand implements Runnable {
    @Option(names = "--kind", description = "only STATE, ORGANISATION or PROCESS")
    String kind;

    @Option(names = "--json", description = "print one JSON document")
    boolean json;

    @Override
    public void run() {
        List<PartyView> parties = LocalRegistry.read().parties().stream()
                .filter(p -> kind == null || p.kind().name().equalsIgnoreCase(kind))
                .map(PartyView::of)
                .toList();
        if (json) {
            Json.print(parties);
            return;
        }
        for (PartyView p : parties) {
            System.out.printf(
                    "%-12s %-13s %s%s%n",
                    p.id(),
                    p.kind().toLowerCase(java.util.Locale.ROOT),
                    p.name(),
                    p.region() == null ? "" : "  (" + p.region() + ", " + p.subRegion() + ")");
        }
        System.out.println(parties.size() + " parties");
    }
}
