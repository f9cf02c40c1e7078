package org.orderly.store;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where Orderly keeps its data: an external PostgreSQL when a JDBC URL is given, otherwise an
 * embedded PostgreSQL whose data directory lives under {@code home}.
 *
 * <p>From the environment: {@code ORDERLY_HOME} (default {@code ~/.orderly}), {@code ORDERLY_DB_URL},
 * {@code ORDERLY_DB_USER}, {@code ORDERLY_DB_PASSWORD}.
 */
public record DatabaseSettings(Path home, String jdbcUrl, String user, String password, boolean temporary) {

    public static DatabaseSettings fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    public static DatabaseSettings fromEnvironment(Map<String, String> env) {
        String home = env.get("ORDERLY_HOME");
        Path homePath = home == null || home.isBlank()
                ? Path.of(System.getProperty("user.home"), ".orderly")
                : Path.of(home);
        String url = env.get("ORDERLY_DB_URL");
        return new DatabaseSettings(homePath.toAbsolutePath(), url == null || url.isBlank() ? null : url,
                env.getOrDefault("ORDERLY_DB_USER", "postgres"), env.getOrDefault("ORDERLY_DB_PASSWORD", ""), false);
    }

    /** An embedded database in a fresh directory, deleted when closed: for tests and benchmarks. */
    public static DatabaseSettings temporary(Path directory) {
        return new DatabaseSettings(directory.toAbsolutePath(), null, "postgres", "", true);
    }

    public boolean embedded() {
        return jdbcUrl == null;
    }
}
