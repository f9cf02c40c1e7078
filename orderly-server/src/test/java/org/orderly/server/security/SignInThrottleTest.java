package org.orderly.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;

class SignInThrottleTest {
    private final AtomicInteger hashed = new AtomicInteger();
    /** Accepts password "right" only, counting every password it checks. */
    private final AuthenticationManager passwords = authentication -> {
        hashed.incrementAndGet();
        if ("right".equals(authentication.getCredentials())) {
            return UsernamePasswordAuthenticationToken.authenticated(authentication.getName(), null, java.util.List.of());
        }
        throw new BadCredentialsException("wrong");
    };

    private static UsernamePasswordAuthenticationToken attempt(String user, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(user, password);
    }

    @Test
    void afterTheLimitEveryPasswordForThatAccountIsRefusedWithoutCheckingIt() {
        AuthenticationManager throttled = new SignInThrottle(3, 100, Duration.ofMinutes(5)).around(passwords);
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> throttled.authenticate(attempt("anna", "wrong"))).isInstanceOf(BadCredentialsException.class);
        }
        int checked = hashed.get();
        assertThatThrownBy(() -> throttled.authenticate(attempt("ANNA", "right"))).isInstanceOf(SignInThrottle.ThrottledException.class)
                .hasMessageContaining("this account");
        assertThat(hashed.get()).as("refused before any password is hashed").isEqualTo(checked);
        assertThat(throttled.authenticate(attempt("ben", "right")).isAuthenticated()).as("other accounts are unaffected").isTrue();
    }

    @Test
    void aSuccessBeforeTheLimitClearsTheAccountsCount() {
        AuthenticationManager throttled = new SignInThrottle(3, 100, Duration.ofMinutes(5)).around(passwords);
        for (int round = 0; round < 5; round++) {
            for (int i = 0; i < 2; i++) {
                assertThatThrownBy(() -> throttled.authenticate(attempt("anna", "wrong"))).isInstanceOf(BadCredentialsException.class);
            }
            assertThat(throttled.authenticate(attempt("anna", "right")).isAuthenticated()).isTrue();
        }
    }

    @Test
    void theWindowEnds() throws InterruptedException {
        AuthenticationManager throttled = new SignInThrottle(1, 100, Duration.ofMillis(200)).around(passwords);
        assertThatThrownBy(() -> throttled.authenticate(attempt("anna", "wrong"))).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> throttled.authenticate(attempt("anna", "right"))).isInstanceOf(SignInThrottle.ThrottledException.class);
        Thread.sleep(400);
        assertThat(throttled.authenticate(attempt("anna", "right")).isAuthenticated()).isTrue();
    }
}
