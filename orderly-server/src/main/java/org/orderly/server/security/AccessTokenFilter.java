package org.orderly.server.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.orderly.store.access.AccessTokenStore;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.WebAuthenticationDetailsSource;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <personal access token>}: the token's hash names an account, and the request
 * acts with that account's current roles and party. A token that is unknown, revoked or expired, or whose account no
 * longer exists, is refused with 401; nothing falls back to a cookie. The request carries the authority
 * {@code FACTOR_BEARER} and never {@code FACTOR_PASSWORD}, so a token cannot reach what needs a password: issuing,
 * listing and revoking tokens (a stolen token cannot mint successors that outlive its revocation).
 */
final class AccessTokenFilter extends OncePerRequestFilter {
    private static final String BEARER = "Bearer ";

    private final AccessTokenStore tokens;
    private final UserDetailsService accounts;
    private final AuthenticationEntryPoint refusal;
    private final WebAuthenticationDetailsSource details = new WebAuthenticationDetailsSource();

    AccessTokenFilter(AccessTokenStore tokens, UserDetailsService accounts, AuthenticationEntryPoint refusal) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.refusal = refusal;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            chain.doFilter(request, response);
            return;
        }
        Optional<UserDetails> account =
                tokens.account(header.substring(BEARER.length()).trim()).flatMap(this::account);
        if (account.isEmpty()) {
            SecurityContextHolder.clearContext();
            refusal.commence(
                    request, response, new BadCredentialsException("unknown, revoked or expired access token"));
            return;
        }
        // FACTOR_BEARER, never FACTOR_PASSWORD: what needs a password (managing tokens) refuses a token.
        List<GrantedAuthority> authorities = new ArrayList<>(account.get().getAuthorities());
        authorities.removeIf(a -> FactorGrantedAuthority.PASSWORD_AUTHORITY.equals(a.getAuthority()));
        authorities.add(FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.BEARER_AUTHORITY));
        UsernamePasswordAuthenticationToken authentication =
                UsernamePasswordAuthenticationToken.authenticated(account.get().getUsername(), null, authorities);
        authentication.setDetails(details.buildDetails(request));
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        chain.doFilter(request, response);
    }

    private Optional<UserDetails> account(String name) {
        try {
            UserDetails user = accounts.loadUserByUsername(name);
            return user.isEnabled() && user.isAccountNonLocked() ? Optional.of(user) : Optional.empty();
        } catch (UsernameNotFoundException gone) {
            return Optional.empty();
        }
    }
}
