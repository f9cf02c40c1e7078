package org.orderly.server.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.orderly.server.OrderlyProperties;
import org.orderly.store.DatabaseSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * The accounts of this server, from {@code orderly.users}. With none configured, one secretariat account is created
 * with a one-time password written to {@code $ORDERLY_HOME/secretariat-password}, readable by its owner only, never
 * to the log.
 */
final class Accounts {
    private static final Logger log = LoggerFactory.getLogger(Accounts.class);
    static final String PASSWORD_FILE = "secretariat-password";
    static final String DEMO_ACCOUNTS_FILE = "demo-accounts";

    private Accounts() {}

    static InMemoryUserDetailsManager of(OrderlyProperties properties, PasswordEncoder encoder) {
        List<UserDetails> users = new ArrayList<>();
        for (OrderlyProperties.User user : properties.users()) {
            if (user.name() == null || user.name().isBlank())
                throw new IllegalStateException("orderly.users: an account has no name");
            if (user.password() == null || user.password().isBlank()) {
                throw new IllegalStateException("orderly.users: the account '" + user.name() + "' has no password");
            }
            List<SimpleGrantedAuthority> authorities = new ArrayList<>();
            (user.roles() == null ? List.<String>of() : user.roles())
                    .forEach(role -> authorities.add(
                            new SimpleGrantedAuthority("ROLE_" + role.trim().toUpperCase(Locale.ROOT))));
            if (user.party() != null && !user.party().isBlank()) {
                authorities.add(new SimpleGrantedAuthority(
                        Roles.partyAuthority(user.party().trim().toUpperCase(Locale.ROOT))));
            }
            users.add(User.withUsername(user.name())
                    .password(user.password())
                    .authorities(authorities)
                    .build());
        }
        if (users.isEmpty()) {
            byte[] bytes = new byte[18];
            new SecureRandom().nextBytes(bytes);
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            Path file = writeOwnerOnly(home(properties).resolve(PASSWORD_FILE), password + "\n");
            users.add(User.withUsername("secretariat")
                    .password(encoder.encode(password))
                    .roles(Roles.SECRETARIAT)
                    .build());
            log.warn(
                    "No accounts configured (orderly.users): created the account 'secretariat' for this run only; its one-time "
                            + "password is in {} (readable by you only). Configure accounts for real use.",
                    file);
            if (properties.demo()) users.addAll(demoNegotiators(properties, encoder));
        }
        return new InMemoryUserDetailsManager(users);
    }

    /**
     * With the demonstration on and no accounts configured: one negotiator account per party of the ILLUSTRATIVE
     * demonstration ({@code deu-negotiator}, {@code mar-negotiator}), so that a newcomer can see a party's room; their
     * one-time passwords go to {@code $ORDERLY_HOME/demo-accounts}, readable by its owner only.
     */
    private static List<UserDetails> demoNegotiators(OrderlyProperties properties, PasswordEncoder encoder) {
        List<UserDetails> users = new ArrayList<>();
        StringBuilder file = new StringBuilder();
        List<String> parties = org.orderly.negotiation.format.NegotiationJson.demo()
                .negotiation()
                .parties();
        for (String party : parties) {
            byte[] bytes = new byte[18];
            new SecureRandom().nextBytes(bytes);
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            String name = party.toLowerCase(Locale.ROOT) + "-negotiator";
            users.add(User.withUsername(name)
                    .password(encoder.encode(password))
                    .authorities(
                            new SimpleGrantedAuthority("ROLE_" + Roles.NEGOTIATOR),
                            new SimpleGrantedAuthority(Roles.partyAuthority(party)))
                    .build());
            file.append(name).append(' ').append(password).append('\n');
        }
        Path written = writeOwnerOnly(home(properties).resolve(DEMO_ACCOUNTS_FILE), file.toString());
        log.warn(
                "Demonstration: created the negotiator accounts {} for this run only; their one-time passwords are in {} "
                        + "(readable by you only).",
                users.stream().map(UserDetails::getUsername).toList(),
                written);
        return users;
    }

    /** The data folder, as the database sees it ({@code orderly.home}, else $ORDERLY_HOME, else ~/.orderly). */
    private static Path home(OrderlyProperties properties) {
        if ("temporary".equals(properties.home())) {
            try {
                Path dir = Files.createTempDirectory("orderly-home-");
                dir.toFile().deleteOnExit();
                return dir;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Map<String, String> env = new HashMap<>(System.getenv());
        if (properties.home() != null && !properties.home().isBlank()) env.put("ORDERLY_HOME", properties.home());
        return DatabaseSettings.fromEnvironment(env).home();
    }

    /** Writes a file that only its owner may read or write (created so from the start, never world-readable for a moment). */
    static Path writeOwnerOnly(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            boolean posix =
                    FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
            Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rw-------");
            if (posix) Files.createFile(file, PosixFilePermissions.asFileAttribute(ownerOnly));
            else Files.createFile(file);
            Files.writeString(file, content, StandardOpenOption.TRUNCATE_EXISTING);
            if (posix) Files.setPosixFilePermissions(file, ownerOnly);
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
