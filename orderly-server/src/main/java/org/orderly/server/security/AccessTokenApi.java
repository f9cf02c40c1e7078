package org.orderly.server.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.List;
import java.util.NoSuchElementException;
import org.orderly.store.access.AccessTokenStore;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Personal access tokens: an account issues tokens for itself (shown once), lists and revokes them, one or all. An API
 * client then sends {@code Authorization: Bearer <token>} and acts with the account's roles and party.
 *
 * <p>Only a password reaches these endpoints (HTTP Basic, or a session from the sign-in page): a token cannot issue,
 * list or revoke tokens ({@code FACTOR_PASSWORD} is required, see {@link SecurityConfiguration}). So no token is ever
 * derived from another, and revoking a stolen token ends what the thief can do. A session must also send the password
 * again to issue one ({@link PasswordConfirmation}).
 */
@RestController
@RequestMapping("/api/v1/tokens")
@Tag(name = "Access tokens", description = "Personal access tokens for API clients, kept only as hashes")
public class AccessTokenApi {
    static final int MAX_DAYS = 366;

    private final AccessTokenStore tokens;

    public AccessTokenApi(AccessTokenStore tokens, PasswordConfirmation passwords) {
        this.tokens = tokens;
        this.passwords = passwords;
    }

    /**
     * What to call the token, how many days it lives (default 90, at most 366), and, from a browser session, the
     * account's password again (a Basic request carries it already).
     */
    public record TokenRequest(String label, Integer days, String password) {
        @Override
        public String toString() {
            return "TokenRequest[label=" + label + ", days=" + days + "]";
        }
    }

    /** How many tokens a "revoke all" ended. */
    public record Revoked(int revoked) {}

    private final PasswordConfirmation passwords;

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Issue a token for the account (password needed: Basic, or a session sending \"password\"): "
                    + "the token is in this answer only, keep it")
    public AccessTokenStore.Issued issue(
            @RequestBody(required = false) TokenRequest request, Authentication principal, HttpServletRequest http) {
        String label = label(request == null ? "" : request.label());
        Duration lifetime = lifetime(request == null || request.days() == null ? 90 : request.days());
        passwords.confirm(principal, request == null ? null : request.password(), http);
        return tokens.issue(principal.getName(), label, lifetime);
    }

    @DeleteMapping
    @Operation(summary = "Revoke every active token of the signed-in account (after a token leaked)")
    public Revoked revokeAll(Authentication principal) {
        return new Revoked(tokens.revokeAll(principal.getName()));
    }

    @GetMapping
    @Operation(summary = "The signed-in account's tokens (never the tokens themselves)")
    public List<AccessTokenStore.AccessToken> list(Authentication principal) {
        return tokens.of(principal.getName());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke one of the signed-in account's tokens")
    public void revoke(@PathVariable long id, Authentication principal) {
        if (!tokens.revoke(principal.getName(), id)) throw new NoSuchElementException("the account has no token " + id);
    }

    static String label(String label) {
        String text = label == null ? "" : label.strip();
        if (text.length() > 100)
            throw new IllegalArgumentException("label: at most 100 characters, found " + text.length());
        if (text.chars().anyMatch(Character::isISOControl))
            throw new IllegalArgumentException("label: control characters are not allowed");
        return text;
    }

    static Duration lifetime(int days) {
        if (days < 1 || days > MAX_DAYS)
            throw new IllegalArgumentException("days: a token lives 1 to " + MAX_DAYS + " days, not " + days);
        return Duration.ofDays(days);
    }
}
