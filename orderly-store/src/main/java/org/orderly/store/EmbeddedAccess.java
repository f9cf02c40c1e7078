package org.orderly.store;

import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Who may connect to the embedded PostgreSQL: password (scram-sha-256) connections over loopback TCP only,
 * no Unix socket, no trust. Applied to the data directory before every start; a data directory from an earlier
 * Orderly (which trusted every local account as superuser) first gets its superuser password, set offline in
 * PostgreSQL's single-user mode so that no trusting server ever listens again.
 */
final class EmbeddedAccess {
    static final String HOST_BASED_AUTHENTICATION = """
            # Written by Orderly at every start: password (scram-sha-256) connections over loopback TCP only.
            # No Unix-socket (local) line and no trust: every connection needs the password in
            # $ORDERLY_HOME/database-passwords.properties.
            host    all    all    127.0.0.1/32    scram-sha-256
            host    all    all    ::1/128         scram-sha-256
            """;

    private EmbeddedAccess() {}

    /** Secures the data directory before the server starts on it, and checks the binaries it will run from once more. */
    static void secure(Path dataDirectory, DatabasePasswords passwords, PostgresBinaries binaries) {
        binaries.secure();
        Path hba = dataDirectory.resolve("pg_hba.conf");
        try {
            if (trustsAnyone(hba)) setSuperuserPasswordOffline(dataDirectory, passwords.superuser(), binaries);
            Files.writeString(hba, HOST_BASED_AUTHENTICATION, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot secure the embedded PostgreSQL in " + dataDirectory + ": " + e.getMessage(), e);
        }
    }

    /** Whether an uncommented line of pg_hba.conf lets someone in without a password. */
    static boolean trustsAnyone(Path hba) throws IOException {
        if (!Files.isRegularFile(hba)) return false;
        for (String line : Files.readAllLines(hba, StandardCharsets.UTF_8)) {
            String content = line.replaceFirst("#.*", "").trim();
            if (content.isEmpty()) continue;
            for (String token : content.split("\\s+")) if (token.equals("trust")) return true;
        }
        return false;
    }

    private static void setSuperuserPasswordOffline(Path dataDirectory, String password, PostgresBinaries binaries) {
        // The very program zonky unpacked for this start, in a folder only Orderly's user may enter (checked by
        // postgres()).
        Path postgres = binaries.postgres();
        if (!Files.isExecutable(postgres))
            throw refusal(dataDirectory, "the PostgreSQL program " + postgres + " was not found");
        List<String> command = new ArrayList<>();
        // As zonky does: PostgreSQL refuses to run as root, so a root process runs it in a user namespace.
        if (LinuxUtils.isUnshareAvailable()) command.addAll(List.of("unshare", "-U"));
        command.addAll(List.of(
                postgres.toString(), "--single", "-D", dataDirectory.toString(), "-c", "exit_on_error=on", "postgres"));
        try {
            Path log = Files.createTempFile("orderly-postgres-migration", ".log");
            try {
                Process process = new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile())
                        .start();
                try (OutputStream in = process.getOutputStream()) {
                    // The password is letters and digits only (DatabasePasswords checks it): nothing to escape.
                    in.write(("ALTER ROLE postgres PASSWORD '" + password + "'\n").getBytes(StandardCharsets.UTF_8));
                }
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw refusal(dataDirectory, "PostgreSQL's single-user mode did not finish within 60 seconds");
                }
                if (process.exitValue() != 0) {
                    String output = Files.readString(log).strip();
                    throw refusal(
                            dataDirectory,
                            "PostgreSQL's single-user mode failed (exit " + process.exitValue() + "): "
                                    + output.substring(Math.max(0, output.length() - 400)));
                }
            } finally {
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            throw refusal(dataDirectory, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw refusal(dataDirectory, "interrupted");
        }
    }

    private static IllegalStateException refusal(Path dataDirectory, String reason) {
        return new IllegalStateException(
                "the embedded database in " + dataDirectory + " was created by an earlier Orderly that let "
                        + "every local account connect as superuser without a password, and Orderly could not give it a password ("
                        + reason
                        + "). Refusing to start it as it is: stop every process using it and start again, or move the folder "
                        + "away to start with a new, password-protected database (its imports would need to be run again).");
    }
}
