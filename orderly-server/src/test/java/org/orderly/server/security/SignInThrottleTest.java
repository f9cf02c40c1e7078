package org.orderly.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

class SignInThrottleTest {
    private final AtomicInteger hashed = new AtomicInteger();
    private volatile CountDownLatch hold = new CountDownLatch(0);
    /** Accepts password "right" only, counting every password it checks; a wrong one waits on {@link #hold} (a slow hash). */
    private final AuthenticationManager passwords = authentication -> {
        hashed.incrementAndGet();
        if ("right".equals(authentication.getCredentials())) {
            return UsernamePasswordAuthenticationToken.authenticated(authentication.getName(), null, List.of());
        }
        try {
            hold.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new BadCredentialsException("wrong");
    };

    /** The time as the throttle sees it: the test moves it. */
    private final Clock clock = new Clock();

    private static final class Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
    }

    private AuthenticationManager throttle(int free, int perAccountPerHour, int concurrentChecks) {
        return new SignInThrottle(
                        new SignInThrottle.Settings(
                                free,
                                Duration.ofSeconds(1),
                                Duration.ofMinutes(15),
                                perAccountPerHour,
                                concurrentChecks),
                        () -> clock.now)
                .around(passwords);
    }

    private static UsernamePasswordAuthenticationToken attempt(String user, String password, String address) {
        UsernamePasswordAuthenticationToken attempt =
                UsernamePasswordAuthenticationToken.unauthenticated(user, password);
        attempt.setDetails(new WebAuthenticationDetails(address, null));
        return attempt;
    }

    @Test
    void fortySimultaneousGuessesGetNoMoreChecksThanTheFreeFailures() throws Exception {
        AuthenticationManager throttled = throttle(10, 1000, 64);
        hold = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(40);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> answers = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            answers.add(pool.submit(() -> {
                start.await();
                try {
                    throttled.authenticate(attempt("anna", "wrong", "203.0.113.9"));
                    return "accepted";
                } catch (SignInThrottle.ThrottledException e) {
                    return "throttled";
                } catch (BadCredentialsException e) {
                    return "checked";
                }
            }));
        }
        start.countDown();
        Thread.sleep(300); // every guess has reached the throttle while the checked ones are still "hashing"
        hold.countDown();
        List<String> outcomes = new ArrayList<>();
        for (Future<String> answer : answers) outcomes.add(answer.get(20, TimeUnit.SECONDS));
        pool.shutdown();
        assertThat(hashed.get())
                .as("passwords checked of 40 simultaneous guesses, limit 10")
                .isEqualTo(10);
        assertThat(outcomes).filteredOn("checked"::equals).hasSize(10);
        assertThat(outcomes).filteredOn("throttled"::equals).hasSize(30);
    }

    @Test
    void delaysGrowPerAccountAndAddressWhileTheHolderSignsInFromElsewhere() {
        AuthenticationManager throttled = throttle(3, 1000, 4);
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> throttled.authenticate(attempt("anna", "wrong", "203.0.113.9")))
                    .isInstanceOf(BadCredentialsException.class);
        }
        int checked = hashed.get();
        assertThatThrownBy(() -> throttled.authenticate(attempt("ANNA", "right", "203.0.113.9")))
                .isInstanceOf(SignInThrottle.ThrottledException.class)
                .hasMessageContaining("from this address");
        assertThat(hashed.get()).as("refused before any password is hashed").isEqualTo(checked);
        assertThat(throttled
                        .authenticate(attempt("anna", "right", "198.51.100.7"))
                        .isAuthenticated())
                .as("the holder at another address is not kept out")
                .isTrue();
        assertThat(throttled
                        .authenticate(attempt("ben", "right", "203.0.113.9"))
                        .isAuthenticated())
                .as("another account behind the same address is not kept out")
                .isTrue();

        // 1 s after the third failure one more guess; then 2 s, 4 s…: a delay that doubles, not a lock-out.
        clock.now = clock.now.plusSeconds(1);
        assertThatThrownBy(() -> throttled.authenticate(attempt("anna", "wrong", "203.0.113.9")))
                .isInstanceOf(BadCredentialsException.class);
        clock.now = clock.now.plusSeconds(1);
        assertThatThrownBy(() -> throttled.authenticate(attempt("anna", "wrong", "203.0.113.9")))
                .isInstanceOf(SignInThrottle.ThrottledException.class);
        clock.now = clock.now.plusSeconds(1);
        assertThat(throttled
                        .authenticate(attempt("anna", "right", "203.0.113.9"))
                        .isAuthenticated())
                .isTrue();
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> throttled.authenticate(attempt("anna", "wrong", "203.0.113.9")))
                    .as("a success clears the source")
                    .isInstanceOf(BadCredentialsException.class);
        }
    }

    @Test
    void guessesFromManyAddressesAreCappedPerAccountButNotForAddressesTheHolderUsed() {
        AuthenticationManager throttled = throttle(5, 10, 4);
        assertThat(throttled
                        .authenticate(attempt("anna", "right", "198.51.100.7"))
                        .isAuthenticated())
                .isTrue();
        for (int i = 0; i < 10; i++) {
            String address = "203.0.113." + i;
            assertThatThrownBy(() -> throttled.authenticate(attempt("anna", "wrong", address)))
                    .isInstanceOf(BadCredentialsException.class);
        }
        int checked = hashed.get();
        assertThatThrownBy(() -> throttled.authenticate(attempt("anna", "right", "203.0.113.200")))
                .isInstanceOf(SignInThrottle.ThrottledException.class)
                .hasMessageContaining("new addresses");
        assertThat(hashed.get()).isEqualTo(checked);
        assertThat(throttled
                        .authenticate(attempt("anna", "right", "198.51.100.7"))
                        .isAuthenticated())
                .as("the address the holder signed in from")
                .isTrue();
        clock.now = clock.now.plus(Duration.ofMinutes(61));
        assertThat(throttled
                        .authenticate(attempt("anna", "right", "203.0.113.200"))
                        .isAuthenticated())
                .as("the next hour")
                .isTrue();
    }

    @Test
    void aFloodOfChecksFromNewSourcesDoesNotQueueAHolderWhoSignedInBefore() throws Exception {
        AuthenticationManager throttled = throttle(5, 1000, 1);
        assertThat(throttled
                        .authenticate(attempt("officer", "right", "198.51.100.7"))
                        .isAuthenticated())
                .isTrue();
        hold = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        Future<?> slowGuess = pool.submit(() -> {
            try {
                throttled.authenticate(attempt("guess-1", "wrong", "203.0.113.9"));
            } catch (BadCredentialsException expected) {
                // the guess holds the one check allowed for new sources
            }
        });
        Thread.sleep(200);
        assertThatThrownBy(() -> throttled.authenticate(attempt("guess-2", "wrong", "203.0.113.10")))
                .isInstanceOf(SignInThrottle.ThrottledException.class)
                .hasMessageContaining("at once on this server");
        assertThat(throttled
                        .authenticate(attempt("officer", "right", "198.51.100.7"))
                        .isAuthenticated())
                .as("the holder signs in while the guess still holds the check")
                .isTrue();
        assertThat(slowGuess.isDone()).isFalse();
        hold.countDown();
        slowGuess.get(5, TimeUnit.SECONDS);
        pool.shutdown();
    }
}
