package org.orderly.server.security;

import java.util.List;

/**
 * The paths of one capability that show or return personal data (border checks, crossings, passengers, the audit log).
 * The capability's access rules restrict them to its roles; {@link SameOriginReads} refuses a browser session's read of
 * them that another site started. One list serves both, so that a new personal-data path cannot get one and miss the other.
 *
 * @param patterns Spring path patterns ({@code /api/v1/crossings/**})
 */
public record PersonalDataPaths(List<String> patterns) {
    public PersonalDataPaths {
        patterns = List.copyOf(patterns);
    }

    public static PersonalDataPaths of(String... patterns) {
        return new PersonalDataPaths(List.of(patterns));
    }

    /** The patterns, for {@code requestMatchers(String...)}. */
    public String[] array() {
        return patterns.toArray(String[]::new);
    }
}
