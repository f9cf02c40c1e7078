package org.orderly.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.orderly.exchange.audit.AuditChain;
import org.orderly.exchange.audit.AuditCheckpoint;
import org.orderly.exchange.audit.AuditEntry;
import org.orderly.exchange.audit.AuditExport;
import org.orderly.exchange.audit.AuditKey;
import org.orderly.store.OwnerOnlyFile;
import org.orderly.store.audit.AuditStore;
import org.orderly.store.audit.CheckpointFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Reads, checkpoints, exports and verifies the signed, hash-chained audit log of acts on personal data. */
@Command(
        name = "audit",
        mixinStandardHelpOptions = true,
        description = "The audit log of acts on personal data (screenings, border checks, document reads).",
        subcommands = {
            AuditCommand.Verify.class,
            AuditCommand.Latest.class,
            AuditCommand.Checkpoint.class,
            AuditCommand.Export.class,
            AuditCommand.PublicKey.class
        })
final class AuditCommand implements Runnable {
    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(
                new picocli.CommandLine(this), "say what to do: verify, latest, checkpoint, export or public-key");
    }

    /** The audit log of the local database, stamped with the command line's one clock. */
    static AuditStore store(LocalRegime regime, java.time.Clock clock) {
        return AuditStore.open(regime.dataSource(), regime.home().resolve("audit"), clock);
    }

    @Command(
            name = "verify",
            mixinStandardHelpOptions = true,
            description = {
                "Verify the log: the hash chain, each entry's signature by the audit key and the log against the latest "
                        + "signed checkpoint. Exit 0 when intact, 3 naming what is missing or forged when not.",
                "With --export and --public-key, verify an exported log offline, without any database."
            })
    static final class Verify implements Callable<Integer> {
        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(names = "--export", paramLabel = "FILE", description = "an export written by 'orderly audit export'")
        Path export;

        @Option(names = "--public-key", paramLabel = "FILE", description = "the audit public key (PEM), for --export")
        Path publicKey;

        @Option(
                names = "--checkpoints",
                paramLabel = "FILE",
                description =
                        "checkpoints kept elsewhere (lines of the audit-checkpoints file), checked as well as the export's own")
        Path checkpoints;

        @Option(names = "--json", description = "print one JSON document")
        boolean json;

        @Override
        public Integer call() {
            AuditChain.Verification verification;
            if (export != null || publicKey != null) {
                if (export == null || publicKey == null) {
                    throw new IllegalArgumentException(
                            "offline verification needs both --export FILE and --public-key FILE");
                }
                verification = offline();
            } else {
                try (LocalRegime regime = LocalRegime.open()) {
                    verification = store(regime, Orderly.clock(spec)).verify();
                }
            }
            if (json) {
                Json.print(verification);
            } else if (verification.intact()) {
                System.out.println(
                        "intact: " + verification.entries() + " entries, signed by " + verification.keyFingerprint()
                                + ", last hash " + verification.lastHash()
                                + (verification.checkpointEntries() < 0
                                        ? " (no checkpoint yet: a truncation could not be seen)"
                                        : "; matches the signed checkpoint of " + verification.checkpointAt() + " ("
                                                + verification.checkpointEntries() + " entries)"));
            } else {
                System.out.println("BROKEN"
                        + (verification.firstBrokenSequence() > 0
                                ? " at entry " + verification.firstBrokenSequence()
                                : "")
                        + ": " + verification.problem() + " (" + verification.entries()
                        + " entries verified before it)");
            }
            return verification.intact() ? 0 : 3;
        }

        private AuditChain.Verification offline() {
            AuditKey key;
            try {
                key = AuditKey.parse(Files.readString(publicKey, StandardCharsets.US_ASCII));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + publicKey + ": " + e.getMessage(), e);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(publicKey + ": " + e.getMessage(), e);
            }
            AuditExport read;
            try (Reader reader = Files.newBufferedReader(export, StandardCharsets.UTF_8)) {
                read = AuditExport.read(reader);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + export + ": " + e.getMessage(), e);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(export + " " + e.getMessage(), e);
            }
            List<AuditCheckpoint> more = new ArrayList<>();
            if (checkpoints != null) {
                if (!Files.isRegularFile(checkpoints))
                    throw new IllegalArgumentException("no such checkpoints file: " + checkpoints);
                more.addAll(new CheckpointFile(checkpoints).all());
            }
            return read.verify(key, more);
        }
    }

    @Command(
            name = "export",
            mixinStandardHelpOptions = true,
            description =
                    "Write the whole log and its signed checkpoints, for verification offline with the public key.")
    static final class Export implements Runnable {
        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(
                names = {"--output", "-o"},
                paramLabel = "FILE",
                description =
                        "the file to write, readable by its owner only; never through a symbolic link (default: standard output)")
        Path output;

        @Override
        public void run() {
            try (LocalRegime regime = LocalRegime.open()) {
                AuditStore store = store(regime, Orderly.clock(spec));
                if (output == null) {
                    Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
                    store.export(out);
                } else {
                    // Who did what to whose personal data: readable by its owner only, as the saved screening index is.
                    OwnerOnlyFile.write(
                            output, out -> store.export(new OutputStreamWriter(out, StandardCharsets.UTF_8)));
                    System.err.println("orderly: wrote the audit log to " + output);
                }
            }
        }
    }

    @Command(
            name = "checkpoint",
            mixinStandardHelpOptions = true,
            description =
                    "Write a signed checkpoint of the log now (the server writes one every minute and on shutdown).")
    static final class Checkpoint implements Callable<Integer> {
        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(names = "--json", description = "print one JSON document")
        boolean json;

        @Override
        public Integer call() {
            try (LocalRegime regime = LocalRegime.open()) {
                AuditStore store = store(regime, Orderly.clock(spec));
                AuditCheckpoint checkpoint;
                try {
                    checkpoint = store.checkpoint().orElse(null);
                } catch (IllegalStateException e) {
                    System.err.println("orderly: " + e.getMessage());
                    return 3;
                }
                if (json)
                    Json.print(
                            checkpoint == null
                                    ? AuditExport.latest(store.checkpoints()).orElse(null)
                                    : checkpoint);
                else if (checkpoint == null) System.out.println("no new entries since the last checkpoint");
                else
                    System.out.println("checkpoint: " + checkpoint.entries() + " entries, head " + checkpoint.headHash()
                            + ", at " + checkpoint.at());
                return 0;
            }
        }
    }

    @Command(
            name = "public-key",
            mixinStandardHelpOptions = true,
            description = "Print the audit public key (PEM): give it with an export to whoever verifies it.")
    static final class PublicKey implements Runnable {
        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            try (LocalRegime regime = LocalRegime.open()) {
                System.out.print(store(regime, Orderly.clock(spec)).publicKey().pem());
            }
        }
    }

    @Command(name = "latest", mixinStandardHelpOptions = true, description = "The latest entries, newest first.")
    static final class Latest implements Runnable {
        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(names = "--limit", description = "how many (default ${DEFAULT-VALUE})", defaultValue = "20")
        int limit;

        @Option(names = "--json", description = "print one JSON document")
        boolean json;

        @Override
        public void run() {
            try (LocalRegime regime = LocalRegime.open()) {
                List<AuditEntry> entries = store(regime, Orderly.clock(spec)).latest(limit);
                if (json) {
                    Json.print(entries);
                    return;
                }
                for (AuditEntry e : entries) {
                    System.out.printf(
                            "%6d %s %-16s %-4s %-18s %s %s%n",
                            e.sequence(), e.at(), e.actor(), e.party(), e.action(), e.subject(), e.detail());
                }
            }
        }
    }
}
