package org.orderly.server;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Orderly's settings ({@code orderly.*}): where the data lives, whether to load the demonstration
 * data, where the shared public data sets are, and the users of this server.
 *
 * @param home       data folder for the embedded database (default: $ORDERLY_HOME or ~/.orderly); "temporary" for a
 *                   fresh folder deleted at shutdown (tests)
 * @param dbUrl      JDBC URL of an external PostgreSQL; empty means embedded
 * @param demo       load reference data and the public data sets found under {@code sharedData} at start
 * @param sharedData folder of public data sets (visa matrix, treaty status), e.g. ../shared/data
 * @param users      accounts; when empty a secretariat account with a one-time password is created and logged
 */
@ConfigurationProperties("orderly")
public record OrderlyProperties(
        String home,
        String dbUrl,
        String dbUser,
        String dbPassword,
        boolean demo,
        String sharedData,
        List<User> users) {

    /** An account: password as a Spring Security encoded string ({bcrypt}…, or {noop}… in tests), the party it acts for, its roles. */
    public record User(String name, String password, String party, List<String> roles) {}

    public OrderlyProperties {
        users = users == null ? List.of() : List.copyOf(users);
    }
}
