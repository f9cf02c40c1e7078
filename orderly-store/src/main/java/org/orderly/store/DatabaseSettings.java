package org.orderly.store;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where Orderly keeps its data: an external PostgreSQL when a JDBC URL is given, otherwise an
 * embedded PostgreSQL whose data directory lives under {@code home}.
 *
 * <p>From the environment: {@code ORDERLY_HOME} (default {@code ~/.orderly}), {@code ORDERLY_DB_URL},
 * {@code ORDERLY_DB_USER}, {@code ORDERLY_DB_PASSWORD}, and {@code ORDERLY_POSTGRES_BINARIES}: where the embedded
 * PostgreSQL's programs are unpacked and run from (default {@code $ORDERLY_HOME/postgres-binaries}; a folder only
 * Orderly's user may enter, see {@link PostgresBinaries}; the build points its tests at one shared folder).
 *
 * <p>{@code durable} is true everywhere except where a test chose otherwise with {@link #fastUnsafeForTests()}:
 * the embedded database then runs with fsync and synchronous commit on, so that a confirmed write survives a crash.
 */
public record DatabaseSettings(Path home, String jdbcUrl, String user, String password, boolean temporary, boolean durable,
                               Path binaries) {
    /** The environment variable that moves the embedded PostgreSQL's programs out of {@code $ORDERLY_HOME}. */
    public static final String BINARIES_VARIABLE = "ORDERLY_POSTGRES_BINARIES";

    public DatabaseSettings {
        if (binaries == null && home != null) binaries = home.resolve(PostgresBinaries.FOLDER);
        if (binaries != null) binaries = binaries.toAbsolutePath();
    }

    /** Settings whose programs folder comes from this process's environment (or lies in {@code home}). */
    public DatabaseSettings(Path home, String jdbcUrl, String user, String password, boolean temporary, boolean durable) {
        this(home, jdbcUrl, user, password, temporary, durable, binaries(System.getenv(), home));
    }

    public static DatabaseSettings fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    public static DatabaseSettings fromEnvironment(Map<String, String> env) {
        String home = env.get("ORDERLY_HOME");
        Path homePath = (home == null || home.isBlank()
                ? Path.of(System.getProperty("user.home"), ".orderly")
                : Path.of(home)).toAbsolutePath();
        String url = env.get("ORDERLY_DB_URL");
        return new DatabaseSettings(homePath, url == null || url.isBlank() ? null : url,
                env.getOrDefault("ORDERLY_DB_USER", "postgres"), env.getOrDefault("ORDERLY_DB_PASSWORD", ""), false, true,
                binaries(env, homePath));
    }

    /** An embedded database in a fresh directory, deleted when closed, with the production (durable) settings. */
    public static DatabaseSettings temporary(Path directory) {
        return new DatabaseSettings(directory.toAbsolutePath(), null, null, null, true, true);
    }

    /**
     * The same settings without crash safety (fsync off, asynchronous commit): only for tests and benchmarks
     * that choose it explicitly. A crash loses confirmed writes.
     */
    public DatabaseSettings fastUnsafeForTests() {
        return new DatabaseSettings(home, jdbcUrl, user, password, temporary, false, binaries);
    }

    public boolean embedded() {
        return jdbcUrl == null;
    }

    private static Path binaries(Map<String, String> env, Path home) {
        String given = env.get(BINARIES_VARIABLE);
        if (given != null && !given.isBlank()) return Path.of(given);
        return home == null ? null : home.resolve(PostgresBinaries.FOLDER);
    }
}
