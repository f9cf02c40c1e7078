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
 * <p>An external PostgreSQL is used with a role that is not a superuser: {@code allowSuperuser}
 * ({@code ORDERLY_DB_ALLOW_SUPERUSER=true}) is the only way to connect as one.
 *
 * <p>{@code durable} is true everywhere except where a test chose otherwise with {@link #fastUnsafeForTests()}:
 * the embedded database then runs with fsync and synchronous commit on, so that a confirmed write survives a crash.
 */
public record DatabaseSettings(
        Path home,
        String jdbcUrl,
        String user,
        String password,
        boolean temporary,
        boolean durable,
        Path binaries,
        boolean allowSuperuser) {
    /** The environment variable that moves the embedded PostgreSQL's programs out of {@code $ORDERLY_HOME}. */
    public static final String BINARIES_VARIABLE = "ORDERLY_POSTGRES_BINARIES";
    /** The environment variable that lets Orderly connect to an external PostgreSQL as a superuser ({@code true}). */
    public static final String ALLOW_SUPERUSER_VARIABLE = "ORDERLY_DB_ALLOW_SUPERUSER";

    public DatabaseSettings {
        if (binaries == null && home != null) binaries = home.resolve(PostgresBinaries.FOLDER);
        if (binaries != null) binaries = binaries.toAbsolutePath();
    }

    /** Settings whose programs folder comes from this process's environment (or lies in {@code home}). */
    public DatabaseSettings(
            Path home, String jdbcUrl, String user, String password, boolean temporary, boolean durable) {
        this(home, jdbcUrl, user, password, temporary, durable, binaries(System.getenv(), home), false);
    }

    public static DatabaseSettings fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    public static DatabaseSettings fromEnvironment(Map<String, String> env) {
        String home = env.get("ORDERLY_HOME");
        Path homePath = (home == null || home.isBlank()
                        ? Path.of(System.getProperty("user.home"), ".orderly")
                        : Path.of(home))
                .toAbsolutePath();
        String url = env.get("ORDERLY_DB_URL");
        return new DatabaseSettings(
                homePath,
                url == null || url.isBlank() ? null : url,
                env.getOrDefault("ORDERLY_DB_USER", "postgres"),
                env.getOrDefault("ORDERLY_DB_PASSWORD", ""),
                false,
                true,
                binaries(env, homePath),
                "true"
                        .equalsIgnoreCase(
                                env.getOrDefault(ALLOW_SUPERUSER_VARIABLE, "").strip()));
    }

    /**
     * A throwaway database, deleted when closed: on the external PostgreSQL that {@code ORDERLY_DB_URL} names in
     * {@code env}, when it names one (a fresh database created there by the role given, which needs CREATEDB, and
     * dropped on close), otherwise embedded in {@code directory} as {@link #temporary(Path)}. What the tests and a
     * server started with {@code orderly.home=temporary} run on, so that one variable runs them against a server.
     */
    public static DatabaseSettings scratch(Path directory, Map<String, String> env) {
        DatabaseSettings given = fromEnvironment(env);
        if (given.embedded()) return temporary(directory);
        return new DatabaseSettings(
                directory.toAbsolutePath(),
                given.jdbcUrl(),
                given.user(),
                given.password(),
                true,
                true,
                null,
                given.allowSuperuser());
    }

    /** The same settings, allowing a superuser or not. */
    public DatabaseSettings allowingSuperuser(boolean allow) {
        return new DatabaseSettings(home, jdbcUrl, user, password, temporary, durable, binaries, allow);
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
        return new DatabaseSettings(home, jdbcUrl, user, password, temporary, false, binaries, allowSuperuser);
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
