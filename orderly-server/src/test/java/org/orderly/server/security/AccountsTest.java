package org.orderly.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orderly.server.OrderlyProperties;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

class AccountsTest {
    private static final PasswordEncoder ENCODER = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    @TempDir
    Path home;

    @Test
    void withNoAccountsTheOneTimeSecretariatPasswordGoesToAFileOnlyItsOwnerReads() throws Exception {
        InMemoryUserDetailsManager accounts =
                Accounts.of(new OrderlyProperties(home.toString(), null, null, null, false, null, List.of()), ENCODER);
        Path file = home.resolve(Accounts.PASSWORD_FILE);
        assertThat(file).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        String password = Files.readString(file).strip();
        assertThat(password).hasSizeGreaterThanOrEqualTo(20);
        assertThat(ENCODER.matches(
                        password, accounts.loadUserByUsername("secretariat").getPassword()))
                .isTrue();
        assertThat(accounts.loadUserByUsername("secretariat").getAuthorities())
                .extracting(Object::toString)
                .containsExactly("ROLE_SECRETARIAT");
    }

    @Test
    void configuredAccountsCarryTheirRolesAndPartyAndWriteNoFile() {
        InMemoryUserDetailsManager accounts = Accounts.of(
                new OrderlyProperties(
                        home.toString(),
                        null,
                        null,
                        null,
                        false,
                        null,
                        List.of(new OrderlyProperties.User("officer", "{noop}x", "deu", List.of("border")))),
                ENCODER);
        assertThat(accounts.loadUserByUsername("officer").getAuthorities())
                .extracting(Object::toString)
                .containsExactlyInAnyOrder("ROLE_BORDER", "PARTY_DEU");
        assertThat(home.resolve(Accounts.PASSWORD_FILE)).doesNotExist();
        assertThatThrownBy(() -> Accounts.of(
                        new OrderlyProperties(
                                home.toString(),
                                null,
                                null,
                                null,
                                false,
                                null,
                                List.of(new OrderlyProperties.User("x", " ", null, List.of()))),
                        ENCODER))
                .hasMessageContaining("has no password");
    }
}
