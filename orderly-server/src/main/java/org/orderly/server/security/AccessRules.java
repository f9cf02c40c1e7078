package org.orderly.server.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * Who may call which paths, contributed by each capability (border, negotiation…) and applied in {@code @Order} to both
 * of the server's filter chains (API clients and browsers), ahead of the general rules; the first matching rule decides.
 */
@FunctionalInterface
public interface AccessRules {
    void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests);
}
