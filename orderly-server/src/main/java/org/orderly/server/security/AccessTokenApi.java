package org.orderly.server.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
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
 * Personal access tokens: a signed-in account issues tokens for itself (shown once), lists and revokes them. An API
 * client then sends {@code Authorization: Bearer <token>} and acts with the account's roles and party.
 */
@RestController
@RequestMapping("/api/v1/tokens")
@Tag(name = "Access tokens", description = "Personal access tokens for API clients, kept only as hashes")
public class AccessTokenApi {
    static final int MAX_DAYS = 366;

    private final AccessTokenStore tokens;

    public AccessTokenApi(AccessTokenStore tokens) {
        this.tokens = tokens;
    }

    /** What to call the token and how many days it lives (default 90, at most 366). */
    public record TokenRequest(String label, Integer days) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Issue a token for the signed-in account: the token is in this answer only, keep it")
    public AccessTokenStore.Issued issue(@RequestBody(required = false) TokenRequest request, Authentication principal) {
        String label = request == null ? "" : request.label();
        int days = request == null || request.days() == null ? 90 : request.days();
        return tokens.issue(principal.getName(), label(label), lifetime(days));
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
        if (text.length() > 100) throw new IllegalArgumentException("label: at most 100 characters, found " + text.length());
        if (text.chars().anyMatch(Character::isISOControl)) throw new IllegalArgumentException("label: control characters are not allowed");
        return text;
    }

    static Duration lifetime(int days) {
        if (days < 1 || days > MAX_DAYS) throw new IllegalArgumentException("days: a token lives 1 to " + MAX_DAYS + " days, not " + days);
        return Duration.ofDays(days);
    }
}
