package org.orderly.cli;

import java.util.List;
import org.orderly.exchange.audit.AuditChain;
import org.orderly.exchange.audit.AuditEntry;
import org.orderly.store.audit.AuditStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Reads and verifies the hash-chained audit log of acts on personal data in this Orderly's database. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "The audit log of acts on personal data (screenings, border checks, document reads).",
        subcommands = {AuditCommand.Verify.class, AuditCommand.Latest.class})
final class AuditCommand implements Runnable {
    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "say what to do: verify or latest");
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Recompute the whole hash chain; exit 0 when intact, 3 with the first broken entry when not.")
    static final class Verify implements java.util.concurrent.Callable<Integer> {
        @Option(names = "--json", description = "print one JSON document")
        boolean json;

        @Override
        public Integer call() {
            try (LocalRegime regime = LocalRegime.open()) {
                AuditChain.Verification verification = new AuditStore(regime.dataSource()).verify();
                if (json) {
                    Json.print(verification);
                } else if (verification.intact()) {
                    System.out.println("intact: " + verification.entries() + " entries, last hash " + verification.lastHash());
                } else {
                    System.out.println("BROKEN at entry " + verification.firstBrokenSequence() + ": " + verification.problem()
                            + " (" + verification.entries() + " entries verified before it)");
                }
                return verification.intact() ? 0 : 3;
            }
        }
    }

    @Command(name = "latest", mixinStandardHelpOptions = true, description = "The latest entries, newest first.")
    static final class Latest implements Runnable {
        @Option(names = "--limit", description = "how many (default ${DEFAULT-VALUE})", defaultValue = "20")
        int limit;

        @Option(names = "--json", description = "print one JSON document")
        boolean json;

        @Override
        public void run() {
            try (LocalRegime regime = LocalRegime.open()) {
                List<AuditEntry> entries = new AuditStore(regime.dataSource()).latest(limit);
                if (json) {
                    Json.print(entries);
                    return;
                }
                for (AuditEntry e : entries) {
                    System.out.printf("%6d %s %-16s %-4s %-18s %s %s%n", e.sequence(), e.at(), e.actor(), e.party(), e.action(),
                            e.subject(), e.detail());
                }
            }
        }
    }
}
