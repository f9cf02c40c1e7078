package org.orderly.server.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Slows password guessing without shutting out the account's holder (OWASP ASVS 2.2.1: soft limits and growing delays,
 * not lock-outs). Three limits, each checked and counted in one atomic step <em>before</em> any password is hashed, so
 * that simultaneous guesses cannot all slip through between check and count:
 * <ol>
 *   <li><b>Per account and address</b> (a source): {@link Settings#freeFailures()} failures, then a delay that doubles with
 *   each further failure from {@link Settings#firstDelay()} up to {@link Settings#maxDelay()}. Checks still running count
 *   as failures until they end. A success clears the source. Guesses from one address never slow the same account
 *   signing in from another, nor other accounts behind the same address (a proxy, a NAT).</li>
 *   <li><b>Per account, from addresses it never signed in from</b>: at most {@link Settings#failuresPerAccountPerHour()}
 *   failures an hour (ASVS: no more than 100 an hour), so guessing spread over many addresses stays slow. An address
 *   the account signed in from since the server started is exempt, so this cannot keep the holder out either.</li>
 *   <li><b>Password checks at once</b> for sources that never signed in: at most {@link Settings#concurrentChecks()} (each
 *   costs a bcrypt hash of CPU), so a flood of guesses cannot starve the officers' requests. A source that signed in
 *   before does not queue behind the flood.</li>
 * </ol>
 * Sessions and personal access tokens are not password sign-ins and are never slowed. What is remembered lives in
 * memory: a restart forgets delays and known addresses alike.
 */
final class SignInThrottle {
    /** How long to wait for a free password check before answering "busy". */
    private static final Duration CHECK_WAIT = Duration.ofMillis(250);

    /**
     * The limits ({@code orderly.sign-in.*}).
     *
     * @param freeFailures              failures per account and address before delays start
     * @param firstDelay                the first delay; each further failure doubles it
     * @param maxDelay                  the longest delay
     * @param failuresPerAccountPerHour failures an hour for one account from addresses it never signed in from
     * @param concurrentChecks          password checks at once for sources that never signed in
     */
    record Settings(
            int freeFailures,
            Duration firstDelay,
            Duration maxDelay,
            int failuresPerAccountPerHour,
            int concurrentChecks) {
        Settings {
            if (freeFailures < 1 || failuresPerAccountPerHour < 1 || concurrentChecks < 1) {
                throw new IllegalArgumentException(
                        "orderly.sign-in: free-failures, failures-per-account and concurrent-checks must be at least 1");
            }
            if (firstDelay.isNegative() || firstDelay.isZero() || maxDelay.compareTo(firstDelay) < 0) {
                throw new IllegalArgumentException(
                        "orderly.sign-in: first-delay must be positive and at most max-delay");
            }
        }
    }

    /** Refused before any password was checked: too many failures from this source, or too many checks at once. */
    static final class ThrottledException extends AuthenticationException {
        @java.io.Serial
        private static final long serialVersionUID = 1L;

        private final long retryAfterSeconds;

        ThrottledException(String message, long retryAfterSeconds) {
            super(message);
            this.retryAfterSeconds = retryAfterSeconds;
        }

        long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    /** One account at one address: failures so far, checks running, and when the next check may start. */
    private static final class Source {
        int failures;
        int running;
        Instant notBefore = Instant.MIN;
    }

    /** One account's failures from unknown addresses in the current hour. */
    private static final class Hour {
        Instant start;
        int failures;

        Hour(Instant start) {
            this.start = start;
        }
    }

    private final Settings settings;
    private final Supplier<Instant> clock;
    private final Cache<String, Source> sources;
    private final Cache<String, Hour> accounts;
    private final Cache<String, Boolean> signedInFrom;
    private final Semaphore unknownChecks;

    SignInThrottle(Settings settings) {
        this(settings, Instant::now);
    }

    /** With a clock of the caller's (tests move it). */
    SignInThrottle(Settings settings, Supplier<Instant> clock) {
        this.settings = settings;
        this.clock = clock;
        // Bounded: a flood of invented names cannot grow them without limit. A source is remembered a day after its
        // last
        // attempt, so waiting out a delay does not reset the count.
        this.sources = Caffeine.newBuilder()
                .expireAfterAccess(Duration.ofDays(1))
                .maximumSize(100_000)
                .build();
        this.accounts = Caffeine.newBuilder()
                .expireAfterAccess(Duration.ofHours(2))
                .maximumSize(100_000)
                .build();
        this.signedInFrom = Caffeine.newBuilder()
                .expireAfterAccess(Duration.ofDays(90))
                .maximumSize(100_000)
                .build();
        this.unknownChecks = new Semaphore(settings.concurrentChecks(), true);
    }

    /** Wraps a password authentication manager with this throttle. */
    AuthenticationManager around(AuthenticationManager passwords) {
        return authentication -> {
            if (!(authentication instanceof UsernamePasswordAuthenticationToken))
                return passwords.authenticate(authentication);
            String account = String.valueOf(authentication.getName()).toLowerCase(Locale.ROOT);
            String address = authentication.getDetails() instanceof WebAuthenticationDetails details
                            && details.getRemoteAddress() != null
                    ? details.getRemoteAddress()
                    : "unknown";
            String key = account + " " + address;
            boolean known = signedInFrom.getIfPresent(key) != null;
            Source source = sources.get(key, k -> new Source());
            reserve(source);
            boolean accountCounted = false;
            boolean permit = false;
            try {
                if (!known) {
                    reserveAccount(account);
                    accountCounted = true;
                    permit = acquireCheck();
                }
                Authentication result = passwords.authenticate(authentication);
                synchronized (source) {
                    source.running--;
                    source.failures = 0;
                    source.notBefore = Instant.MIN;
                }
                if (accountCounted) releaseAccount(account);
                signedInFrom.put(key, Boolean.TRUE);
                return result;
            } catch (BadCredentialsException wrong) {
                failed(source);
                throw wrong;
            } catch (RuntimeException other) {
                // Not a wrong password (refused before checking, or the accounts could not be read): not a failure.
                synchronized (source) {
                    source.running--;
                }
                if (accountCounted) releaseAccount(account);
                throw other;
            } finally {
                if (permit) unknownChecks.release();
            }
        };
    }

    /** Counts this attempt as running, or refuses it when failures plus running checks reach the source's allowance. */
    private void reserve(Source source) {
        Instant now = clock.get();
        synchronized (source) {
            if (source.failures + source.running >= settings.freeFailures() && now.isBefore(source.notBefore)) {
                throw refused(
                        "too many failed sign-ins for this account from this address",
                        Duration.between(now, source.notBefore));
            }
            if (source.failures + source.running >= settings.freeFailures() && source.running > 0) {
                // Checks still running may all fail: wait for them rather than let a burst pass between check and
                // count.
                throw refused("too many sign-ins for this account from this address at once", settings.firstDelay());
            }
            source.running++;
        }
    }

    private void failed(Source source) {
        Instant now = clock.get();
        synchronized (source) {
            source.running--;
            source.failures++;
            int beyond = source.failures - settings.freeFailures();
            if (beyond >= 0) {
                Duration delay = settings.firstDelay().multipliedBy(1L << Math.min(beyond, 30));
                source.notBefore = now.plus(delay.compareTo(settings.maxDelay()) > 0 ? settings.maxDelay() : delay);
            }
        }
    }

    private void reserveAccount(String account) {
        Instant now = clock.get();
        Hour hour = accounts.get(account, k -> new Hour(now));
        synchronized (hour) {
            if (!now.isBefore(hour.start.plus(Duration.ofHours(1)))) {
                hour.start = now;
                hour.failures = 0;
            }
            if (hour.failures >= settings.failuresPerAccountPerHour()) {
                throw refused(
                        "too many failed sign-ins for this account from new addresses this hour (an address it signed in "
                                + "from before is not refused)",
                        Duration.between(now, hour.start.plus(Duration.ofHours(1))));
            }
            hour.failures++;
        }
    }

    private void releaseAccount(String account) {
        Hour hour = accounts.getIfPresent(account);
        if (hour == null) return;
        synchronized (hour) {
            if (hour.failures > 0) hour.failures--;
        }
    }

    private boolean acquireCheck() {
        try {
            if (unknownChecks.tryAcquire(CHECK_WAIT.toMillis(), TimeUnit.MILLISECONDS)) return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw refused("too many password sign-ins at once on this server", Duration.ofSeconds(1));
    }

    private static ThrottledException refused(String why, Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        return new ThrottledException(
                why + ": try again in " + (seconds >= 120 ? (seconds + 59) / 60 + " minutes" : seconds + " seconds")
                        + " (sessions and access tokens still work)",
                seconds);
    }
}
