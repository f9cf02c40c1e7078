package org.orderly.server.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetailsSource;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Asks for the account's password again before something that outlives the sign-in (issuing a personal access token):
 * a session left open on a shared terminal, or a cookie taken from one, is not enough. A request with HTTP Basic
 * carried the password itself and was just checked; a session must send it. The check goes through the same throttled
 * password authentication as sign-in, so it cannot be used to guess.
 */
@Component
public class PasswordConfirmation {
    private final AuthenticationManager passwords;
    private final WebAuthenticationDetailsSource details = new WebAuthenticationDetailsSource();

    PasswordConfirmation(AuthenticationManager passwords) {
        this.passwords = passwords;
    }

    /**
     * Returns when the password was given with this very request (Basic) or {@code password} is the signed-in account's.
     *
     * @throws ResponseStatusException 403 when the password is missing or wrong
     */
    public void confirm(Authentication principal, String password, HttpServletRequest request) {
        if (carriesBasicPassword(request)) return;
        if (password == null || password.isEmpty()) {
            throw new ResponseStatusException(
                    HttpStatus.FORBIDDEN, "this asks for your password again: send it as \"password\"");
        }
        UsernamePasswordAuthenticationToken attempt =
                UsernamePasswordAuthenticationToken.unauthenticated(principal.getName(), password);
        attempt.setDetails(details.buildDetails(request));
        try {
            passwords.authenticate(attempt);
        } catch (BadCredentialsException wrong) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "the password is wrong");
        }
    }

    /** Basic credentials in the header were authenticated by the API clients' chain before the request got here. */
    private static boolean carriesBasicPassword(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return header != null && header.trim().toLowerCase(Locale.ROOT).startsWith("basic ");
    }
}
