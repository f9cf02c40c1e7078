package org.orderly.server.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Limits failed password sign-ins per account and per network address: after {@code perAccount} failures for one
 * account, or {@code perAddress} from one address, within the window, every password sign-in for that account or
 * from that address is refused without hashing anything until the window has passed since the last failure. Sessions
 * and personal access tokens are not affected, so a flood of wrong passwords neither locks out a working officer's
 * booth nor costs the server a password hash per attempt.
 */
final class SignInThrottle {
    private final int perAccount;
    private final int perAddress;
    private final Duration window;
    private final Cache<String, AtomicInteger> failures;

    SignInThrottle(int perAccount, int perAddress, Duration window) {
        if (perAccount < 1 || perAddress < 1) throw new IllegalArgumentException("orderly.sign-in: the failure limits must be at least 1");
        this.perAccount = perAccount;
        this.perAddress = perAddress;
        this.window = window;
        // Bounded: a flood of invented account names cannot grow it without limit.
        this.failures = Caffeine.newBuilder().expireAfterWrite(window).maximumSize(100_000).build();
    }

    /** Refused: too many failed sign-ins; says when to try again. */
    static final class ThrottledException extends AuthenticationException {
        private final long retryAfterSeconds;

        ThrottledException(String message, long retryAfterSeconds) {
            super(message);
            this.retryAfterSeconds = retryAfterSeconds;
        }

        long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    /** Wraps a password authentication manager with this throttle. */
    AuthenticationManager around(AuthenticationManager passwords) {
        return authentication -> {
            if (!(authentication instanceof UsernamePasswordAuthenticationToken)) return passwords.authenticate(authentication);
            String account = "account:" + String.valueOf(authentication.getName()).toLowerCase(Locale.ROOT);
            String address = authentication.getDetails() instanceof WebAuthenticationDetails details && details.getRemoteAddress() != null
                    ? "address:" + details.getRemoteAddress() : null;
            refuseIfOver(account, perAccount, "this account");
            if (address != null) refuseIfOver(address, perAddress, "this address");
            try {
                Authentication result = passwords.authenticate(authentication);
                failures.invalidate(account);
                return result;
            } catch (BadCredentialsException e) {
                count(account);
                if (address != null) count(address);
                throw e;
            }
        };
    }

    private void refuseIfOver(String key, int limit, String what) throws AuthenticationException {
        AtomicInteger count = failures.getIfPresent(key);
        if (count != null && count.get() >= limit) {
            long seconds = Math.max(1, window.toSeconds());
            throw new ThrottledException("too many failed sign-ins for " + what + ": password sign-in is refused for "
                    + (seconds >= 120 ? seconds / 60 + " minutes" : seconds + " seconds")
                    + " after the last failure (sessions and access tokens still work)", seconds);
        }
    }

    private void count(String key) {
        // Re-put so that the window restarts from the latest failure.
        AtomicInteger count = failures.get(key, k -> new AtomicInteger());
        count.incrementAndGet();
        failures.put(key, count);
    }
}
