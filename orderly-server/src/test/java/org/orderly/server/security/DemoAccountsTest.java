package org.orderly.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orderly.server.OrderlyProperties;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** With no accounts configured and the demonstration on, each demonstration party gets a negotiator account. */
class DemoAccountsTest {
    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    @Test
    void eachDemonstrationPartyGetsANegotiatorWhosePasswordOnlyItsOwnerCanRead(@TempDir Path home) throws Exception {
        var accounts =
                Accounts.of(new OrderlyProperties(home.toString(), null, null, null, true, null, List.of()), encoder);

        List<String> lines = Files.readAllLines(home.resolve(Accounts.DEMO_ACCOUNTS_FILE));
        assertThat(lines).extracting(l -> l.split(" ")[0]).containsExactly("deu-negotiator", "mar-negotiator");
        for (String line : lines) {
            String[] parts = line.split(" ");
            var user = accounts.loadUserByUsername(parts[0]);
            assertThat(encoder.matches(parts[1], user.getPassword())).isTrue();
            assertThat(user.getAuthorities())
                    .extracting(Object::toString)
                    .contains(
                            "ROLE_NEGOTIATOR",
                            Roles.partyAuthority(parts[0].substring(0, 3).toUpperCase(Locale.ROOT)));
        }
        assertThat(Files.getPosixFilePermissions(home.resolve(Accounts.DEMO_ACCOUNTS_FILE)))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }

    @Test
    void withoutTheDemonstrationThereIsOnlyTheSecretariat(@TempDir Path home) {
        var accounts =
                Accounts.of(new OrderlyProperties(home.toString(), null, null, null, false, null, List.of()), encoder);
        assertThat(accounts.userExists("secretariat")).isTrue();
        assertThat(accounts.userExists("deu-negotiator")).isFalse();
        assertThat(home.resolve(Accounts.DEMO_ACCOUNTS_FILE)).doesNotExist();
    }
}
